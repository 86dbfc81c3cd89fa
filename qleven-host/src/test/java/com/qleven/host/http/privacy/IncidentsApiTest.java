package com.qleven.host.http.privacy;

import static com.qleven.host.http.privacy.IncidentFixtures.incident;
import static com.qleven.host.http.privacy.IncidentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The incident register over HTTP (policy P16), with the host's clock fixed and moved by the test. */
class IncidentsApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static List<String> centersOf(JsonNode incident) {
        List<String> ids = new ArrayList<>();
        incident.get("centers").forEach(c -> ids.add(c.get("tenantId").asText()));
        return ids;
    }

    @Test
    void an_operator_reports_a_breach_and_each_affected_center_sees_it_with_its_72_hour_deadline() {
        Instant now = Instant.parse("2026-11-02T10:00:00Z");
        host.clock.set(now);
        Center a = host.newCenter("Clínica Sol");
        Center b = host.newCenter("Centro Luna");
        Center untouched = host.newCenter("Estética Mar");
        String operator = operator(host);

        Reply created = host.post("/v1/operator/incidents", incident("2026-11-02T09:15:00+01:00",
                List.of(a.tenantId(), b.tenantId()), List.of("health", "contact")), operator);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo("/v1/incidents/" + body.get("id").asText());
        assertThat(body.get("detectedAt").asText()).isEqualTo("2026-11-02T08:15:00Z");
        assertThat(body.get("authorityDeadline").asText()).isEqualTo("2026-11-05T08:15:00Z");
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("categories")).extracting(JsonNode::asText).containsExactly("contact", "health");
        assertThat(centersOf(body)).containsExactly(a.tenantId(), b.tenantId());
        body.get("centers").forEach(c -> {
            assertThat(c.get("notifiedAt").asText()).isEqualTo("2026-11-02T10:00:00Z");
            assertThat(c.get("authorityDeadline").asText()).isEqualTo("2026-11-05T08:15:00Z");
        });

        JsonNode register = host.get("/v1/operator/incidents", operator).json();
        assertThat(register.has("next")).isTrue();
        assertThat(register.get("items")).anySatisfy(i -> assertThat(i.get("id")).isEqualTo(body.get("id")));

        JsonNode ofB = host.get("/v1/incidents", b.token()).json().get("items");
        assertThat(ofB).singleElement().satisfies(i -> {
            assertThat(i.get("id")).isEqualTo(body.get("id"));
            assertThat(centersOf(i)).as("a center never learns which others were touched").containsExactly(b.tenantId());
        });
        assertThat(host.get("/v1/incidents", untouched.token()).json().get("items")).isEmpty();

        JsonNode notices = host.get("/v1/notifications", a.token()).json().get("items");
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asText()).isEqualTo("incident");
            assertThat(n.get("subjectId")).isEqualTo(body.get("id"));
            assertThat(n.get("text").asText()).contains("contact, health", "2026-11-05T08:15:00Z");
        });
        assertThat(host.get("/v1/notifications", untouched.token()).json().get("items")).isEmpty();
    }

    @Test
    void the_deadline_shows_overdue_one_second_after_72_hours_from_detection() {
        Instant detected = Instant.parse("2026-12-01T06:00:00Z");
        host.clock.set(detected.plus(Duration.ofHours(1)));
        Center a = host.newCenter("Clínica Reloj");
        String operator = operator(host);
        assertThat(host.post("/v1/operator/incidents", incident(detected.toString(), List.of(a.tenantId()),
                List.of("usage")), operator).status()).isEqualTo(201);

        // Sessions end after 12 hours: each look days later signs in afresh.
        host.clock.set(detected.plus(Duration.ofHours(72)));
        assertThat(host.get("/v1/incidents", host.login(a.adminEmail(), TestHost.PASSWORD, null)).json()
                .get("items").get(0).get("status").asText()).isEqualTo("open");
        host.clock.set(detected.plus(Duration.ofHours(72)).plus(1, ChronoUnit.SECONDS));
        JsonNode late = host.get("/v1/incidents", host.login(a.adminEmail(), TestHost.PASSWORD, null)).json()
                .get("items").get(0);
        assertThat(late.get("status").asText()).isEqualTo("overdue");
        assertThat(late.get("centers").get(0).get("status").asText()).isEqualTo("overdue");
        assertThat(late.get("authorityDeadline").asText()).isEqualTo("2026-12-04T06:00:00Z");
    }

    @Test
    void staff_other_than_administrators_read_notifications_but_not_the_register_and_operators_use_their_own_path() {
        host.clock.set(Instant.parse("2026-11-10T10:00:00Z"));
        Center a = host.newCenter("Clínica Roles");
        String email = TestHost.newEmail("pro");
        assertThat(host.post("/v1/users", TestHost.userBody(email, "professional"), a.token()).status()).isEqualTo(201);
        String professional = host.login(email, TestHost.PASSWORD, a.tenantId());
        String operator = operator(host);

        assertThat(host.get("/v1/notifications", professional).status()).isEqualTo(200);
        assertThat(host.get("/v1/incidents", professional).status()).isEqualTo(403);
        assertThat(host.get("/v1/operator/incidents", a.token()).status()).isEqualTo(403);
        assertThat(host.get("/v1/incidents", operator).status()).isEqualTo(403);
        assertThat(host.get("/v1/notifications", operator).status()).isEqualTo(403);
        assertThat(host.get("/v1/incidents").status()).isEqualTo(401);
    }
}
