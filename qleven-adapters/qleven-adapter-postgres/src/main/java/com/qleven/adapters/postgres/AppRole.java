package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.shared.SqlFailures;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGConnection;

/**
 * The unprivileged LOGIN role the pool uses, so that row-level security holds even when the owner
 * is a superuser. Runs at every start: creating or repairing the role and granting it the schema's
 * objects is cheap and idempotent, and a database cloned from a template gets grants for its own
 * role this way.
 */
final class AppRole {
    /** How the pool logs in. */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=***]";
        }
    }

    private static final int MAX_IDENTIFIER_BYTES = 63;
    private static final String SET_USER_HINT = "create a LOGIN role that is not a superuser, has no BYPASSRLS and"
            + " owns nothing, and set QLEVEN_DATABASE_APP_USER and QLEVEN_DATABASE_APP_PASSWORD";

    private AppRole() {
    }

    static Connection ownerConnection(PostgresSettings settings, String purpose) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.ownerUser());
        props.setProperty("password", settings.ownerPassword());
        props.setProperty("ApplicationName", "qleven-" + purpose);
        props.setProperty("connectTimeout", "10");
        Connection connection = new Driver().connect(settings.jdbcUrl(), props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the URL " + settings.jdbcUrl());
        }
        return connection;
    }

    /** Makes sure the pool's role exists, is unprivileged and may use the schema; returns its login. */
    static Login ensure(PostgresSettings settings) {
        try (Connection c = ownerConnection(settings, "migrate")) {
            c.setAutoCommit(false);
            try {
                // Two hosts starting at once would otherwise race on CREATE ROLE and on the grants.
                execute(c, "SELECT pg_advisory_xact_lock(hashtextextended('qleven.app_role', 0))");
                Login login = settings.appUser().isPresent()
                        ? given(c, settings)
                        : derived(c, settings);
                requireUnprivileged(c, login.user());
                grant(c, login.user());
                c.commit();
                return login;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("prepare the database role of the connection pool", e);
        }
    }

    private static Login given(Connection c, PostgresSettings settings) throws SQLException {
        String user = settings.appUser().orElseThrow();
        if (!roleExists(c, user)) {
            throw new IllegalStateException("QLEVEN_DATABASE_APP_USER names the role " + user
                    + ", which does not exist in this PostgreSQL server");
        }
        return new Login(user, settings.appPassword().orElse(""));
    }

    private static Login derived(Connection c, PostgresSettings settings) throws SQLException {
        String database = queryString(c, "SELECT current_database()");
        String role = database + "_app";
        if (role.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalStateException("the database name " + database + " is too long to name its app role "
                    + role + " (PostgreSQL allows " + MAX_IDENTIFIER_BYTES + " bytes): " + SET_USER_HINT);
        }
        String owner = settings.ownerUser();
        boolean mayCreateRoles;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
             ResultSet rs = st.executeQuery()) {
            mayCreateRoles = rs.next() && rs.getBoolean(1);
        }
        boolean exists = roleExists(c, role);
        if (!mayCreateRoles) {
            throw new IllegalStateException("the database user " + owner + " may not create roles (it is neither a"
                    + " superuser nor CREATEROLE), so it cannot " + (exists ? "manage" : "create") + " the role " + role
                    + " that the connection pool logs in as: " + SET_USER_HINT);
        }
        String quoted = c.unwrap(PGConnection.class).escapeIdentifier(role);
        if (!exists) {
            execute(c, "CREATE ROLE " + quoted
                    + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT");
        } else {
            repair(c, role, quoted);
        }
        // The driver hashes the password (SCRAM) before sending it, so it never reaches the server's
        // statement log in plain text.
        c.unwrap(PGConnection.class).alterUserPassword(role, settings.derivedAppPassword().toCharArray(), null);
        return new Login(role, settings.derivedAppPassword());
    }

    /**
     * Only what is wrong is altered: in PostgreSQL 15 naming SUPERUSER or BYPASSRLS in ALTER ROLE at
     * all needs a superuser, even to turn them off, so an owner with CREATEROLE could not run it.
     */
    private static void repair(Connection c, String role, String quoted) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT rolsuper OR rolbypassrls OR rolreplication AS privileged,
                       NOT rolcanlogin OR rolcreatedb OR rolcreaterole AS misfit
                FROM pg_roles WHERE rolname = ?""")) {
            st.setString(1, role);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getBoolean("privileged")) {
                    execute(c, "ALTER ROLE " + quoted + " NOSUPERUSER NOBYPASSRLS NOREPLICATION");
                }
                if (rs.getBoolean("misfit")) {
                    execute(c, "ALTER ROLE " + quoted + " LOGIN NOCREATEDB NOCREATEROLE");
                }
            }
        }
    }

    /**
     * Refuses a role through which row-level security would not hold: one that bypasses it, that can
     * become a role that does (or the owner) through SET ROLE, or that owns part of the schema.
     */
    private static void requireUnprivileged(Connection c, String role) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT r.rolsuper, r.rolbypassrls,
                       (SELECT string_agg(other.rolname, ', ' ORDER BY other.rolname) FROM pg_roles other
                        WHERE other.oid <> r.oid AND pg_has_role(r.oid, other.oid, 'MEMBER')
                          AND (other.rolsuper OR other.rolbypassrls OR other.rolname = current_user)) AS escapes,
                       (SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                        WHERE k.relowner = r.oid AND n.nspname = ANY(?))
                     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.proowner = r.oid AND n.nspname = ANY(?))
                     + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid AND n.nspname = ANY(?))
                       AS owned
                FROM pg_roles r WHERE r.rolname = ?""")) {
            Array schemas = c.createArrayOf("text", Migrations.SCHEMAS.toArray());
            st.setArray(1, schemas);
            st.setArray(2, schemas);
            st.setArray(3, schemas);
            st.setString(4, role);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                List<String> problems = new ArrayList<>();
                if (rs.getBoolean("rolsuper")) {
                    problems.add("is a superuser");
                }
                if (rs.getBoolean("rolbypassrls")) {
                    problems.add("has BYPASSRLS");
                }
                String escapes = rs.getString("escapes");
                if (escapes != null) {
                    problems.add("is a member of " + escapes + ", which it could SET ROLE to");
                }
                if (rs.getLong("owned") > 0) {
                    problems.add("owns objects of the schema");
                }
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the role " + role + " that the connection pool logs in as "
                            + String.join(", ", problems) + ", so row-level security would not hold: "
                            + SET_USER_HINT);
                }
            }
        }
    }

    private static void grant(Connection c, String role) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        String quoted = pg.escapeIdentifier(role);
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT nspname FROM pg_namespace WHERE nspname = ANY(?) ORDER BY nspname")) {
            st.setArray(1, c.createArrayOf("text", Migrations.SCHEMAS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    schemas.add(pg.escapeIdentifier(rs.getString(1)));
                }
            }
        }
        String in = String.join(", ", schemas);
        execute(c, "GRANT USAGE ON SCHEMA " + in + " TO " + quoted);
        execute(c, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + in + " TO " + quoted);
        execute(c, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + in + " TO " + quoted);
        // The migration history is the owner's alone: the app must not rewrite what was applied.
        if (queryString(c, "SELECT to_regclass('public." + Migrations.HISTORY_TABLE + "')::text") != null) {
            execute(c, "REVOKE ALL ON TABLE public." + Migrations.HISTORY_TABLE + " FROM " + quoted);
        }
        // The schema's own functions only: those of extensions (btree_gist has hundreds) are
        // executable by everyone already, and granting on them would only warn.
        List<String> functions = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ANY(?) AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                  AND d.objid = p.oid AND d.deptype = 'e')""")) {
            st.setArray(1, c.createArrayOf("text", Migrations.SCHEMAS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    functions.add(rs.getString(1));
                }
            }
        }
        if (!functions.isEmpty()) {
            execute(c, "GRANT EXECUTE ON FUNCTION " + String.join(", ", functions) + " TO " + quoted);
        }
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, role);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
