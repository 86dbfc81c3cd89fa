import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bare handler of docs/benchmarks.md "Issue 8: the request path against bare handlers": what
 * GET /v1/me costs with nothing but Undertow, HikariCP and the database work the issue names, in
 * one transaction on one pooled connection:
 * <ol>
 *   <li>find the session by the SHA-256 of the bearer token in {@code directory.session_tokens};</li>
 *   <li>set {@code qleven.tenant_id} to its center for the transaction, as the host does;</li>
 *   <li>read the account (its sealed name, email and phone, as bytes) from {@code public.accounts};</li>
 *   <li>append one {@code account.read} event: the host's lock-free insert into
 *       {@code public.audit_events} with its due mark in {@code directory.audit_due}, one statement.</li>
 * </ol>
 * No routing, request id, security headers, access log, metrics, permission check, decryption or
 * JSON mapping: the answer is a fixed body of the size of the host's. The pool logs in as the
 * database superuser (the only password the embedded database keeps in a file) and every
 * connection runs {@code SET ROLE <app role>} first, so the statements run as the host's app role
 * under row-level security. Run beside the host, on its database:
 * <pre>java -cp qleven-host.jar bench/BareMe.java PORT JDBC_URL USER APP_ROLE POOL_SIZE</pre>
 * with the password in the environment variable {@code BENCH_DB_PASSWORD} (not an argument, which
 * {@code ps} would show).
 */
public final class BareMe {
    static final String FIND_SESSION = "SELECT token_hash, session_id, tenant_id, user_id, absolute_expiry"
            + " FROM directory.session_tokens WHERE token_hash = ?";
    static final String SET_TENANT = "SELECT set_config('qleven.tenant_id', ?, true)";
    static final String READ_ACCOUNT = "SELECT id, full_name, email, phone, password_hash, age_confirmed_at,"
            + " is_operator, created_at FROM public.accounts WHERE id = ?";
    static final String APPEND_AUDIT = "WITH e AS (INSERT INTO public.audit_events (tenant_id, at, actor_id,"
            + " session_id, action, subject_type, subject_id, purpose, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id) INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, ? FROM e"
            + " RETURNING event_id";

    /** A signed-in session: its center, person and session id, or null when the token is unknown or expired. */
    record Session(UUID tenant, UUID user, UUID session) {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        HikariDataSource pool = pool(args[1], args[2], password(), args[3], Integer.parseInt(args[4]));
        byte[] body = ("{\"userId\":\"0192f0a4-6c5e-7b1a-9f3e-2d4c5b6a7980\","
                + "\"tenantId\":\"0192f0a4-6c5e-7b1a-9f3e-2d4c5b6a7981\",\"role\":\"administrator\","
                + "\"fullName\":\"Ana López\",\"email\":\"ana@example.com\",\"phone\":\"+34600111222\"}")
                .getBytes(StandardCharsets.UTF_8);
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(new io.undertow.server.HttpHandler() {
            @Override
            public void handleRequest(io.undertow.server.HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                String hash = tokenHash(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
                boolean found;
                try (Connection c = pool.getConnection()) {
                    found = me(c, hash);
                }
                if (!found) {
                    exchange.setStatusCode(401);
                    exchange.endExchange();
                    return;
                }
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(body));
            }
        }).build().start();
        System.out.println("bare GET /v1/me on " + port);
    }

    /** The database work of one GET /v1/me, in one transaction; false when the token finds no live session. */
    static boolean me(Connection c, String tokenHash) throws Exception {
        try {
            Session s = findSession(c, tokenHash);
            if (s == null) {
                c.rollback();
                return false;
            }
            setTenant(c, s.tenant());
            try (PreparedStatement read = c.prepareStatement(READ_ACCOUNT)) {
                read.setObject(1, s.user());
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    rs.getBytes("full_name");
                    rs.getBytes("email");
                    rs.getBytes("phone");
                }
            }
            audit(c, s, "account.read", "account", s.user(), "own profile", 1);
            c.commit();
            return true;
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    static HikariDataSource pool(String url, String user, String password, String appRole, int size) {
        if (!appRole.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a role name: " + appRole);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(false);
        config.setConnectionInitSql("SET ROLE " + appRole);
        config.setPoolName("bare");
        return new HikariDataSource(config);
    }

    static String password() {
        String password = System.getenv("BENCH_DB_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("set BENCH_DB_PASSWORD to the database user's password");
        }
        return password;
    }

    static String tokenHash(String authorization) throws Exception {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** The global look-up, with the tenant setting empty as in the host's global units of work. */
    static Session findSession(Connection c, String tokenHash) throws Exception {
        setTenant(c, null);
        try (PreparedStatement find = c.prepareStatement(FIND_SESSION)) {
            find.setString(1, tokenHash);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next() || !rs.getTimestamp("absolute_expiry").toInstant().isAfter(Instant.now())) {
                    return null;
                }
                UUID tenant = (UUID) rs.getObject("tenant_id");
                return tenant == null ? null
                        : new Session(tenant, (UUID) rs.getObject("user_id"), (UUID) rs.getObject("session_id"));
            }
        }
    }

    static void setTenant(Connection c, UUID tenant) throws Exception {
        try (PreparedStatement set = c.prepareStatement(SET_TENANT)) {
            set.setString(1, tenant == null ? "" : tenant.toString());
            try (ResultSet rs = set.executeQuery()) {
                rs.next();
            }
        }
    }

    static void audit(Connection c, Session s, String action, String subjectType, UUID subject, String purpose,
                      int rows) throws Exception {
        try (PreparedStatement append = c.prepareStatement(APPEND_AUDIT)) {
            append.setObject(1, s.tenant());
            append.setTimestamp(2, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            append.setObject(3, s.user());
            append.setObject(4, s.session());
            append.setString(5, action);
            append.setString(6, subjectType);
            append.setObject(7, subject);
            append.setString(8, purpose);
            append.setInt(9, rows);
            append.setObject(10, s.tenant());
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
            }
        }
    }
}
