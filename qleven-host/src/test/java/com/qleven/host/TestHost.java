package com.qleven.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.mqtt.EmbeddedBrokerFixture;
import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import com.qleven.ports.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The whole host, as {@code serve} runs it, on a fresh PostgreSQL database of its own, on a free
 * port of loopback, with fast password hashing, a temporary master key and a clock the test moves.
 */
public final class TestHost implements AutoCloseable {
    /** Slow-downs of milliseconds instead of seconds, and room for many signups and online bookings from loopback. */
    public static final CorePolicies TEST_POLICIES = new CorePolicies(
            new SignInThrottle(3, Duration.ofMillis(150), Duration.ofMillis(300), 10, Duration.ofMinutes(15),
                    100, Duration.ofHours(1), 50),
            SessionPolicy.DEFAULT, 10_000).withPublicBookings(
            new com.qleven.application.scheduling.PublicBookingService.Limits(10_000, 5));
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger EMAILS = new AtomicInteger();

    public final MutableClock clock = new MutableClock(Instant.now());
    public final PostgresSettings database;
    public final Map<String, String> environment;
    private EmbeddedBrokerFixture broker;
    public final URI base;
    /** The management listener: metrics and health. */
    public final URI management;
    private final Path dataDir;
    private final Host host;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestHost(Map<String, String> extra, CorePolicies policies) {
        this(extra, policies, null);
    }

