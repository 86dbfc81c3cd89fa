package com.qleven.adapters.postgres.testing;

import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.SchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh PostgreSQL databases for tests, one PostgreSQL server per test JVM: the one named by
 * {@code QLEVEN_TEST_DB_URL} (with {@code QLEVEN_TEST_DB_USER}, default {@code postgres}, and
 * {@code QLEVEN_TEST_DB_PASSWORD}, default empty; a superuser, as some tests create roles that
 * only a superuser may), else an embedded PostgreSQL started on first use.
 *
 * <p>The schema is migrated once per JVM into a template database; each {@link #newDatabase()}
 * clones it, so a database costs a file copy rather than a migration. At JVM exit the databases
 * and the {@code <database>_app} roles made for them are dropped, so a shared server does not fill
 * up.
 */
public final class TestDatabases {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = randomHex(4);

    private static Server server;
    private static String template;
    private static int counter;
    private static final List<String> DATABASES = new ArrayList<>();
    private static final List<String> ROLES = new ArrayList<>();

    /** Where the server is, and how the owner logs in. */
    private record Server(String maintenanceUrl, String user, String password, EmbeddedPostgres embedded) {
        String urlOf(String database) {
            Matcher m = URL.matcher(maintenanceUrl);
            if (!m.matches()) {
                throw new IllegalStateException("QLEVEN_TEST_DB_URL must look like"
                        + " jdbc:postgresql://host:port/database, not " + maintenanceUrl);
            }
            return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
        }
    }

    private TestDatabases() {
    }

    /**
     * A new database holding the migrated schema and nothing else, owned by the server's superuser,
     * with no app role yet: {@code PostgresStore.open} creates {@code <database>_app}.
     */
    public static synchronized PostgresSettings newDatabase() {
        return newDatabase("qleven_t");
    }

    /** {@link #newDatabase()} with a name that starts with {@code prefix} (which may need quoting). */
    public static synchronized PostgresSettings newDatabase(String prefix) {
        Server s = server();
        String source = template(s);
        String name = prefix + "_" + RUN + "_" + (++counter);
        admin("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(source));
        forgetAtExit(name, true);
        return settings(s, name);
    }

    /** Settings for an existing database of the test server, logging in as its superuser. */
    public static synchronized PostgresSettings settingsFor(String database) {
        return settings(server(), database);
    }

    private static PostgresSettings settings(Server s, String database) {
        return PostgresSettings.of(s.urlOf(database), s.user(), s.password(), randomHex(16), 4);
    }

    /** A name no other test of any JVM uses, for a database or role a test creates itself. */
    public static synchronized String uniqueName(String prefix) {
        return prefix + "_" + RUN + "_" + (++counter);
    }

    /**
     * Drops the database (and, when {@code withAppRole}, its {@code <database>_app} role) at JVM
     * exit.
     */
    public static synchronized void forgetAtExit(String database, boolean withAppRole) {
        DATABASES.add(database);
        if (withAppRole) {
            ROLES.add(database + "_app");
        }
    }

    /** Drops the role at JVM exit, after the databases. */
    public static synchronized void forgetRoleAtExit(String role) {
        ROLES.add(role);
    }

    /** Runs statements on the maintenance database as the server's superuser. */
    public static synchronized void admin(String... statements) {
        try (Connection c = connect(server(), server().maintenanceUrl()); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }

    /**
     * A new database of a unique name starting with {@code prefix}, migrated up to {@code version}
     * only (no app role), dropped at JVM exit: as a host of an earlier build left it.
     */
    public static PostgresSettings migratedTo(String prefix, String version) {
        String name = uniqueName(prefix);
        admin("CREATE DATABASE " + quote(name));
        forgetAtExit(name, false);
        PostgresSettings settings = settingsFor(name);
        SchemaMigrations.migrateTo(settings, version);
        return settings;
    }

    /** The first column of every row {@code sql} answers, read as the server's superuser. */
    public static List<String> strings(PostgresSettings settings, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = superuserConnection(settings); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A connection to the database of the settings as the server's superuser. */
    public static synchronized Connection superuserConnection(PostgresSettings settings) throws SQLException {
        return connect(server(), settings.jdbcUrl());
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Server server() {
        if (server == null) {
            server = startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::cleanUp, "qleven-test-databases-cleanup"));
        }
        return server;
    }

    private static Server startServer() {
        Map<String, String> env = System.getenv();
        String url = env.get("QLEVEN_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, env.getOrDefault("QLEVEN_TEST_DB_USER", "postgres"),
                    env.getOrDefault("QLEVEN_TEST_DB_PASSWORD", ""), null);
        }
        try {
            // A throwaway server: zonky's defaults (fsync off, temporary folder removed at exit) suit it.
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            return new Server("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "",
                    embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static String template(Server s) {
        if (template == null) {
            String name = "qleven_tpl_" + RUN;
            admin("CREATE DATABASE " + quote(name));
            DATABASES.add(name);
            SchemaMigrations.migrate(settings(s, name));
            template = name;
        }
        return template;
    }

    private static Connection connect(Server s, String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", s.user());
        props.setProperty("password", s.password());
        props.setProperty("ApplicationName", "qleven-tests");
        return DriverManager.getConnection(url, props);
    }

    /** An embedded server goes with its folder; on a shared one, drop what this JVM made. */
    private static synchronized void cleanUp() {
        if (server == null || server.embedded() != null) {
            return;
        }
        try (Connection c = connect(server, server.maintenanceUrl()); Statement st = c.createStatement()) {
            for (String database : DATABASES) {
                dropQuietly(st, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
            }
            for (String role : ROLES) {
                dropQuietly(st, "DROP ROLE IF EXISTS " + quote(role));
            }
        } catch (SQLException e) {
            System.err.println("qleven tests: cannot drop the test databases " + DATABASES + ": " + e.getMessage());
        }
    }

    private static void dropQuietly(Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            System.err.println("qleven tests: " + sql + " failed: " + e.getMessage());
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
