package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operator routes refuse a caller who is not an operator before they look at the body: a center's
 * administrator gets 403 whatever it sends (nothing, an empty object, broken JSON, another media
 * type, a valid body), a caller without credentials 401, and neither writes anything; an operator's
 * bad body is still a 400 naming the field. Before the fix, the body was read and validated first:
 * an administrator's empty or broken body answered 400 (or 415), telling a center's caller what an
 * operator's request must hold.
 */
class OperatorRoutesRefuseFirstTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final String SEEDED_SUBPROCESSOR = "01940000-0000-7000-8000-000000000802";
    private static TestHost host;
    private static Center center;
    private static String operator;
    private static String receptionist;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        host.clock.set(NOW);
        center = host.newCenter("Clínica Puerta");
        operator = IncidentFixtures.operator(host);
        String email = TestHost.newEmail("receptionist.puerta");
        assertThat(host.post("/v1/users", TestHost.userBody(email, "receptionist"), center.token()).status())
                .isEqualTo(201);
        receptionist = host.login(email, TestHost.PASSWORD, null);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** Every operator route that takes a body, with a body an operator could send. */
    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("POST", "/v1/operator/incidents", "application/json", TestHost.write(Map.of(
                        "detectedAt", "2026-11-02T08:00:00Z", "description", "A backup was readable",
                        "tenantIds", List.of("{center}"), "categories", List.of("contact")))),
                Arguments.of("POST", "/v1/operator/subprocessors", "application/json", TestHost.write(Map.of(
                        "name", "Mailer SA", "purpose", "Mail", "region", "European Union",
                        "transferSafeguard", "Processed in the European Union"))),
                Arguments.of("PATCH", "/v1/operator/subprocessors/" + SEEDED_SUBPROCESSOR,
                        "application/merge-patch+json", TestHost.write(Map.of("region", "Iceland"))),
                Arguments.of("POST", "/v1/operator/policy-versions", "application/json", TestHost.write(Map.of(
                        "version", "2026-12", "text", "The new policy.", "effectiveAt", "2026-12-01T00:00:00Z"))));
    }

    private static Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = host.request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return host.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.replace("{center}", center.tenantId()))).build());
    }

    /** Bodies of every kind: none, an empty object, broken JSON, an unknown member, another type, a valid one. */
    private static List<String[]> bodies(String contentType, String valid) {
        List<String[]> bodies = new ArrayList<>();
        bodies.add(new String[] {null, null});
        bodies.add(new String[] {contentType, ""});
        bodies.add(new String[] {contentType, "{}"});
        bodies.add(new String[] {contentType, "{\"name\": "});
        bodies.add(new String[] {contentType, "[1, 2]"});
        bodies.add(new String[] {contentType, "{\"shoeSize\": 44}"});
        bodies.add(new String[] {"text/plain", "hello"});
        bodies.add(new String[] {contentType, valid});
        return bodies;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void aCentersAdministratorOrReceptionistIsRefusedWhateverTheBody(String method, String path, String contentType,
                                                                     String valid) {
        Map<String, Long> before = new java.util.HashMap<>(IncidentFixtures.rows(host));
        for (String token : List.of(center.token(), receptionist)) {
            for (String[] body : bodies(contentType, valid)) {
                Reply reply = send(method, path, token, body[0], body[1]);
                assertThat(reply.status()).as(method + " " + path + " with " + body[0] + " " + body[1] + ": "
                        + reply.body()).isEqualTo(403);
                assertThat(reply.json().path("code").asText()).isEqualTo("FORBIDDEN");
            }
        }
        Map<String, Long> after = new java.util.HashMap<>(IncidentFixtures.rows(host));
        // Mail from setting up (the receptionist's) may leave the outbox meanwhile; none may enter it.
        assertThat(after.remove("public.mail_outbox")).isLessThanOrEqualTo(before.remove("public.mail_outbox"));
        assertThat(after).isEqualTo(before);
        assertThat(host.get("/v1/privacy/subprocessors", operator).body()).doesNotContain("Mailer SA", "Iceland");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void withoutCredentialsEveryBodyIs401(String method, String path, String contentType, String valid) {
        for (String[] body : bodies(contentType, valid)) {
            Reply reply = send(method, path, null, body[0], body[1]);
            assertThat(reply.status()).as(method + " " + path + " with " + body[0] + " " + body[1] + ": "
                    + reply.body()).isEqualTo(401);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void anOperatorsBadBodyIsStillA400NamingTheField(String method, String path, String contentType, String valid) {
        Reply none = send(method, path, operator, null, null);
        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.json().path("errors").get(0).path("field").asText()).isNotBlank();
        Reply unknown = send(method, path, operator, contentType, "{\"shoeSize\": 44}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("shoeSize");
        Reply other = send(method, path, operator, "text/plain", "hello");
        assertThat(other.status()).as(other.body()).isEqualTo(415);
    }

    @Test
    void aCentersCallerIsRefusedBeforeItsIdempotencyKeyIsLookedAt() {
        for (String key : List.of("x".repeat(300), "ok-key-1")) {
            Reply reply = host.send(host.request("/v1/operator/subprocessors").header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        }
        // Control: the operator's key of 300 characters is a 400 naming the header.
        Reply bad = host.send(host.request("/v1/operator/subprocessors").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operator).header("Idempotency-Key", "x".repeat(300))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    }

    @Test
    void theOperatorsOwnListRefusesACenterBeforeItReadsThePage() {
        Reply reply = host.get("/v1/operator/incidents?limit=nonsense", center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(host.get("/v1/operator/incidents?limit=nonsense").status()).isEqualTo(401);
        // Control: the operator's bad page is a 400 naming the parameter.
        Reply bad = host.get("/v1/operator/incidents?limit=nonsense", operator);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }
}
