package com.qleven.host.http.privacy;

import static com.qleven.host.http.privacy.IncidentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Privacy-policy versions over HTTP (policy P19), with the host's clock fixed and moved by the test. */
class PolicyVersionsApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static Map<String, Object> version(String version, String text, String effectiveAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("text", text);
        body.put("effectiveAt", effectiveAt);
        return body;
    }

    private static long count(String sql) {
        try (Connection c = host.superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_operator_publishes_every_account_is_told_and_an_acceptance_shows_in_the_current_version()
            throws Exception {
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        host.clock.set(now);
        Center center = host.newCenter("Clínica Sol");
        String operator = operator(host);
        assertThat(host.get("/v1/policy-versions/current", center.token()).status()).isEqualTo(404);
        String text = "Qleven's privacy policy.\nÚltima versión.\n";

        Reply published = host.post("/v1/operator/policy-versions",
                version("2026-11.1", text, "2026-11-02T11:05:00+01:00"), operator);

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(published.json().get("version").asText()).isEqualTo("2026-11.1");
        assertThat(published.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(published.json().get("publishedAt").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(published.json().get("effectiveAt").asText()).isEqualTo("2026-11-02T10:05:00Z");
        long accounts = count("SELECT count(*) FROM public.accounts");
        assertThat(count("SELECT count(*) FROM public.policy_notices WHERE version = '2026-11.1'"))
                .isEqualTo(accounts);
        assertThat(count("SELECT count(*) FROM public.mail_outbox")).isGreaterThanOrEqualTo(accounts);
        for (String token : new String[] {center.token(), operator}) {
            JsonNode notices = host.get("/v1/me/notifications", token).json().get("items");
            assertThat(notices).singleElement().satisfies(n -> {
                assertThat(n.get("kind").asText()).isEqualTo("policy_version");
                assertThat(n.get("version").asText()).isEqualTo("2026-11.1");
                assertThat(n.get("effectiveAt").asText()).isEqualTo("2026-11-02T10:05:00Z");
            });
        }
        // Published but not yet in effect: no current version.
        assertThat(host.get("/v1/policy-versions/current", center.token()).status()).isEqualTo(404);

        // Minutes, not hours: the sessions signed in above must stay valid.
        host.clock.set(now.plus(Duration.ofMinutes(10)));
        Reply accepted = host.post("/v1/policy-versions/2026-11.1/accept", Map.of(), center.token());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        host.clock.advance(Duration.ofMinutes(1));
        assertThat(host.post("/v1/policy-versions/2026-11.1/accept", Map.of(), center.token()).status())
                .isEqualTo(204);

        JsonNode current = host.get("/v1/policy-versions/current", center.token()).json();
        assertThat(current.get("version").asText()).isEqualTo("2026-11.1");
        assertThat(current.get("sha256").asText()).isEqualTo(sha);
        assertThat(current.get("effectiveAt").asText()).isEqualTo("2026-11-02T10:05:00Z");
        assertThat(current.get("acceptedAt").asText()).isEqualTo("2026-11-02T10:10:00Z");
        JsonNode ofOperator = host.get("/v1/policy-versions/current", operator).json();
        assertThat(ofOperator.get("acceptedAt").isNull()).isTrue();
        assertThat(host.get("/v1/me/notifications", center.token()).json().get("items")).isEmpty();
        assertThat(count("SELECT count(*) FROM public.policy_acceptances")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM public.platform_audit_events WHERE action = 'policy.publish'"))
                .isEqualTo(1);

        assertThat(host.post("/v1/policy-versions/nope/accept", Map.of(), center.token()).status()).isEqualTo(404);
        assertThat(host.post("/v1/operator/policy-versions", version("2026-11.1", "again", "2026-12-01T00:00:00Z"),
                operator).status()).isEqualTo(409);
        assertThat(host.get("/v1/me/notifications").status()).isEqualTo(401);
    }
}
