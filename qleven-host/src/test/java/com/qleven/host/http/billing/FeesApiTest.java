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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deposits and the fee policy over HTTP: a service's deposit shows on each booking of it (and on
 * the public page); a no-show under a fixed fee and a late cancellation under a percentage draft
 * the fee's invoice, worked by hand; an early cancellation and a center without a policy charge
 * nothing; the desk waives a fee by deleting its draft; a bad policy is a 4xx naming the field and
 * writes nothing. The host's clock moves to each appointment's hour.
 */
class FeesApiTest {
    private static TestHost host;
    private static Center center;
    private static String professional;
    private static String deskEmail;
    private static String client;
    private static String service;
    private static Instant started;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void start() {
        host = TestHost.start();
        started = host.clock.instant();
        center = host.newCenter("Centro Tarifas");
        String proEmail = TestHost.newEmail("pro");
        professional = id(host.post("/v1/users", TestHost.userBody(proEmail, "professional"), admin()));
        deskEmail = TestHost.newEmail("desk");
        id(host.post("/v1/users", TestHost.userBody(deskEmail, "receptionist"), admin()));
        client = id(host.post("/v1/clients", Map.of("fullName", "Lucía Fernández"), admin()));
        // 45.25 € at 21 %: half of it is 22.625 €, an odd half cent that rounds up.
        service = id(host.post("/v1/services", Map.of("name", "Limpieza facial", "durationMinutes", 60,
                "price", eur(4525), "taxRate", "21"), admin()));
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @BeforeEach
    void backToTheStart() {
        host.clock.set(started);
        put(Map.of("priceBasis", "tax_included"));
    }

    private static Map<String, Object> eur(long minor) {
        return Map.of("amountMinor", minor, "currency", "EUR");
    }

    /** The receptionist signed in at the clock's time: moving the clock a day on ends older sessions. */
    private static String desk() {
        return signedIn(deskEmail);
    }

    /** The administrator signed in at the clock's time. */
    private static String admin() {
        return signedIn(center.adminEmail());
    }

    private static String signedIn(String email) {
        return TOKENS.computeIfAbsent(email + " " + host.clock.instant(),
                key -> host.login(email, TestHost.PASSWORD, null));
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static Reply put(Map<String, Object> settings) {
        Reply saved = host.put("/v1/billing-settings", settings, admin());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved;
    }

    /** Books the service with the professional {@code days} from the start at {@code hour}:00. */
    private static JsonNode book(String serviceId, int days, int hour) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", client, "serviceId", serviceId, "start",
                SchedulingFixtures.start(host, days, hour, 0), "professionalId", professional));
        Reply booked = host.post("/v1/appointments", body, desk());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json();
    }

    private static Instant startOf(JsonNode appointment) {
        return OffsetDateTime.parse(appointment.get("start").asText()).toInstant();
    }

    /** The client's invoices linked to the appointment. */
    private static List<JsonNode> invoicesOf(String appointment) {
        Reply list = host.get("/v1/invoices?clientId=" + client + "&limit=200", desk());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("items").spliterator(), false)
                .filter(i -> appointment.equals(i.get("appointmentId").asText(null))).toList();
    }

    private static long rows(String table) {
        try (Connection c = host.superuser();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public." + table
                     + " WHERE tenant_id = ?")) {
            ps.setObject(1, UUID.fromString(center.tenantId()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNoShowUnderAFixedFeeDraftsThatInvoice() {
        put(Map.of("priceBasis", "tax_included", "noShowFee", Map.of("amount", eur(1500))));
        JsonNode booked = book(service, 1, 10);
        host.clock.set(startOf(booked).plus(Duration.ofMinutes(20)));

        Reply noShow = host.post("/v1/appointments/" + booked.get("id").asText() + "/no-show", Map.of(),
                desk());

        assertThat(noShow.status()).as(noShow.body()).isEqualTo(200);
        assertThat(noShow.json().get("status").asText()).isEqualTo("no_show");
        List<JsonNode> fees = invoicesOf(booked.get("id").asText());
        assertThat(fees).hasSize(1);
        JsonNode fee = fees.get(0);
        assertThat(fee.get("status").asText()).isEqualTo("draft");
        assertThat(fee.get("clientId").asText()).isEqualTo(client);
        assertThat(fee.get("lines")).hasSize(1);
        JsonNode line = fee.get("lines").get(0);
        assertThat(line.get("description").asText()).isEqualTo("No-show fee — Limpieza facial");
        assertThat(line.get("quantity").asText()).isEqualTo("1");
        assertThat(line.get("unitPrice").get("amountMinor").asLong()).isEqualTo(1500);
        assertThat(line.get("taxRate").asText()).isEqualTo("21");
        // 15.00 € with 21 % included: 1500 × 21 / 121 = 260.33 → 2.60 € of tax.
        assertThat(fee.get("total").get("amountMinor").asLong()).isEqualTo(1500);
        assertThat(fee.get("taxTotal").get("amountMinor").asLong()).isEqualTo(260);
        assertThat(fee.get("total").get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void aLateCancellationUnderHalfThePriceDraftsHalfOfItRoundedByHand() {
        put(Map.of("priceBasis", "tax_included", "lateCancellationFee", Map.of("percent", "50")));
        JsonNode booked = book(service, 2, 11);
        // Three hours before: inside the 24-hour window, which only staff may still cancel in.
        host.clock.set(startOf(booked).minus(Duration.ofHours(3)));

        Reply cancelled = host.post("/v1/appointments/" + booked.get("id").asText() + "/cancel",
                Map.of("reason", "Called in sick"), desk());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        List<JsonNode> fees = invoicesOf(booked.get("id").asText());
        assertThat(fees).hasSize(1);
        JsonNode line = fees.get(0).get("lines").get(0);
        assertThat(line.get("description").asText()).isEqualTo("Late cancellation fee — Limpieza facial");
        // Half of 45.25 € is 22.625 €: half up to the cent, 22.63 €.
        assertThat(line.get("unitPrice").get("amountMinor").asLong()).isEqualTo(2263);
        assertThat(fees.get(0).get("total").get("amountMinor").asLong()).isEqualTo(2263);
        // 2263 × 21 / 121 = 392.75… → 3.93 € of tax.
        assertThat(fees.get(0).get("taxTotal").get("amountMinor").asLong()).isEqualTo(393);
    }

    @Test
    void anEarlyCancellationChargesNothing() {
        put(Map.of("priceBasis", "tax_included", "noShowFee", Map.of("amount", eur(1500)),
                "lateCancellationFee", Map.of("percent", "50")));
        JsonNode booked = book(service, 3, 12);
        long invoices = rows("invoices");
        // Two days before: outside the window.
        host.clock.set(startOf(booked).minus(Duration.ofDays(2)));

        Reply cancelled = host.post("/v1/appointments/" + booked.get("id").asText() + "/cancel",
                Map.of("reason", "Changed plans"), desk());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(invoicesOf(booked.get("id").asText())).isEmpty();
        assertThat(rows("invoices")).isEqualTo(invoices);
    }

    @Test
    void withoutAPolicyANoShowAndALateCancellationChargeNothing() {
        JsonNode missed = book(service, 4, 9);
        JsonNode late = book(service, 4, 13);
        long invoices = rows("invoices");
        host.clock.set(startOf(missed).plus(Duration.ofMinutes(30)));

        assertThat(host.post("/v1/appointments/" + missed.get("id").asText() + "/no-show", Map.of(),
                desk()).status()).isEqualTo(200);
        assertThat(host.post("/v1/appointments/" + late.get("id").asText() + "/cancel",
                Map.of("reason", "Stuck"), desk()).status()).isEqualTo(200);

        assertThat(rows("invoices")).isEqualTo(invoices);
        Reply settings = host.get("/v1/billing-settings", desk());
        assertThat(settings.json().get("noShowFee").isNull()).isTrue();
        assertThat(settings.json().get("lateCancellationFee").isNull()).isTrue();
    }

    @Test
    void theDeskWaivesAFeeByDeletingItsDraft() {
        put(Map.of("priceBasis", "tax_included", "noShowFee", Map.of("amount", eur(1000))));
        JsonNode booked = book(service, 5, 10);
        host.clock.set(startOf(booked).plus(Duration.ofMinutes(10)));
        host.post("/v1/appointments/" + booked.get("id").asText() + "/no-show", Map.of(), desk());
        String fee = invoicesOf(booked.get("id").asText()).get(0).get("id").asText();
        long lines = rows("invoice_lines");

        Reply stale = host.send(host.request("/v1/invoices/" + fee).header("Authorization", "Bearer "
                + desk()).header("If-Match", "\"9\"").DELETE().build());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Reply waived = host.send(host.request("/v1/invoices/" + fee).header("Authorization", "Bearer "
                + desk()).header("If-Match", "\"1\"").DELETE().build());

        assertThat(waived.status()).as(waived.body()).isEqualTo(204);
        assertThat(host.get("/v1/invoices/" + fee, desk()).status()).isEqualTo(404);
        assertThat(rows("invoice_lines")).isEqualTo(lines - 1);
        assertThat(host.send(host.request("/v1/invoices/" + fee).header("Authorization", "Bearer "
                + desk()).DELETE().build()).status()).isEqualTo(404);
    }

    @Test
    void anIssuedInvoiceIsNeverDeleted() {
        String draft = id(host.post("/v1/invoices", Map.of("clientId", client, "lines", List.of(Map.of(
                "description", "Crema", "quantity", "1", "unitPrice", eur(1200), "taxRate", "21"))), admin()));
        assertThat(host.post("/v1/invoices/" + draft + "/issue", Map.of(), admin()).status()).isEqualTo(200);

        Reply refused = host.send(host.request("/v1/invoices/" + draft).header("Authorization", "Bearer "
                + admin()).DELETE().build());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(host.get("/v1/invoices/" + draft, admin()).json().get("status").asText())
                .isEqualTo("issued");
    }

    @Test
    void aServiceThatAsksADepositShowsItOnEachBookingAndOnThePublicPage() {
        Reply created = host.post("/v1/services", Map.of("name", "Peeling", "durationMinutes", 30,
                "price", eur(8000), "deposit", eur(2000), "taxRate", "21"), admin());
        String peel = id(created);
        assertThat(created.json().get("deposit").get("amountMinor").asLong()).isEqualTo(2000);

        JsonNode booked = book(peel, 6, 10);
        assertThat(booked.get("depositDue").get("amountMinor").asLong()).isEqualTo(2000);
        assertThat(booked.get("depositDue").get("currency").asText()).isEqualTo("EUR");
        assertThat(host.get("/v1/appointments/" + booked.get("id").asText(), desk()).json()
                .get("depositDue").get("amountMinor").asLong()).isEqualTo(2000);
        assertThat(book(service, 6, 12).get("depositDue").isNull()).isTrue();

        String slug = host.get("/v1/center", admin()).json().get("slug").asText();
        JsonNode page = host.get("/v1/public/centers/" + slug + "/services", null).json();
        JsonNode publicPeel = StreamSupport.stream(page.get("services").spliterator(), false)
                .filter(s -> s.get("id").asText().equals(peel)).findFirst().orElseThrow();
        assertThat(publicPeel.get("deposit").get("amountMinor").asLong()).isEqualTo(2000);
    }

    @Test
    void badDepositsAndPoliciesAreRefusedNamingTheFieldAndWriteNothing() {
        Reply overPrice = host.post("/v1/services", Map.of("name", "Peeling", "durationMinutes", 30,
                "price", eur(8000), "deposit", eur(8001), "taxRate", "21"), admin());
        assertThat(overPrice.status()).isEqualTo(400);
        assertThat(overPrice.json().get("errors").get(0).get("field").asText()).isEqualTo("deposit.amountMinor");

        put(Map.of("priceBasis", "tax_included", "noShowFee", Map.of("percent", "25")));
        Reply both = host.put("/v1/billing-settings", Map.of("priceBasis", "tax_excluded", "noShowFee",
                Map.of("amount", eur(100), "percent", "5")), admin());
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").get(0).get("field").asText()).isEqualTo("noShowFee");
        Reply tooMuch = host.put("/v1/billing-settings", Map.of("priceBasis", "tax_included",
                "lateCancellationFee", Map.of("percent", "100.5")), admin());
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").get(0).get("field").asText()).isEqualTo("lateCancellationFee.percent");
        Reply otherCurrency = host.put("/v1/billing-settings", Map.of("priceBasis", "tax_included",
                "noShowFee", Map.of("amount", Map.of("amountMinor", 100, "currency", "MAD"))), admin());
        assertThat(otherCurrency.status()).isEqualTo(422);
        assertThat(otherCurrency.json().get("errors").get(0).get("field").asText())
                .isEqualTo("noShowFee.amount.currency");
        Reply byDesk = host.put("/v1/billing-settings", Map.of("priceBasis", "tax_included"), desk());
        assertThat(byDesk.status()).isEqualTo(403);

        JsonNode kept = host.get("/v1/billing-settings", desk()).json();
        assertThat(kept.get("priceBasis").asText()).isEqualTo("tax_included");
        assertThat(kept.get("noShowFee").get("percent").asText()).isEqualTo("25");
        assertThat(kept.get("noShowFee").get("amount").isNull()).isTrue();
    }
}
