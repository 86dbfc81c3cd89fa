package com.qleven.host.http.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments, refunds, deposits and the cash report over HTTP: partial payments to a zero balance,
 * overpayment and bad input that name their field and write nothing, a card number refused, a
 * retried payment recorded once, a refund against a full credit note, a deposit applied when its
 * appointment's invoice is issued, the day's cash report, each role's reach and another center's ids.
 */
class PaymentsApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String deskEmail;
    private static String professionalEmail;
    private static String professional;
    private static String client;
    private static String otherClient;
    private static String service;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Caja");
        other = host.newCenter("Centro Ajeno");
        deskEmail = TestHost.newEmail("desk");
        created(host.post("/v1/users", TestHost.userBody(deskEmail, "receptionist"), center.token()));
        professionalEmail = TestHost.newEmail("pro");
        professional = created(host.post("/v1/users", TestHost.userBody(professionalEmail, "professional"),
                center.token()));
        client = created(host.post("/v1/clients", Map.of("fullName", "Lucía Fernández"), center.token()));
        otherClient = created(host.post("/v1/clients", Map.of("fullName", "Otra Persona"), other.token()));
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static String admin() {
        return host.login(center.adminEmail(), TestHost.PASSWORD, null);
    }

    private static String desk() {
        return host.login(deskEmail, TestHost.PASSWORD, null);
    }

    private static List<String> fields(Reply problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static Reply pay(String invoice, Object body, String token) {
        return host.post("/v1/invoices/" + invoice + "/payments", body, token);
    }

    private static JsonNode payments(String invoice, String token) {
        Reply list = host.get("/v1/invoices/" + invoice + "/payments", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    private static long balance(String invoice) {
        return host.get("/v1/invoices/" + invoice, admin()).json().get("balance").get("amountMinor").asLong();
    }

    @Test
    void partialPaymentsAddUpToZeroAndMoreIsRefusedWritingNothing() {
        String desk = desk();
        String invoice = BillingFixtures.issued(host, desk, client, 10000);

        Reply first = pay(invoice, BillingFixtures.payment("cash", 3000), desk);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/v1/invoices/" + invoice + "/payments");
        JsonNode body = first.json();
        assertThat(body.get("kind").asText()).isEqualTo("payment");
        assertThat(body.get("method").asText()).isEqualTo("cash");
        assertThat(body.get("amount").get("amountMinor").asLong()).isEqualTo(3000);
        assertThat(body.get("amount").get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("balance").get("amountMinor").asLong()).isEqualTo(7000);
        assertThat(body.get("provider").asText()).isEqualTo("manual");
        assertThat(body.get("invoiceId").asText()).isEqualTo(invoice);

        Map<String, Object> card = new HashMap<>(BillingFixtures.payment("card", 6000));
        card.put("reference", "AUTH 0042A7");
        Reply second = pay(invoice, card, desk);
        assertThat(second.json().get("balance").get("amountMinor").asLong()).isEqualTo(1000);
        assertThat(second.json().get("reference").asText()).isEqualTo("AUTH 0042A7");

        Reply over = pay(invoice, BillingFixtures.payment("bank_transfer", 1001), desk);
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(fields(over)).containsExactly("amount");
        assertThat(payments(invoice, desk).get("items")).hasSize(2);
        assertThat(balance(invoice)).isEqualTo(1000);

        Reply last = pay(invoice, BillingFixtures.payment("bank_transfer", 1000), desk);
        assertThat(last.json().get("balance").get("amountMinor").asLong()).isZero();
        JsonNode list = payments(invoice, desk);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(StreamSupport.stream(list.get("items").spliterator(), false)
                .map(p -> p.get("method").asText() + ":" + p.get("amount").get("amountMinor").asLong()))
                .containsExactly("cash:3000", "card:6000", "bank_transfer:1000");
        assertThat(balance(invoice)).isZero();
        assertThat(host.get("/v1/invoices/" + invoice, desk).json().get("paid").get("amountMinor").asLong())
                .isEqualTo(10000);
    }

    @Test
    void badInputNamesItsFieldAndWritesNothing() {
        String desk = desk();
        String invoice = BillingFixtures.issued(host, desk, client, 5000);
        Reply usd = pay(invoice, Map.of("method", "cash", "amount", Map.of("amountMinor", 100, "currency", "USD")),
                desk);
        assertThat(usd.status()).isEqualTo(400);
        assertThat(fields(usd)).containsExactly("amount.currency");
        Reply zero = pay(invoice, BillingFixtures.payment("cash", 0), desk);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(fields(zero)).containsExactly("amount.amountMinor");
        Reply negative = pay(invoice, BillingFixtures.payment("cash", -100), desk);
        assertThat(fields(negative)).containsExactly("amount.amountMinor");
        Reply cheque = pay(invoice, BillingFixtures.payment("cheque", 100), desk);
        assertThat(cheque.status()).isEqualTo(400);
        assertThat(fields(cheque)).containsExactly("method");
        Reply missing = pay(invoice, Map.of(), desk);
        assertThat(fields(missing)).containsExactlyInAnyOrder("method", "amount");
        Reply both = pay(invoice, Map.of("method", "cheque", "amount", Map.of("amountMinor", 0, "currency", "EUR")),
                desk);
        assertThat(fields(both)).containsExactlyInAnyOrder("method", "amount.amountMinor");
        for (String number : List.of("4111 1111 1111 1111", "4111-1111-1111-1111", "5500000000000004")) {
            Map<String, Object> body = new HashMap<>(BillingFixtures.payment("card", 100));
            body.put("reference", number);
            Reply card = pay(invoice, body, desk);
            assertThat(card.status()).as(number).isEqualTo(400);
            assertThat(fields(card)).containsExactly("reference");
            assertThat(card.body()).doesNotContain(number);
        }
        Reply unknown = pay(invoice, Map.of("method", "cash", "amount", Map.of("amountMinor", 100, "currency", "EUR"),
                "cardNumber", "4111111111111111"), desk);
        assertThat(unknown.status()).isEqualTo(400);

        String draft = BillingFixtures.draft(host, desk, client, null, 5000);
        Reply onDraft = pay(draft, BillingFixtures.payment("cash", 100), desk);
        assertThat(onDraft.status()).as(onDraft.body()).isEqualTo(409);

        assertThat(payments(invoice, desk).get("items")).isEmpty();
        assertThat(payments(draft, desk).get("items")).isEmpty();
        assertThat(balance(invoice)).isEqualTo(5000);
    }

    @Test
    void aRetriedPaymentIsRecordedOnceAndAnsweredAgain() {
        String desk = desk();
        String invoice = BillingFixtures.issued(host, desk, client, 8000);
        HttpRequest request = host.request("/v1/invoices/" + invoice + "/payments")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + desk)
                .header("Idempotency-Key", "pay-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(BillingFixtures.payment("card", 5000))))
                .build();
        Reply first = host.send(request);
        Reply again = host.send(request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(payments(invoice, desk).get("items")).hasSize(1);
        assertThat(balance(invoice)).isEqualTo(3000);
    }

    @Test
    void aRefundAgainstTheFullCreditNoteOfAPaidInvoiceBringsBothBalancesToZero() {
        String desk = desk();
        String admin = admin();
        String invoice = BillingFixtures.issued(host, desk, client, 12000);
        assertThat(pay(invoice, BillingFixtures.payment("card", 12000), desk).status()).isEqualTo(201);
        String note = created(host.post("/v1/invoices/" + invoice + "/credit-notes",
                Map.of("full", true, "reason", "Tratamiento no realizado"), admin));
        assertThat(balance(note)).isEqualTo(-12000);

        assertThat(pay(note, BillingFixtures.payment("card", 12000), desk).status())
                .as("refunds are for administrators").isEqualTo(403);
        Reply tooMuch = pay(note, BillingFixtures.payment("card", 12001), admin);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(fields(tooMuch)).containsExactly("amount");
        Reply refund = pay(note, BillingFixtures.payment("card", 12000), admin);
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().get("kind").asText()).isEqualTo("refund");
        assertThat(refund.json().get("amount").get("amountMinor").asLong()).isEqualTo(-12000);
        assertThat(refund.json().get("balance").get("amountMinor").asLong()).isZero();
        assertThat(balance(note)).isZero();
        assertThat(balance(invoice)).isZero();
    }

    @Test
    void aDepositTakenAtBookingIsPaidOnTheAppointmentsInvoice() {
        String desk = desk();
        Map<String, Object> booking = Map.of("clientId", client, "serviceId", service, "start",
                SchedulingFixtures.start(host, 5, 10, 0), "professionalId", professional);
        String appointment = created(host.post("/v1/appointments", booking, desk));

        Reply deposit = host.post("/v1/appointments/" + appointment + "/deposit",
                BillingFixtures.payment("card", 2000), desk);
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        assertThat(deposit.json().get("kind").asText()).isEqualTo("deposit");
        assertThat(deposit.json().get("appointmentId").asText()).isEqualTo(appointment);
        assertThat(deposit.json().get("invoiceId").isNull()).isTrue();
        Reply bad = host.post("/v1/appointments/" + appointment + "/deposit", BillingFixtures.payment("card", 0), desk);
        assertThat(fields(bad)).containsExactly("amount.amountMinor");

        String invoice = BillingFixtures.issue(host, desk,
                BillingFixtures.draft(host, desk, client, appointment, 9000));
        JsonNode issued = host.get("/v1/invoices/" + invoice, desk).json();
        assertThat(issued.get("paid").get("amountMinor").asLong()).isEqualTo(2000);
        assertThat(issued.get("balance").get("amountMinor").asLong()).isEqualTo(7000);
        JsonNode deposits = host.get("/v1/appointments/" + appointment + "/deposits", desk).json();
        assertThat(deposits.get("items")).hasSize(1);
        assertThat(deposits.get("items").get(0).get("invoiceId").asText()).isEqualTo(invoice);
        assertThat(payments(invoice, desk).get("items").get(0).get("kind").asText()).isEqualTo("deposit");
    }

    @Test
    void theCashReportSumsTheLocalDayPerMethod() {
        // Two days ahead of the host's clock: the day before's 23:30 in Madrid, then the day itself.
        LocalDate day = SchedulingFixtures.day(host, 2);
        host.clock.set(LocalDateTime.of(day.minusDays(1), LocalTime.of(23, 30)).atZone(SchedulingFixtures.MADRID)
                .toInstant());
        String desk = desk();
        String invoice = BillingFixtures.issued(host, desk, client, 50000);
        assertThat(pay(invoice, BillingFixtures.payment("cash", 1111), desk).status()).isEqualTo(201);
        host.clock.advance(Duration.ofHours(1));
        desk = desk();
        assertThat(pay(invoice, BillingFixtures.payment("cash", 2222), desk).status()).isEqualTo(201);
        assertThat(pay(invoice, BillingFixtures.payment("card", 3333), desk).status()).isEqualTo(201);

        Reply report = host.get("/v1/reports/cash?date=" + day, desk);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("date").asText()).isEqualTo(day.toString());
        assertThat(r.get("timeZone").asText()).isEqualTo("Europe/Madrid");
        assertThat(r.get("currency").asText()).isEqualTo("EUR");
        assertThat(StreamSupport.stream(r.get("methods").spliterator(), false).map(m -> m.get("method").asText()))
                .containsExactly("cash", "card", "bank_transfer");
        JsonNode cash = r.get("methods").get(0);
        assertThat(cash.get("payments").get("count").asLong()).isEqualTo(1);
        assertThat(cash.get("payments").get("amount").get("amountMinor").asLong()).isEqualTo(2222);
        assertThat(r.get("methods").get(1).get("total").get("amount").get("amountMinor").asLong()).isEqualTo(3333);
        assertThat(r.get("total").get("count").asLong()).isEqualTo(2);
        assertThat(r.get("total").get("amount").get("amountMinor").asLong()).isEqualTo(5555);
        JsonNode before = host.get("/v1/reports/cash?date=" + day.minusDays(1), desk).json();
        assertThat(before.get("total").get("amount").get("amountMinor").asLong()).isEqualTo(1111);

        assertThat(fields(host.get("/v1/reports/cash?date=2026-13-01", desk))).containsExactly("date");
        assertThat(fields(host.get("/v1/reports/cash", desk))).containsExactly("date");
        String pro = host.login(professionalEmail, TestHost.PASSWORD, null);
        assertThat(host.get("/v1/reports/cash?date=" + day, pro).status()).isEqualTo(403);
        JsonNode others = host.get("/v1/reports/cash?date=" + day, host.login(other.adminEmail(), TestHost.PASSWORD,
                null)).json();
        assertThat(others.get("total").get("count").asLong()).as("another center's day is its own").isZero();
    }

    @Test
    void anotherCentersInvoicesAndAppointmentsAreNotFound() {
        String theirs = BillingFixtures.issued(host, host.login(other.adminEmail(), TestHost.PASSWORD, null),
                otherClient, 5000);
        String desk = desk();
        Reply foreign = pay(theirs, BillingFixtures.payment("cash", 100), desk);
        Reply none = pay(UUID.randomUUID().toString(), BillingFixtures.payment("cash", 100), desk);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(host.get("/v1/invoices/" + theirs + "/payments", desk).status()).isEqualTo(404);
        assertThat(host.get("/v1/invoices/not-a-uuid/payments", desk).status()).isEqualTo(404);
        assertThat(host.post("/v1/appointments/" + UUID.randomUUID() + "/deposit",
                BillingFixtures.payment("cash", 100), desk).status()).isEqualTo(404);
        assertThat(host.get("/v1/appointments/" + UUID.randomUUID() + "/deposits", desk).status()).isEqualTo(404);
        String pro = host.login(professionalEmail, TestHost.PASSWORD, null);
        String mine = BillingFixtures.issued(host, desk, client, 5000);
        assertThat(pay(mine, BillingFixtures.payment("cash", 100), pro).status()).isEqualTo(403);
        assertThat(payments(mine, desk).get("items")).isEmpty();
    }
}
