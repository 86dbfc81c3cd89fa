package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.ports.consent.in.ConsentCheck;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restriction of processing (GDPR Art. 18) over HTTP on PostgreSQL: a restricted client cannot be
 * read by staff, changed, messaged (the dispatch-time consent check says no) or given new consent
 * grants; refusals and withdrawals stay as easy as ever; administrators see since when and why;
 * only an administrator lifts it, with a reason, on the audit trail, and then everything works again.
 */
class RestrictionApiTest {
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String client(Center center) {
        Reply created = host.post("/v1/clients", Map.of("fullName", "Lucía Fernández", "phone", "600 111 222"),
                center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String staff(Center center, String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    private static void restrict(Center center, String clientId, String outcome) {
        Reply request = host.post("/v1/privacy/requests", Map.of("clientId", clientId, "type", "restriction"),
                center.token());
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        Reply done = host.post("/v1/privacy/requests/" + request.json().get("id").asText() + "/complete",
                Map.of("outcome", outcome), center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private static Reply patch(String clientId, Object body, String token) {
        return host.send(host.request("/v1/clients/" + clientId).header("Content-Type", MERGE_PATCH)
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
    }

    private static Reply consent(String clientId, String decision, String token) {
        return host.post("/v1/clients/" + clientId + "/consents", Map.of("purpose", "whatsapp",
                "decision", decision, "channel", "in_person", "textVersion", "2026-03",
                "text", "I agree to appointment messages on WhatsApp."), token);
    }

    private static Reply lift(String clientId, Object body, String token) {
        return host.post("/v1/clients/" + clientId + "/lift-restriction", body, token);
    }

    private static boolean messagingAllowed(Center center, String clientId) {
        ConsentCheck check = host.host().component().qleven().consent().check();
        return check.allows(new TenantId(UUID.fromString(center.tenantId())), new ClientId(UUID.fromString(clientId)),
                ConsentPurpose.WHATSAPP, host.clock.instant());
    }

    private static List<String> auditActions(Center center) {
        Reply events = host.get("/v1/audit/events?limit=200", center.token());
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        events.json().get("items").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    @Test
    void aRestrictedClientIsNotProcessedUntilAnAdministratorLiftsTheRestriction() {
        Center center = host.newCenter("Clínica Limitada");
        String receptionist = staff(center, "receptionist");
        String clientId = client(center);
        assertThat(consent(clientId, "granted", center.token()).status()).isEqualTo(201);
        assertThat(messagingAllowed(center, clientId)).as("control: messaging is allowed before").isTrue();

        restrict(center, clientId, "Accuracy disputed by the client.");

        Reply staffRead = host.get("/v1/clients/" + clientId, receptionist);
        assertThat(staffRead.status()).as(staffRead.body()).isEqualTo(409);
        assertThat(staffRead.json().get("detail").asText()).contains("restricted");
        assertThat(staffRead.json().get("restricted").asBoolean()).isTrue();
        assertThat(staffRead.body()).doesNotContain("Lucía").doesNotContain("+34600111222");
        Reply adminRead = host.get("/v1/clients/" + clientId, center.token());
        assertThat(adminRead.status()).as(adminRead.body()).isEqualTo(200);
        JsonNode restriction = adminRead.json().get("restriction");
        assertThat(restriction.get("since").asText()).endsWith("Z");
        assertThat(restriction.get("reason").asText()).isEqualTo("Accuracy disputed by the client.");
        assertThat(restriction.get("requestId").asText()).isNotBlank();

        Reply changed = patch(clientId, Map.of("fullName", "Lucía F."), center.token());
        assertThat(changed.status()).as("not even an administrator changes it").isEqualTo(409);
        assertThat(patch(clientId, Map.of("fullName", "Lucía F."), receptionist).status()).isEqualTo(409);
        assertThat(consent(clientId, "granted", receptionist).status()).isEqualTo(409);
        assertThat(messagingAllowed(center, clientId)).as("a restricted client is not messaged").isFalse();
        assertThat(consent(clientId, "refused", receptionist).status()).as("a refusal is always recorded")
                .isEqualTo(201);
        assertThat(consent(clientId, "withdrawn", receptionist).status()).as("so is a withdrawal").isEqualTo(201);
        assertThat(host.get("/v1/clients/" + clientId + "/export", center.token()).status())
                .as("the client's own rights still work").isEqualTo(200);

        assertThat(lift(clientId, Map.of("reason", "Accuracy verified."), receptionist).status()).isEqualTo(403);
        Reply lifted = lift(clientId, Map.of("reason", "Accuracy verified."), center.token());
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.json().get("id").asText()).isEqualTo(clientId);
        assertThat(lifted.json().get("restriction").isNull()).isTrue();

        assertThat(host.get("/v1/clients/" + clientId, receptionist).status()).isEqualTo(200);
        assertThat(patch(clientId, Map.of("fullName", "Lucía F."), receptionist).status()).isEqualTo(200);
        assertThat(consent(clientId, "granted", receptionist).status()).isEqualTo(201);
        assertThat(messagingAllowed(center, clientId)).isTrue();
        assertThat(auditActions(center)).contains("client.lift_restriction");
        assertThat(lift(clientId, Map.of("reason", "Again."), center.token()).status())
                .as("a client not restricted has nothing to lift").isEqualTo(409);
    }

    @Test
    void liftingNamesWhatIsWrongAndWritesNothing() throws SQLException {
        Center center = host.newCenter("Clínica Errónea");
        Center other = host.newCenter("Clínica Otra");
        String clientId = client(center);
        String theirs = client(other);
        restrict(center, clientId, "Disputed.");
        restrict(other, theirs, "Disputed.");
        Map<String, Long> before = rowCounts();

        Map<String, Object> blank = new LinkedHashMap<>();
        blank.put("reason", "  ");
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("reason", null);
        for (Object body : List.of(Map.of(), missing, blank, Map.of("reason", "x".repeat(2001)))) {
            Reply refused = lift(clientId, body, center.token());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        }
        Reply unknown = lift(clientId, Map.of("reason", "ok", "why", "x"), center.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("why");
        assertThat(lift(clientId, Map.of("reason", 7), center.token()).status()).isEqualTo(400);
        assertThat(lift(clientId, "not json", center.token()).status()).isEqualTo(400);
        assertThat(lift(theirs, Map.of("reason", "ok"), center.token()).status()).isEqualTo(404);
        assertThat(lift(UUID.randomUUID().toString(), Map.of("reason", "ok"), center.token()).status())
                .isEqualTo(404);
        assertThat(lift("not-an-id", Map.of("reason", "ok"), center.token()).status()).isEqualTo(404);
        assertThat(lift(clientId, Map.of("reason", "ok"), null).status()).isEqualTo(401);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(host.get("/v1/clients/" + clientId, center.token()).json().get("restriction").isObject())
                .as("still restricted").isTrue();
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String table : List.of("public.client_restrictions", "public.clients", "public.audit_events",
                    "keystore.data_keys", "public.idempotency_records")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM public.client_restrictions WHERE lifted_at IS NOT NULL")) {
                rs.next();
                counts.put("lifted", rs.getLong(1));
            }
        }
        return counts;
    }
}
