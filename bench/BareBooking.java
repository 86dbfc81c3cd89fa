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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bare handlers of docs/benchmarks.md "Issue 9: availability and booking": what POST
 * /v1/appointments costs with nothing but Undertow, HikariCP and the database work of a booking,
 * in one transaction on one pooled connection. On {@code POST /v1/appointments}:
 * <ol>
 *   <li>find the session by the SHA-256 of the bearer token with the host's statement,
 *       {@code directory.open_by_session_token}, which also sets {@code qleven.tenant_id} to its
 *       center for the transaction and reads the session and the membership, as the host does
 *       (an unknown token, an ended session or an unusable membership answers 401);</li>
 *   <li>in one statement, as the host does: insert the appointment into {@code public.appointments}
 *       (the body's client, service, professional and start; the end {@code MINUTES} later), the
 *       host's columns, and its holds into {@code public.appointment_resources} ({@code unnest},
 *       {@code ON CONFLICT DO NOTHING}, {@code RETURNING}): the same exclusion-constrained table,
 *       one row per resource (here the professional);</li>
 *   <li>append one {@code appointment.book} event: the insert into {@code public.audit_events} with
 *       its due mark in {@code directory.audit_due}, one statement.</li>
 * </ol>
 * A hold the constraint refuses answers 409. The body's four members are found with a regular
 * expression: no JSON parsing, validation, grid or availability check, reads of the center, the
 * service, the client, the schedules or the busy intervals, permission check or access log.
 * On {@code POST /insert}: the bare single insert, the appointment row alone in its transaction
 * (after the {@code set_config} that row-level security needs; the session is looked up once per
 * token and remembered), no holds, no audit.
 * The pool logs in as the superuser and every connection runs {@code SET ROLE <app role>} first: the
 * statements run as the host's app role under row-level security.
 * <pre>java -cp qleven-host.jar bench/BareBooking.java PORT JDBC_URL USER APP_ROLE POOL_SIZE MINUTES</pre>
 * with the password in the environment variable {@code BENCH_DB_PASSWORD}.
 */
public final class BareBooking {
    static final String FIND_SESSION = "SELECT token_tenant_id, token_user_id, token_session_id, token_expiry,"
            + " session_id, session_ended, member_active, member_pending"
            + " FROM directory.open_by_session_token(?)";
    static final String SET_TENANT = "SELECT set_config('qleven.tenant_id', ?, true)";
    static final String INSERT_APPOINTMENT = "INSERT INTO public.appointments (tenant_id, id, client_id, service_id,"
            + " professional_id, room_id, equipment_ids, start_at, end_at, buffer_before_minutes,"
            + " buffer_after_minutes, status, status_at, cancel_reason, cancelled_by_kind, cancelled_by, cancelled_at,"
            + " series_id, booked_at, booked_by_kind, booked_by, version)"
            + " VALUES (?, ?, ?, ?, ?, NULL, '{}', ?, ?, 0, 0, 'booked', ?, NULL, NULL, NULL, NULL, NULL, ?, 'staff', ?, 1)";
    static final String BOOK = "WITH appointment AS (" + INSERT_APPOINTMENT + ") "
            + "INSERT INTO public.appointment_resources (tenant_id, appointment_id, resource_id, kind,"
            + " during, active) SELECT ?, ?, r.id, r.kind, tstzrange(?, ?, '[)'), true"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS r(id, kind)"
            + " ON CONFLICT DO NOTHING RETURNING resource_id";
    static final String APPEND_AUDIT = "WITH e AS (INSERT INTO public.audit_events (tenant_id, at, actor_id,"
            + " session_id, action, subject_type, subject_id, purpose, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id) INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, ? FROM e"
            + " RETURNING event_id";
    static final Pattern MEMBER = Pattern.compile("\"(clientId|serviceId|start|professionalId)\"\\s*:\\s*\"([^\"]*)\"");

    /** A signed-in session: its center, person and session id. */
    record Session(UUID tenant, UUID user, UUID session) {
    }

    /** What a booking body names. */
    record Booking(UUID client, UUID service, UUID professional, Instant start) {
        static Booking parse(String body) {
            Map<String, String> found = new ConcurrentHashMap<>();
            Matcher m = MEMBER.matcher(body);
            while (m.find()) {
                found.put(m.group(1), m.group(2));
            }
            return new Booking(UUID.fromString(found.get("clientId")), UUID.fromString(found.get("serviceId")),
                    UUID.fromString(found.get("professionalId")), Instant.parse(found.get("start")));
        }
    }

    /** Why a booking was not made: no live session (401), or a hold the constraint refused (409). */
    static final class Refused extends Exception {
        final int status;