    private TestHost(Map<String, String> extra, CorePolicies policies, PostgresSettings shared) {
        try {
            dataDir = Files.createTempDirectory("qleven-host-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = shared != null ? shared : TestDatabases.newDatabase();
        Map<String, String> env = new HashMap<>();
        env.put(HostConfig.HTTP_PORT, "0");
        env.put(HostConfig.BIND, "127.0.0.1");
        env.put(HostConfig.MANAGEMENT_PORT, "0");
        env.put(HostConfig.DATA_DIR, dataDir.toString());
        env.put(HostConfig.DATABASE_URL, database.jdbcUrl());
        env.put(HostConfig.DATABASE_USER, database.ownerUser());
        env.put(HostConfig.DATABASE_PASSWORD, database.ownerPassword());
        env.put(HostConfig.DATABASE_POOL_SIZE, "4");
        env.put(HostConfig.ARGON2_UNSAFE_FOR_TESTS, "true");
        // Tests seal when they need to (verification and the event list seal first; or the sealer
        // is called), so that no sealing runs between the row counts a test compares.
        env.put(com.qleven.host.audit.AuditSettings.SEAL_EVERY, "1h");
        // Likewise the WhatsApp dispatcher: a test sends when it means to (dispatchDue), or sets the interval.
        env.put(com.qleven.host.WhatsAppDispatchJob.EVERY, "1h");
        env.put(com.qleven.host.DeviceDispatchJob.EVERY, "1h");
        // No MQTT unless a test asks for the shared embedded broker (startWithBroker): HiveMQ costs ~2 s.
        env.put(com.qleven.host.config.MqttSettings.URL, "off");
        env.put(HostConfig.ARGON2_MEMORY_KIB, Integer.toString(Argon2Parameters.FAST.memoryKiB()));
        env.put(HostConfig.ARGON2_ITERATIONS, Integer.toString(Argon2Parameters.FAST.iterations()));
        env.putAll(extra);
        environment = Map.copyOf(env);
        host = Host.start(HostComponent.builder().environment(new Environment(environment)).clock(clock)
                .policies(policies).build());
        // With QLEVEN_HTTP_PORT=off there is no plain listener: such a test talks HTTPS itself.
        base = URI.create("http://127.0.0.1:" + host.httpPort().orElse(0));
        management = URI.create("http://127.0.0.1:" + host.managementPort());
    }

    public static TestHost start() {
        return new TestHost(Map.of(), TEST_POLICIES);
    }

    public static TestHost start(Map<String, String> extraEnvironment) {
        return new TestHost(extraEnvironment, TEST_POLICIES);
    }

    public static TestHost start(Map<String, String> extraEnvironment, CorePolicies policies) {
        return new TestHost(extraEnvironment, policies);
    }

    /**
     * A host linked to the JVM's one embedded broker ({@link EmbeddedBrokerFixture#shared()}, started on
     * first use), as an external broker: plain subscriptions (test hosts must not share a group), and the
     * broker checks devices against this host's registry until the host closes (the latest such host wins).
     */
    public static TestHost startWithBroker(Map<String, String> extraEnvironment) {
        EmbeddedBrokerFixture broker = EmbeddedBrokerFixture.shared();
        Map<String, String> env = new HashMap<>();
        env.put(com.qleven.host.config.MqttSettings.URL, broker.url());
        env.put(com.qleven.host.config.MqttSettings.USER, broker.broker().platformUsername());
        env.put(com.qleven.host.config.MqttSettings.PASSWORD, broker.broker().platformPassword());
        env.put(com.qleven.host.config.MqttSettings.SHARED, "false");
        env.putAll(extraEnvironment);
        TestHost host = new TestHost(env, TEST_POLICIES);
        host.broker = broker;
        broker.authenticateWith(host.host.component().qleven().devices().authentication());
        return host;
    }

    /** The shared embedded broker of {@link #startWithBroker}; null for a host without one. */
    public EmbeddedBrokerFixture broker() {
        return broker;
    }

    /**
     * A second host beside this one, as another machine of the same deployment: the same database
     * and master key, a data directory and listeners of its own.
     */
    public TestHost beside(Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>(environment);
        env.remove(HostConfig.DATA_DIR);
        env.put(HostConfig.MASTER_KEY_FILE, host.component().config().masterKeyPath().toString());
        env.putAll(extraEnvironment);
        return new TestHost(env, TEST_POLICIES, database);
    }

    public Host host() {
        return host;
    }

    public Path dataDir() {
        return dataDir;
    }

    // HTTP ---------------------------------------------------------------------------------------

    /** A response, its body parsed as JSON when it is JSON. */
    public record Reply(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The request's answer as bytes, for binary bodies such as an invoice's PDF. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Reply get(String path, String token) {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public Reply get(String path) {
        return get(path, null);
    }

    /** A Prometheus scrape, from the management listener. */
    public Reply metrics() {
        return send(HttpRequest.newBuilder(management.resolve("/metrics")).timeout(Duration.ofSeconds(5)).GET().build());
    }

    public Reply post(String path, Object body, String token) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public Reply post(String path, Object body) {
        return post(path, body, null);
    }

    /** A PUT with a JSON body (a string as it is, anything else written as JSON). */
    public Reply put(String path, Object body, String token) {
        return withBody("PUT", path, body, token);
    }

    /** A PATCH with a JSON body (a string as it is, anything else written as JSON). */
    public Reply patch(String path, Object body, String token) {
        return withBody("PATCH", path, body, token);
    }

    private Reply withBody(String method, String path, Object body, String token) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Flows --------------------------------------------------------------------------------------

    public static final String PASSWORD = "correct horse battery";

    /** A fresh email no other test uses. */
    public static String newEmail(String who) {
        return who + "." + EMAILS.incrementAndGet() + "." + System.nanoTime() + "@example.test";
    }

    public static Map<String, Object> signUpBody(String centerName, String email) {
        Map<String, Object> center = new LinkedHashMap<>();
        center.put("name", centerName);
        center.put("address", "Calle Mayor 1, Madrid");
        center.put("taxId", "B12345678");
        center.put("country", "ES");
        center.put("timeZone", "Europe/Madrid");
        center.put("currency", "EUR");
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("fullName", "Ana García");
        admin.put("email", email);
        admin.put("phone", "+34600111222");
        admin.put("password", PASSWORD);
        admin.put("ageConfirmed", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("center", center);
        body.put("admin", admin);
        return body;
    }

    public static Map<String, Object> userBody(String email, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Person " + role);
        body.put("email", email);
        body.put("phone", null);
        body.put("role", role);
        body.put("password", PASSWORD);
        body.put("ageConfirmed", true);
        return body;
    }

    /** A new center and its administrator, signed in. */
    public record Center(String tenantId, String adminId, String adminEmail, String token) {
    }

    public Center newCenter(String name) {
        String email = newEmail("admin");
        Reply created = post("/v1/signup", signUpBody(name, email));
        if (created.status() != 201) {
            throw new AssertionError("signup failed: " + created.status() + " " + created.body());
        }
        return new Center(created.json().get("tenantId").asText(), created.json().get("userId").asText(), email,
                login(email, PASSWORD, null));
    }

    /** Signs in and returns the token. */
    public String login(String email, String password, String tenantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        if (tenantId != null) {
            body.put("tenantId", tenantId);
        }
        Reply reply = post("/v1/auth/login", body);
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("token").asText();
    }

    // Database -----------------------------------------------------------------------------------

    /** The database as its owner sees it, for checks under the API. */
    public Connection superuser() throws SQLException {
        return TestDatabases.superuserConnection(database);
    }

    /** Rows in each table a write of the tenancy routes touches, to prove that a refused request wrote nothing. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            for (String table : List.of("public.centers", "public.accounts", "public.memberships", "public.sessions",
                    "public.platform_sessions", "directory.account_emails", "directory.memberships",
                    "directory.session_tokens", "directory.rate_events", "keystore.data_keys",
                    "public.audit_events", "public.audit_heads", "public.platform_audit_events",
                    "directory.audit_chains")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Override
    public void close() {
        host.close();
        if (broker != null) {
            broker.resetAuthentication();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
