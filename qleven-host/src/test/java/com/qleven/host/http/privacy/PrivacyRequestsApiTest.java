package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data-subject requests end to end over HTTP on PostgreSQL, with the host's clock moved: receipt
 * and the 30-day due time, the due-soon and overdue lists and gauges, extensions and answers, and
 * bad input that writes nothing.
 */
class PrivacyRequestsApiTest {
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

    private static Reply request(Center center, String token, String clientId, String type, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("type", type);
        body.put("note", note);
        return host.post("/v1/privacy/requests", body, token);
    }

    private static String created(Center center, String type) {
        Reply created = request(center, center.token(), client(center), type, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Moves the host's clock; sessions idle out meanwhile, so the center's admin signs in again. */
    private static Center after(Center center, Duration by) {
        host.clock.advance(by);
        return new Center(center.tenantId(), center.adminId(), center.adminEmail(),
                host.login(center.adminEmail(), TestHost.PASSWORD, center.tenantId()));
    }

    private static List<String> listed(Center center, String status) {
        Reply page = host.get("/v1/privacy/requests?status=" + status + "&limit=200", center.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static double gauge(String state) {
        // The gauges are counted in the background; the test counts now instead of waiting.
        host.host().component().privacyRequestMetrics().refresh();
        Matcher m = Pattern.compile("^qleven_privacy_requests\\{state=\"" + state + "\",?} (\\S+)$", Pattern.MULTILINE)
                .matcher(host.metrics().body());
        assertThat(m.find()).as("the gauge of " + state + " is served").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
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

    private static List<String> problemFields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aRequestIsReceivedNowAndDueInThirtyCalendarDays() {
        Center center = host.newCenter("Clínica Privacidad");
        String clientId = client(center);
        Reply created = request(center, center.token(), clientId, "access", "Asked by phone for her file.");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/privacy/requests/" + id);
        assertThat(body.get("status").asText()).isEqualTo("open");
        Instant received = Instant.parse(body.get("receivedAt").asText());
        assertThat(Duration.between(host.clock.instant(), received).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Instant.parse(body.get("dueAt").asText())).isEqualTo(received.plus(Duration.ofDays(30)));

        Reply read = host.get("/v1/privacy/requests/" + id, center.token());
        assertThat(read.json().get("note").asText()).isEqualTo("Asked by phone for her file.");
        assertThat(read.json().get("clientId").asText()).isEqualTo(clientId);
        Reply events = host.get("/v1/audit/events?limit=200", center.token());
        List<String> actions = new ArrayList<>();
        events.json().get("items").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("privacy_request.create", "privacy_request.read");
    }

    @Test
    void dueSoonAndOverdueAreListedAndCountedInMetrics() {
        // A year on, every earlier test's request is overdue already and stays so: only this one moves.
        Center center = after(host.newCenter("Clínica Plazos"), Duration.ofDays(365));
        double overdueBefore = gauge("overdue");
        assertThat(gauge("due_soon")).isZero();
        String id = created(center, "erasure");
        assertThat(listed(center, "open")).containsExactly(id);
        assertThat(listed(center, "due_soon")).isEmpty();

        center = after(center, Duration.ofDays(25));
        assertThat(listed(center, "due_soon")).containsExactly(id);
        assertThat(listed(center, "overdue")).isEmpty();
        assertThat(gauge("due_soon")).isEqualTo(1);
        assertThat(gauge("overdue")).isEqualTo(overdueBefore);

        center = after(center, Duration.ofDays(6));
        assertThat(listed(center, "overdue")).containsExactly(id);
        assertThat(listed(center, "due_soon")).isEmpty();
        assertThat(listed(center, "open")).containsExactly(id);
        assertThat(gauge("overdue")).isEqualTo(overdueBefore + 1);
        assertThat(gauge("due_soon")).isZero();
    }

    @Test
    void anExtensionIsRecordedBeforeTheDueTimeAndRefusedAfterWithoutWriting() {
        Center center = host.newCenter("Clínica Prórroga");
        String early = created(center, "portability");
        String late = created(center, "access");
        Reply extended = host.post("/v1/privacy/requests/" + early + "/extend",
                Map.of("months", 2, "reason", "The archive is off site."), center.token());
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(Instant.parse(extended.json().get("dueAt").asText()))
                .isAfter(Instant.parse(extended.json().get("receivedAt").asText()).plus(Duration.ofDays(88)));
        assertThat(extended.json().get("extensionReason").asText()).isEqualTo("The archive is off site.");

        Reply tooLong = host.post("/v1/privacy/requests/" + late + "/extend", Map.of("months", 3, "reason", "R."),
                center.token());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(problemFields(tooLong)).containsExactly("months");
        Reply noReason = host.post("/v1/privacy/requests/" + late + "/extend", Map.of("months", 1), center.token());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(problemFields(noReason)).containsExactly("reason");

        center = after(center, Duration.ofDays(31));
        Map<String, Long> before = rowCounts();
        Reply afterDue = host.post("/v1/privacy/requests/" + late + "/extend",
                Map.of("months", 1, "reason", "Too late."), center.token());
        assertThat(afterDue.status()).isEqualTo(422);
        assertThat(problemFields(afterDue)).containsExactly("dueAt");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(host.get("/v1/privacy/requests/" + late, center.token()).json().get("extensionMonths").asInt())
                .isZero();
    }

    @Test
    void aRequestIsCompletedOnceWithItsHandlerAndOutcome() {
        Center center = host.newCenter("Clínica Respuesta");
        String id = created(center, "rectification");
        Reply done = host.post("/v1/privacy/requests/" + id + "/complete", Map.of("outcome", "Email corrected."),
                center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("completed");
        assertThat(done.json().get("handler").asText()).isEqualTo(center.adminId());
        assertThat(done.json().get("outcome").asText()).isEqualTo("Email corrected.");

        Reply again = host.post("/v1/privacy/requests/" + id + "/complete", Map.of("outcome", "Again."),
                center.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(listed(center, "open")).isEmpty();
    }

    @Test
    void aCompletedRestrictionHidesTheClientFromStaffListsAndSearchesButNotFromAdministrators() {
        Center center = host.newCenter("Clínica Limitación");
        String receptionist = staff(center, "receptionist");
        String clientId = client(center);
        Reply restriction = request(center, center.token(), clientId, "restriction", null);
        Reply done = host.post("/v1/privacy/requests/" + restriction.json().get("id").asText() + "/complete",
                Map.of("outcome", "Processing restricted while the data is disputed."), center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        assertThat(host.get("/v1/clients", receptionist).json().get("items")).isEmpty();
        assertThat(host.post("/v1/clients/search", Map.of("phone", "600 111 222"), receptionist).json().get("items"))
                .isEmpty();
        assertThat(host.get("/v1/clients", center.token()).json().get("items")).hasSize(1);
        assertThat(host.post("/v1/clients/search", Map.of("phone", "600 111 222"), center.token()).json()
                .get("items")).hasSize(1);
    }

    @Test
    void aCompletedObjectionSuppressesTheClientsPhoneAndEmail() {
        Center center = host.newCenter("Clínica Oposición");
        Reply created = host.post("/v1/clients", Map.of("fullName", "Pau Roig", "phone", "622 444 555",
                "email", "pau.roig@example.com"), center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        com.qleven.domain.shared.TenantId tenant = new com.qleven.domain.shared.TenantId(
                java.util.UUID.fromString(center.tenantId()));
        com.qleven.application.privacy.PrivacyFacade suppressions = host.host().component().qleven().privacy();
        com.qleven.domain.shared.PhoneNumber phone = new com.qleven.domain.shared.PhoneNumber("+34622444555");
        com.qleven.domain.shared.EmailAddress email = new com.qleven.domain.shared.EmailAddress(
                "pau.roig@example.com");
        Reply objection = request(center, center.token(), created.json().get("id").asText(), "objection", null);
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        assertThat(suppressions.isSuppressed(tenant, phone)).as("an open objection suppresses nothing yet").isFalse();
        assertThat(suppressions.isSuppressed(tenant, email)).isFalse();

        Reply done = host.post("/v1/privacy/requests/" + objection.json().get("id").asText() + "/complete",
                Map.of("outcome", "No more marketing."), center.token());

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(suppressions.isSuppressed(tenant, phone)).isTrue();
        assertThat(suppressions.isSuppressed(tenant, email)).isTrue();
        Center other = host.newCenter("Clínica Vecina");
        assertThat(suppressions.isSuppressed(new com.qleven.domain.shared.TenantId(
                java.util.UUID.fromString(other.tenantId())), phone)).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Center center = host.newCenter("Clínica Errores");
        Center other = host.newCenter("Clínica Ajena");
        String clientId = client(center);
        String theirs = client(other);
        String receptionist = staff(center, "receptionist");
        Map<String, Long> before = rowCounts();

        Reply unknownType = request(center, center.token(), clientId, "forget_me", null);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(problemFields(unknownType)).containsExactly("type");
        // An id in a body that names nothing of the center, another center's or none, is a 422 naming it.
        for (String nothingHere : List.of(theirs, java.util.UUID.randomUUID().toString())) {
            Reply foreign = request(center, center.token(), nothingHere, "access", null);
            assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
            assertThat(problemFields(foreign)).containsExactly("clientId");
        }
        assertThat(request(center, receptionist, clientId, "access", null).status()).isEqualTo(403);
        Reply badFilter = host.get("/v1/privacy/requests?status=late", center.token());
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(problemFields(badFilter)).containsExactly("status");
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static String staff(Center center, String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }
}
