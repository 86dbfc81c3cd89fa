package com.qleven.host.http.privacy;

import static com.qleven.host.http.privacy.IncidentFixtures.incident;
import static com.qleven.host.http.privacy.IncidentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad incident report gets its 4xx problem naming the field, and writes nothing: no
 * incident, no notice, no mail, no audit event.
 */
class IncidentsBadInputTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static TestHost host;
    private static Center center;
    private static String operator;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        host.clock.set(NOW);
        center = host.newCenter("Clínica Sol");
        operator = operator(host);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** The center's id stands in as {@code {center}} since it exists only once the host runs. */
    private static final String CENTER = "{center}";

    static Stream<Arguments> cases() {
        String ok = "2026-11-02T08:00:00Z";
        return Stream.of(
                Arguments.of("unknown category", false, incident(ok, List.of(CENTER), List.of("shoe_size")), 400,
                        "categories"),
                Arguments.of("no category", false, incident(ok, List.of(CENTER), List.of()), 400, "categories"),
                Arguments.of("detectedAt without offset", false,
                        incident("2026-11-02T08:00:00", List.of(CENTER), List.of("contact")), 400, "detectedAt"),
                Arguments.of("detectedAt a date only", false, incident("2026-11-02", List.of(CENTER),
                        List.of("contact")), 400, "detectedAt"),
                Arguments.of("detectedAt in the future", false,
                        incident("2026-11-02T11:00:01+01:00", List.of(CENTER), List.of("contact")), 400, "detectedAt"),
                Arguments.of("unknown center", false, incident(ok, List.of(CENTER, UUID.randomUUID().toString()),
                        List.of("contact")), 422, "tenantIds"),
                Arguments.of("a center id that is no id", false, incident(ok, List.of("1 OR 1=1"),
                        List.of("contact")), 400, "tenantIds"),
                Arguments.of("no center", false, incident(ok, List.of(), List.of("contact")), 400, "tenantIds"),
                Arguments.of("a center twice", false, incident(ok, List.of(CENTER, CENTER), List.of("contact")), 400,
                        "tenantIds"),
                Arguments.of("blank description", false, withDescription(" "), 400, "description"),
                Arguments.of("description too long", false, withDescription("x".repeat(4001)), 400, "description"),
                Arguments.of("unknown member", false, withExtra(), 400, "severity"),
                Arguments.of("an administrator reports", true, incident(ok, List.of(CENTER), List.of("contact")), 403,
                        null));
    }

    private static Map<String, Object> withDescription(String description) {
        Map<String, Object> body = incident("2026-11-02T08:00:00Z", List.of(CENTER), List.of("contact"));
        body.put("description", description);
        return body;
    }

    private static Map<String, Object> withExtra() {
        Map<String, Object> body = incident("2026-11-02T08:00:00Z", List.of(CENTER), List.of("contact"));
        body.put("severity", "high");
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_and_writes_nothing(String name, boolean asAdministrator, Map<String, Object> template,
                                       int status, String field) {
        Map<String, Object> body = new LinkedHashMap<>(template);
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) body.get("tenantIds");
        body.put("tenantIds", ids.stream().map(id -> id.equals(CENTER) ? center.tenantId() : id).toList());
        Map<String, Long> before = IncidentFixtures.rows(host);

        Reply reply = host.post("/v1/operator/incidents", body, asAdministrator ? center.token() : operator);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).contains(field);
        }
        assertThat(IncidentFixtures.rows(host)).isEqualTo(before);
        JsonNode seen = host.get("/v1/incidents", center.token()).json();
        assertThat(seen.get("items")).isEmpty();
    }
}