        Refused(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HikariDataSource pool = pool(args[1], args[2], password(), args[3], Integer.parseInt(args[4]));
        Duration length = Duration.ofMinutes(Integer.parseInt(args[5]));
        Map<String, Session> remembered = new ConcurrentHashMap<>();
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                exchange.startBlocking();
                String body;
                try (InputStream in = exchange.getInputStream()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String hash = tokenHash(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
                if (body.isEmpty()) {
                    exchange.setStatusCode(401);
                    exchange.endExchange();
                    return;
                }
                Booking booking = Booking.parse(body);
                UUID id = timeOrdered();
                boolean insertOnly = exchange.getRequestPath().equals("/insert");
                try (Connection c = pool.getConnection()) {
                    if (insertOnly) {
                        insertOnly(c, hash, remembered, id, booking, length);
                    } else {
                        book(c, hash, id, booking, length);
                    }
                } catch (Refused r) {
                    exchange.setStatusCode(r.status);
                    exchange.endExchange();
                    return;
                }
                Instant end = booking.start().plus(length);
                exchange.setStatusCode(201);
                exchange.getResponseHeaders().put(Headers.LOCATION, "/v1/appointments/" + id);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(ByteBuffer.wrap(("{\"id\":\"" + id + "\",\"clientId\":\""
                        + booking.client() + "\",\"serviceId\":\"" + booking.service() + "\",\"professionalId\":\""
                        + booking.professional() + "\",\"roomId\":null,\"equipmentIds\":[],\"start\":\""
                        + booking.start() + "\",\"end\":\"" + end + "\",\"status\":\"booked\",\"version\":1}")
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }).build().start();
        System.out.println("bare POST /v1/appointments and POST /insert on " + port);
    }

    /** The database work of one booking, in one transaction. */
    static void book(Connection c, String tokenHash, UUID id, Booking b, Duration length) throws Exception {
        try {
            Session s = findSession(c, tokenHash);
            if (s == null) {
                throw new Refused(401);
            }
            try (PreparedStatement book = c.prepareStatement(BOOK)) {
                int next = bindAppointment(book, s, id, b, length);
                book.setObject(next, s.tenant());
                book.setObject(next + 1, id);
                book.setTimestamp(next + 2, Timestamp.from(b.start()));
                book.setTimestamp(next + 3, Timestamp.from(b.start().plus(length)));
                book.setArray(next + 4, c.createArrayOf("uuid", new Object[] {b.professional()}));
                book.setArray(next + 5, c.createArrayOf("text", new Object[] {"professional"}));
                try (ResultSet rs = book.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused(409);
                    }
                }
            }
            audit(c, s, id);
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    /** The appointment row alone, in its own transaction (the session remembered per token). */
    static void insertOnly(Connection c, String tokenHash, Map<String, Session> remembered, UUID id, Booking b,
                           Duration length) throws Exception {
        try {
            Session s = remembered.get(tokenHash);
            if (s == null) {
                s = findSession(c, tokenHash);
                if (s == null) {
                    throw new Refused(401);
                }
                c.commit();
                remembered.put(tokenHash, s);
            }
            setTenant(c, s.tenant());
            insertAppointment(c, s, id, b, length);
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    static void insertAppointment(Connection c, Session s, UUID id, Booking b, Duration length) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_APPOINTMENT)) {
            bindAppointment(insert, s, id, b, length);
            insert.executeUpdate();
        }
    }

    /** Binds {@link #INSERT_APPOINTMENT}'s parameters from the first; answers the next parameter's index. */
    static int bindAppointment(PreparedStatement insert, Session s, UUID id, Booking b, Duration length)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        insert.setObject(1, s.tenant());
        insert.setObject(2, id);
        insert.setObject(3, b.client());
        insert.setObject(4, b.service());
        insert.setObject(5, b.professional());
        insert.setTimestamp(6, Timestamp.from(b.start()));
        insert.setTimestamp(7, Timestamp.from(b.start().plus(length)));
        insert.setTimestamp(8, now);
        insert.setTimestamp(9, now);
        insert.setObject(10, s.user());
        return 11;
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

    /**
     * The host's first statement of a request: the token's row, the transaction bound to its center,
     * the session and the membership. A center's live session of a usable membership, else null.
     */
    static Session findSession(Connection c, String tokenHash) throws Exception {
        try (PreparedStatement find = c.prepareStatement(FIND_SESSION)) {
            find.setString(1, tokenHash);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next() || !rs.getTimestamp("token_expiry").toInstant().isAfter(Instant.now())
                        || rs.getObject("session_id") == null || rs.getObject("session_ended") != null
                        || !rs.getBoolean("member_active") || rs.getBoolean("member_pending")) {
                    return null;
                }
                UUID tenant = (UUID) rs.getObject("token_tenant_id");
                return tenant == null ? null : new Session(tenant, (UUID) rs.getObject("token_user_id"),
                        (UUID) rs.getObject("token_session_id"));
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

    static void audit(Connection c, Session s, UUID appointment) throws Exception {
        try (PreparedStatement append = c.prepareStatement(APPEND_AUDIT)) {
            append.setObject(1, s.tenant());
            append.setTimestamp(2, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            append.setObject(3, s.user());
            append.setObject(4, s.session());
            append.setString(5, "appointment.book");
            append.setString(6, "appointment");
            append.setObject(7, appointment);
            append.setString(8, "scheduling");
            append.setInt(9, 1);
            append.setObject(10, s.tenant());
            try (ResultSet rs = append.executeQuery()) {
                rs.next();
            }
        }
    }

    /** A version 7 UUID (time first), like the ids the host gives new appointments. */
    static UUID timeOrdered() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (r.nextLong() & 0x0FFFL);
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
