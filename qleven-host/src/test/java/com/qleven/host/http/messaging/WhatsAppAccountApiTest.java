package com.qleven.host.http.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A center's WhatsApp number over HTTP against the fake Graph API: connected by hand (and replaced,
 * one row), through Embedded Signup (code exchanged, number registered with its PIN, app
 * subscribed), refused when Meta refuses (502 with the Graph code, nothing stored), another center's
 * number a conflict, each role's reach, bad input named, and the token in no answer, no row in clear
 * and no log line.
 */
class WhatsAppAccountApiTest {
    private static final String APP_ID = "1234567890";
    private static final String APP_SECRET = "app-secret-qleven-1";
    private static FakeGraphApi fake;
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String receptionistToken;
    private static String professionalToken;
    private static final List<String> BODIES = new ArrayList<>();

    @BeforeAll
    static void start() {
        fake = FakeGraphApi.start(0).appCredentials(APP_ID, APP_SECRET);
        host = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                WhatsAppSettings.APP_ID, APP_ID, WhatsAppSettings.APP_SECRET, APP_SECRET));
        center = host.newCenter("Centro WhatsApp");
        other = host.newCenter("Centro Vecino");
        receptionistToken = member("receptionist");
        professionalToken = member("professional");
    }

    @AfterAll
    static void stop() {
        host.close();
        fake.close();
    }

    private static String member(String role) {
        String email = TestHost.newEmail(role);
        assertThat(host.post("/v1/users", TestHost.userBody(email, role), center.token()).status()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    private static Reply kept(Reply reply) {
        BODIES.add(reply.body());
        return reply;
    }

    private static String graphId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private static String token() {
        return "EAAG" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, Object> connectBody(String phoneNumberId, String wabaId, String token) {
        return Map.of("phoneNumberId", phoneNumberId, "wabaId", wabaId, "accessToken", token,
                "displayPhoneNumber", "+34 600 000 001");
    }

    private static List<String> fields(Reply problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static long accountRows(String tenantId) throws SQLException {
        try (Connection c = host.superuser(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM public.whatsapp_accounts WHERE tenant_id = ?::uuid")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] sealedToken(String tenantId) throws SQLException {
        try (Connection c = host.superuser(); PreparedStatement s = c.prepareStatement(
                "SELECT sealed_token FROM public.whatsapp_accounts WHERE tenant_id = ?::uuid")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Test
    void aNumberConnectedByHandIsReadBackWithoutItsTokenAndReplacingItKeepsOneRow() throws Exception {
        Center c = host.newCenter("Centro Manual");
        assertThat(host.get("/v1/whatsapp/account", c.token()).status()).isEqualTo(404);
        String phone = graphId();
        String waba = graphId();
        String secret = token();

        Reply connected = kept(host.put("/v1/whatsapp/account", connectBody(phone, waba, secret), c.token()));

        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().get("phoneNumberId").asText()).isEqualTo(phone);
        assertThat(connected.json().get("wabaId").asText()).isEqualTo(waba);
        assertThat(connected.json().get("displayPhoneNumber").asText()).isEqualTo("+34 600 000 001");
        assertThat(connected.json().get("status").asText()).isEqualTo("connected");
        assertThat(connected.json().has("accessToken")).isFalse();
        Reply read = kept(host.get("/v1/whatsapp/account", c.token()));
        assertThat(read.json()).isEqualTo(connected.json());
        byte[] sealed = sealedToken(c.tenantId());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        String secondSecret = token();
        String secondPhone = graphId();
        Reply replaced = kept(host.put("/v1/whatsapp/account", connectBody(secondPhone, waba, secondSecret),
                c.token()));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("phoneNumberId").asText()).isEqualTo(secondPhone);
        assertThat(accountRows(c.tenantId())).isEqualTo(1);
        // The first number is free again: another center may connect it.
        assertThat(kept(host.put("/v1/whatsapp/account", connectBody(phone, graphId(), token()), other.token()))
                .status()).isEqualTo(200);
        assertThat(BODIES).noneMatch(b -> b.contains(secret) || b.contains(secondSecret));
    }

    @Test
    void anotherCentersNumberIsAConflictThatChangesNothing() throws Exception {
        Center holder = host.newCenter("Centro Titular");
        Center taker = host.newCenter("Centro Intruso");
        String phone = graphId();
        assertThat(host.put("/v1/whatsapp/account", connectBody(phone, graphId(), token()), holder.token()).status())
                .isEqualTo(200);

        Reply refused = kept(host.put("/v1/whatsapp/account", connectBody(phone, graphId(), token()), taker.token()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("phoneNumberId");
        assertThat(accountRows(taker.tenantId())).isZero();
        assertThat(host.get("/v1/whatsapp/account", holder.token()).json().get("phoneNumberId").asText())
                .isEqualTo(phone);
        // Embedded Signup refuses it before the code is spent.
        String code = "code-" + UUID.randomUUID();
        fake.signupCode(code, token());
        fake.reset();
        Reply signup = kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code, "wabaId", graphId(),
                "phoneNumberId", phone), taker.token()));
        assertThat(signup.status()).isEqualTo(409);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void badInputIsNamedAndWritesNothing() throws Exception {
        Center c = host.newCenter("Centro Errores");
        Reply empty = kept(host.put("/v1/whatsapp/account", Map.of(), c.token()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).containsExactlyInAnyOrder("phoneNumberId", "wabaId", "accessToken",
                "displayPhoneNumber");
        String secret = token();
        Map<String, Object> bad = new HashMap<>(Map.of("phoneNumberId", "../12", "wabaId", "12/34",
                "accessToken", secret + " x", "displayPhoneNumber", "call me"));
        Reply wrong = kept(host.put("/v1/whatsapp/account", bad, c.token()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("phoneNumberId", "wabaId", "accessToken",
                "displayPhoneNumber");
        assertThat(wrong.body()).doesNotContain(secret);
        Reply wrongType = kept(host.put("/v1/whatsapp/account", Map.of("phoneNumberId", 12), c.token()));
        assertThat(wrongType.status()).isEqualTo(400);
        Reply badSignup = kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", "a b", "wabaId", "",
                "phoneNumberId", "x/y", "pin", "12"), c.token()));
        assertThat(badSignup.status()).isEqualTo(400);
        assertThat(fields(badSignup)).containsExactlyInAnyOrder("code", "wabaId", "phoneNumberId", "pin");
        assertThat(accountRows(c.tenantId())).isZero();
    }

    @Test
    void onlyAdministratorsConnectAndEveryRoleReadsTheNumber() {
        Map<String, Object> body = connectBody(graphId(), graphId(), token());
        for (String t : List.of(receptionistToken, professionalToken)) {
            assertThat(kept(host.put("/v1/whatsapp/account", body, t)).status()).isEqualTo(403);
            assertThat(kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", "c", "wabaId", "1",
                    "phoneNumberId", "2"), t)).status()).isEqualTo(403);
        }
        assertThat(host.put("/v1/whatsapp/account", body, center.token()).status()).isEqualTo(200);
        for (String t : List.of(receptionistToken, professionalToken)) {
            Reply read = kept(host.get("/v1/whatsapp/account", t));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("phoneNumberId").asText()).isEqualTo(body.get("phoneNumberId"));
        }
        assertThat(host.get("/v1/whatsapp/account", null).status()).isEqualTo(401);
    }

    @Test
    void embeddedSignupExchangesTheCodeRegistersTheNumberAndSubscribesTheApp() {
        Center c = host.newCenter("Centro Alta");
        String code = "code-" + UUID.randomUUID();
        String business = token();
        String phone = graphId();
        String waba = graphId();
        fake.signupCode(code, business);
        fake.reset();

        Reply signup = kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code, "wabaId", waba,
                "phoneNumberId", phone, "pin", "482913"), c.token()));

        assertThat(signup.status()).as(signup.body()).isEqualTo(200);
        assertThat(signup.json().get("phoneNumberId").asText()).isEqualTo(phone);
        assertThat(signup.json().get("status").asText()).isEqualTo("connected");
        List<RecordedRequest> calls = fake.requests();
        assertThat(calls).extracting(r -> r.method() + " " + r.path().replaceFirst("^/v[0-9.]+", ""))
                .containsExactly("GET /oauth/access_token", "POST /" + phone + "/register",
                        "POST /" + waba + "/subscribed_apps");
        assertThat(calls.get(0).query()).contains("client_id=" + APP_ID);
        assertThat(calls.get(1).body()).contains("482913");
        assertThat(calls.subList(1, 3)).allSatisfy(r ->
                assertThat(r.headers().entrySet()).anySatisfy(h -> assertThat(h.getValue())
                        .isEqualTo("Bearer " + business)));
        assertThat(host.get("/v1/whatsapp/account", c.token()).json().get("wabaId").asText()).isEqualTo(waba);
        assertThat(BODIES).noneMatch(b -> b.contains(business));

        // Without a PIN the number is not registered here.
        Center d = host.newCenter("Centro Sin PIN");
        String code2 = "code-" + UUID.randomUUID();
        fake.signupCode(code2, token());
        fake.reset();
        assertThat(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code2, "wabaId", graphId(),
                "phoneNumberId", graphId()), d.token()).status()).isEqualTo(200);
        assertThat(fake.requests()).noneMatch(r -> r.path().endsWith("/register"));
    }

    @Test
    void metaRefusingAStepIsABadGatewayWithItsCodeAndStoresNothing() throws Exception {
        Center c = host.newCenter("Centro Rechazo");
        Reply spent = kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", "never-issued",
                "wabaId", graphId(), "phoneNumberId", graphId()), c.token()));
        assertThat(spent.status()).as(spent.body()).isEqualTo(502);
        assertThat(spent.header("Content-Type")).startsWith("application/problem+json");
        assertThat(spent.json().get("graphCode").asInt()).isEqualTo(100);

        String code = "code-" + UUID.randomUUID();
        String business = token();
        fake.signupCode(code, business);
        fake.reset();
        // The exchange passes, the registration is refused by Meta (a PIN Meta does not accept).
        fake.inject(new FakeGraphApi.Fault.Slow(java.time.Duration.ZERO));
        fake.inject(new FakeGraphApi.Fault.GraphError(133005, "Two step verification PIN Mismatch"));
        Reply refused = kept(host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code, "wabaId", graphId(),
                "phoneNumberId", graphId(), "pin", "000000"), c.token()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().get("graphCode").asInt()).isEqualTo(133005);
        assertThat(refused.body()).doesNotContain(business);
        assertThat(accountRows(c.tenantId())).isZero();
        assertThat(host.get("/v1/whatsapp/account", c.token()).status()).isEqualTo(404);
    }

    @Test
    void withoutTheMetaAppEmbeddedSignupIsRefusedSayingSo() {
        try (TestHost bare = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString()))) {
            Center c = bare.newCenter("Centro Sin App");
            fake.reset();
            Reply refused = bare.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", "c-1", "wabaId", "1",
                    "phoneNumberId", "2"), c.token());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("QLEVEN_META_APP_ID");
            assertThat(fake.requests()).isEmpty();
            // Connecting by hand needs no app credentials.
            assertThat(bare.put("/v1/whatsapp/account", connectBody(graphId(), graphId(), token()), c.token())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void theTokenReachesNoLogLine() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        Logger accessLog = (Logger) LoggerFactory.getLogger("com.qleven.host.access");
        accessLog.addAppender(captured);
        String secret = token();
        String business = token();
        String code = "code-" + UUID.randomUUID();
        try {
            Center c = host.newCenter("Centro Discreto");
            host.put("/v1/whatsapp/account", connectBody(graphId(), graphId(), secret), c.token());
            host.put("/v1/whatsapp/account", connectBody("bad/id", graphId(), secret + " x"), c.token());
            fake.signupCode(code, business);
            host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code, "wabaId", graphId(),
                    "phoneNumberId", graphId(), "pin", "123456"), c.token());
            host.post(WhatsAppAccountEndpoints.SIGNUP, Map.of("code", code, "wabaId", graphId(),
                    "phoneNumberId", graphId()), c.token());
        } finally {
            root.detachAppender(captured);
            accessLog.detachAppender(captured);
        }
        StringBuilder all = new StringBuilder();
        synchronized (captured) {
            for (ILoggingEvent event : List.copyOf(captured.list)) {
                all.append(event.getFormattedMessage()).append(event.getMDCPropertyMap()).append('\n');
                for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    all.append(t.getMessage()).append('\n');
                }
            }
        }
        assertThat(all).isNotEmpty();
        assertThat(all.toString()).doesNotContain(secret, business, code, "123456");
    }
}
