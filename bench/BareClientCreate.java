import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bare handler of docs/benchmarks.md "Issue 8: the request path against bare handlers": what
 * POST /v1/clients costs with nothing but Undertow, HikariCP and the database work the issue
 * names, in one transaction on one pooled connection:
 * <ol>
 *   <li>find the session by the SHA-256 of the bearer token in {@code directory.session_tokens};</li>
 *   <li>set {@code qleven.tenant_id} to its center for the transaction, as the host does;</li>
 *   <li>insert one client into {@code public.clients}: five sealed fields as random bytes of the
 *       sizes the host stored, two blind indexes, birth year and month;</li>
 *   <li>insert its name tokens into {@code public.client_name_tokens}, one statement over
 *       {@code unnest}, as many as the host stored per client;</li>
 *   <li>append one {@code client.create} event: the insert into {@code public.audit_events} with
 *       its due mark in {@code directory.audit_due}, one statement.</li>
 * </ol>
 * The request body is read and dropped: no routing, JSON parsing, validation, phone parsing,
 * encryption, blind indexes, data keys, permission check or access log. At start it reads, as the
 * superuser, the average sizes of the sealed fields and the number of name tokens per client that
 * the host has stored so far (run the host's POST /v1/clients first), so the rows are the host's
 * size. The pool logs in as the superuser and every connection runs {@code SET ROLE <app role>}
 * first: the statements run as the host's app role under row-level security.
 * <pre>java -cp qleven-host.jar bench/BareClientCreate.java PORT JDBC_URL USER APP_ROLE POOL_SIZE</pre>
 * with the password in the environment variable {@code BENCH_DB_PASSWORD} (not an argument, which
 * {@code ps} would show).
 */
public final class BareClientCreate {
    static final String FIND_SESSION = "SELECT token_hash, session_id, tenant_id, user_id, absolute_expiry"
            + " FROM directory.session_tokens WHERE token_hash = ?";
    static final String SET_TENANT = "SELECT set_config('qleven.tenant_id', ?, true)";
    static final String INSERT_CLIENT = "INSERT INTO public.clients (tenant_id, id, full_name, phone, email,"
            + " birth_date, notes, phone_index, email_index, birth_year, birth_month, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_TOKENS = "INSERT INTO public.client_name_tokens (tenant_id, client_id, token)"
            + " SELECT ?, ?, t FROM unnest(?) AS t";
    static final String APPEND_AUDIT = "WITH e AS (INSERT INTO public.audit_events (tenant_id, at, actor_id,"
            + " session_id, action, subject_type, subject_id, purpose, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id) INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, ? FROM e"
            + " RETURNING event_id";

    /** A signed-in session: its center, person and session id. */
    record Session(UUID tenant, UUID user, UUID session) {
    }

    /** The host's average stored sizes: five sealed fields in bytes, and name tokens per client. */
    record Shape(int fullName, int phone, int email, int birthDate, int notes, int tokens) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Shape shape = shape(args[1], args[2], password());
        System.out.println("rows shaped as the host's: " + shape);
        HikariDataSource pool = pool(args[1], args[2], password(), args[3], Integer.parseInt(args[4]));
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                exchange.startBlocking();
                try (InputStream in = exchange.getInputStream()) {
                    in.readAllBytes();
                }
                String hash = tokenHash(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
                UUID id;
                try (Connection c = pool.getConnection()) {
                    id = create(c, hash, shape);
                }
                if (id == null) {
                    exchange.setStatusCode(401);
                    exchange.endExchange();
                    return;
                }
                exchange.setStatusCode(201);
                exchange.getResponseHeaders().put(Headers.LOCATION, "/v1/clients/" + id);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(ByteBuffer.wrap(("{\"id\":\"" + id + "\",\"fullName\":"
                        + "\"Lucía Fernández 1\",\"phone\":\"+34610000001\",\"email\":\"c0.1@example.com\","
                        + "\"birthDate\":\"1985-06-02\",\"notes\":\"Bench client 1: sensitive skin, no retinoids.\","
                        + "\"createdAt\":\"" + Instant.now() + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8)));
            }
        }).build().start();
        System.out.println("bare POST /v1/clients on " + port);
    }

    /** The database work of one POST /v1/clients, in one transaction; null when the token finds no live session. */
    static UUID create(Connection c, String tokenHash, Shape shape) throws Exception {
        try {
            Session s = findSession(c, tokenHash);
            if (s == null) {
                c.rollback();
                return null;
            }
            setTenant(c, s.tenant());
            UUID id = timeOrdered();
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
            try (PreparedStatement insert = c.prepareStatement(INSERT_CLIENT)) {
                insert.setObject(1, s.tenant());
                insert.setObject(2, id);
                insert.setBytes(3, bytes(shape.fullName()));
                insert.setBytes(4, bytes(shape.phone()));
                insert.setBytes(5, bytes(shape.email()));
                insert.setBytes(6, bytes(shape.birthDate()));
                insert.setBytes(7, bytes(shape.notes()));
                insert.setString(8, hex32());
                insert.setString(9, hex32());
                insert.setShort(10, (short) 1985);
                insert.setShort(11, (short) 6);
                insert.setTimestamp(12, now);
                insert.setTimestamp(13, now);
                insert.setLong(14, 1);
                insert.executeUpdate();
            }
            String[] tokens = new String[shape.tokens()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = hex32();
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_TOKENS)) {
                insert.setObject(1, s.tenant());
                insert.setObject(2, id);
                insert.setArray(3, c.createArrayOf("text", tokens));
                insert.executeUpdate();
            }
            audit(c, s, "client.create", "client", id, "client_management", 1);
            c.commit();
            return id;
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    /** What the host stored so far, read as the superuser (no row-level security). */
    static Shape shape(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), round(avg(octet_length(full_name))),"
                     + " round(avg(octet_length(phone))), round(avg(octet_length(email))),"
                     + " round(avg(octet_length(birth_date))), round(avg(octet_length(notes))),"
                     + " round((SELECT count(*) FROM public.client_name_tokens)::numeric / greatest(count(*), 1))"
                     + " FROM public.clients")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw new IllegalStateException("the host has stored no client yet: run its POST /v1/clients first");
            }
            return new Shape(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7));
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

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static String hex32() {
        return HexFormat.of().formatHex(bytes(32));
    }

    /** A version 7 UUID (time first), like the ids the host gives new clients. */
    static UUID timeOrdered() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
