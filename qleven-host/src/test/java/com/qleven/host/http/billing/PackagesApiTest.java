package com.qleven.host.http.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prepaid packages over HTTP: the catalogue, a sale with its issued invoice, completions that redeem
 * (or, with {@code ?redeem=false} or an expired package, draft an invoice), the exact pro-rata refund
 * by credit note, the liability report, each role's reach, and bad input that names its field and
 * writes nothing. (The liability after an expiry, which needs the clock moved past the sign-in's
 * lifetime, is in the use-case suite.)
 */
class PackagesApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String professional;
    private static String professionalToken;
    private static String receptionistToken;
    private static String service;
    private static String otherService;
    private static int slot;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Bonos");
        other = host.newCenter("Centro Ajeno");
        String proEmail = TestHost.newEmail("pro");
        professional = id(host.post("/v1/users", TestHost.userBody(proEmail, "professional"), center.token()));
        professionalToken = host.login(proEmail, TestHost.PASSWORD, null);
        String deskEmail = TestHost.newEmail("desk");
        id(host.post("/v1/users", TestHost.userBody(deskEmail, "receptionist"), center.token()));
        receptionistToken = host.login(deskEmail, TestHost.PASSWORD, null);
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
        otherService = SchedulingFixtures.service(host, other.tenantId());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static List<String> fields(Reply problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static Map<String, Object> money(long minor) {
        return Map.of("amountMinor", minor, "currency", "EUR");
    }

    private static Map<String, Object> sessions(String name, int sessions, long priceMinor, int days) {
        return new HashMap<>(Map.of("name", name, "serviceIds", List.of(service), "sessions", sessions,
                "price", money(priceMinor), "validityDays", days));
    }

    private static String client(String name) {
        return id(host.post("/v1/clients", Map.of("fullName", name), center.token()));
    }

    /** Booked (each call a new hour, {@code days} from today), checked in, completed; the appointment's id. */
    private static String complete(String client, int days, String query) {
        int hour = 8 + (slot++ % 12);
        String appointment = id(host.post("/v1/appointments", Map.of("clientId", client, "serviceId", service,
                "start", SchedulingFixtures.start(host, days, hour, 0), "professionalId", professional),
                receptionistToken));
        assertThat(host.post("/v1/appointments/" + appointment + "/check-in", Map.of(), receptionistToken).status())
                .isEqualTo(200);
        Reply done = host.post("/v1/appointments/" + appointment + "/complete" + query, Map.of(), professionalToken);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("completed");
        return appointment;
    }

    private static JsonNode clientPackage(String id) {
        Reply read = host.get("/v1/client-packages/" + id, professionalToken);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private static List<JsonNode> invoicesFor(String client, String appointment) {
        Reply list = host.get("/v1/invoices?clientId=" + client, center.token());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("items").spliterator(), false)
                .filter(i -> appointment.equals(i.get("appointmentId").asText(null))).toList();
    }

    private static long rows(String table, String tenant) {
        try (Connection c = host.superuser();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public." + table + " WHERE tenant_id = ?")) {
            ps.setObject(1, UUID.fromString(tenant));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPackageIsSoldRedeemedOnCompletionAndItsUnusedSessionsRefundedExactly() {
        Reply created = host.post("/v1/packages", sessions("10 limpiezas", 10, 33333, 365), center.token());
        String pkg = id(created);
        assertThat(created.header("Location")).isEqualTo("/v1/packages/" + pkg);
        assertThat(created.json().get("sessions").asLong()).isEqualTo(10);
        assertThat(created.json().get("price").get("amountMinor").asLong()).isEqualTo(33333);
        assertThat(host.get("/v1/packages/" + pkg, professionalToken).json().get("name").asText())
                .isEqualTo("10 limpiezas");
        assertThat(host.get("/v1/packages", professionalToken).json().get("items")).isNotEmpty();

        String lucia = client("Lucía Fernández");
        Reply sold = host.post("/v1/clients/" + lucia + "/packages", Map.of("packageId", pkg), receptionistToken);
        String held = id(sold);
        assertThat(sold.header("Location")).isEqualTo("/v1/client-packages/" + held);
        assertThat(sold.json().get("remainingSessions").asLong()).isEqualTo(10);
        assertThat(sold.json().get("status").asText()).isEqualTo("active");
        assertThat(sold.json().get("expiresAt").asText())
                .isEqualTo(SchedulingFixtures.day(host, 365).toString());
        JsonNode invoice = host.get("/v1/invoices/" + sold.json().get("invoiceId").asText(), center.token()).json();
        assertThat(invoice.get("status").asText()).isEqualTo("issued");
        assertThat(invoice.get("number").asText()).startsWith("F");
        assertThat(invoice.get("lines").get(0).get("description").asText()).isEqualTo("10 limpiezas");
        assertThat(invoice.get("total").get("amountMinor").asLong()).isEqualTo(33333);

        String first = complete(lucia, 2, "");
        complete(lucia, 2, "");
        complete(lucia, 2, "?redeem=true");
        assertThat(clientPackage(held).get("remainingSessions").asLong()).isEqualTo(7);
        assertThat(invoicesFor(lucia, first)).isEmpty();
        // The staff choose otherwise: nothing redeemed, the appointment gets a draft invoice.
        String notRedeemed = complete(lucia, 2, "?redeem=false");
        assertThat(clientPackage(held).get("remainingSessions").asLong()).isEqualTo(7);
        assertThat(invoicesFor(lucia, notRedeemed)).singleElement().satisfies(i -> {
            assertThat(i.get("status").asText()).isEqualTo("draft");
            assertThat(i.get("total").get("amountMinor").asLong()).isEqualTo(4500);
        });
        Reply listed = host.get("/v1/clients/" + lucia + "/packages", professionalToken);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().has("next")).isTrue();

        assertThat(host.post("/v1/client-packages/" + held + "/refund", Map.of("reason", "Moves away"),
                receptionistToken).status()).isEqualTo(403);
        Reply refunded = host.post("/v1/client-packages/" + held + "/refund", Map.of("reason", "Moves away"),
                center.token());
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        // 7 of 10 unused: 333.33 × 7 / 10 = 233.331 → 233.33.
        assertThat(refunded.json().get("status").asText()).isEqualTo("refunded");
        assertThat(refunded.json().get("refund").get("amount").get("amountMinor").asLong()).isEqualTo(23333);
        JsonNode note = host.get("/v1/invoices/" + refunded.json().get("refund").get("creditNoteId").asText(),
                center.token()).json();
        assertThat(note.get("kind").asText()).isEqualTo("credit_note");
        assertThat(note.get("total").get("amountMinor").asLong()).isEqualTo(-23333);
        assertThat(note.get("corrects").get("id").asText()).isEqualTo(sold.json().get("invoiceId").asText());
        assertThat(host.post("/v1/client-packages/" + held + "/refund", Map.of("reason", "Again"), center.token())
                .status()).isEqualTo(409);
    }

    @Test
    void anExpiredPackageRedeemsNothingAndTheLiabilityIsReported() {
        String pkg = id(host.post("/v1/packages", sessions("2 limpiezas (1 día)", 2, 9000, 1), center.token()));
        String pau = client("Pau Vidal");
        String held = id(host.post("/v1/clients/" + pau + "/packages", Map.of("packageId", pkg), receptionistToken));
        // Valid until the end of tomorrow; an appointment three days out finds it expired.
        String late = complete(pau, 3, "");
        assertThat(clientPackage(held).get("remainingSessions").asLong()).isEqualTo(2);
        assertThat(invoicesFor(pau, late)).singleElement().satisfies(i -> {
            assertThat(i.get("status").asText()).isEqualTo("draft");
            assertThat(i.get("lines").get(0).get("description").asText()).isEqualTo("Limpieza facial");
        });

        Reply report = host.get("/v1/reports/package-liability", center.token());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("total").get("currency").asText()).isEqualTo("EUR");
        JsonNode line = StreamSupport.stream(report.json().get("packages").spliterator(), false)
                .filter(l -> l.get("packageId").asText().equals(pkg)).findFirst().orElseThrow();
        assertThat(line.get("value").get("amountMinor").asLong()).isEqualTo(9000);
        assertThat(host.get("/v1/reports/package-liability", receptionistToken).status()).isEqualTo(403);
    }

    @Test
    void badInputNamesItsFieldAndWritesNothing() {
        long before = rows("packages", center.tenantId());
        Reply empty = host.post("/v1/packages", Map.of(), center.token());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("name", "serviceIds", "sessions", "price", "validityDays");
        Map<String, Object> both = sessions("Doble", 5, 100, 30);
        both.put("credit", money(100));
        assertThat(fields(host.post("/v1/packages", both, center.token()))).containsExactly("credit");
        Map<String, Object> allowance = sessions("Láser", 5, 100, 30);
        allowance.remove("sessions");
        allowance.put("allowance", Map.of("unit", "joules", "amount", 100));
        assertThat(fields(host.post("/v1/packages", allowance, center.token()))).containsExactly("allowance.unit");
        Map<String, Object> foreign = sessions("Ajeno", 5, 100, 30);
        foreign.put("serviceIds", List.of(service, otherService));
        Reply unprocessable = host.post("/v1/packages", foreign, center.token());
        assertThat(unprocessable.status()).isEqualTo(422);
        assertThat(fields(unprocessable)).containsExactly("serviceIds[1]");
        Map<String, Object> badId = sessions("Malo", 5, 100, 30);
        badId.put("serviceIds", List.of("nope"));
        assertThat(fields(host.post("/v1/packages", badId, center.token()))).containsExactly("serviceIds[0]");
        assertThat(host.post("/v1/packages", sessions("Recepción", 5, 100, 30), receptionistToken).status())
                .isEqualTo(403);
        assertThat(rows("packages", center.tenantId())).isEqualTo(before);

        String pkg = id(host.post("/v1/packages", sessions("5 sesiones", 5, 100, 30), center.token()));
        String ana = client("Ana Ruiz");
        long sold = rows("client_packages", center.tenantId());
        long invoices = rows("invoices", center.tenantId());
        Reply noPackage = host.post("/v1/clients/" + ana + "/packages", Map.of("packageId", UUID.randomUUID()
                .toString()), receptionistToken);
        assertThat(noPackage.status()).isEqualTo(422);
        assertThat(fields(noPackage)).containsExactly("packageId");
        assertThat(host.post("/v1/clients/" + UUID.randomUUID() + "/packages", Map.of("packageId", pkg),
                receptionistToken).status()).isEqualTo(404);
        assertThat(host.post("/v1/clients/" + ana + "/packages", Map.of("packageId", pkg), professionalToken)
                .status()).isEqualTo(403);
        Reply other = host.post("/v1/clients/" + ana + "/packages", Map.of("packageId", pkg), this.other());
        assertThat(other.status()).isEqualTo(404);
        assertThat(rows("client_packages", center.tenantId())).isEqualTo(sold);
        assertThat(rows("invoices", center.tenantId())).isEqualTo(invoices);

        String held = id(host.post("/v1/clients/" + ana + "/packages", Map.of("packageId", pkg), receptionistToken));
        assertThat(fields(host.post("/v1/client-packages/" + held + "/refund", Map.of("reason", " "),
                center.token()))).containsExactly("reason");
        assertThat(clientPackage(held).get("status").asText()).isEqualTo("active");
        String appointment = id(host.post("/v1/appointments", Map.of("clientId", ana, "serviceId", service,
                "start", SchedulingFixtures.start(host, 4, 9, 0), "professionalId", professional),
                receptionistToken));
        host.post("/v1/appointments/" + appointment + "/check-in", Map.of(), receptionistToken);
        Reply maybe = host.post("/v1/appointments/" + appointment + "/complete?redeem=maybe", Map.of(),
                professionalToken);
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(fields(maybe)).containsExactly("redeem");
        assertThat(host.get("/v1/appointments/" + appointment, professionalToken).json().get("status").asText())
                .isEqualTo("checked_in");
    }

    @Test
    void aSaleRetriedWithItsIdempotencyKeySellsOnce() {
        String pkg = id(host.post("/v1/packages", sessions("3 sesiones", 3, 9000, 30), center.token()));
        String marta = client("Marta Gil");
        String key = "sale-" + UUID.randomUUID();
        Reply first = keyed("/v1/clients/" + marta + "/packages", Map.of("packageId", pkg), key);
        Reply again = keyed("/v1/clients/" + marta + "/packages", Map.of("packageId", pkg), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(host.get("/v1/clients/" + marta + "/packages", receptionistToken).json().get("items")).hasSize(1);
    }

    private static Reply keyed(String path, Object body, String key) {
        return host.send(host.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + receptionistToken).header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
    }

    private String other() {
        return other.token();
    }
}
