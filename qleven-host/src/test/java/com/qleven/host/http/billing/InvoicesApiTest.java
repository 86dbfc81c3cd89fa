package com.qleven.host.http.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invoices over HTTP: the contract's shape, bad input that names the field and writes nothing, an
 * issued invoice that never changes (not even from a psql prompt), 50 concurrent issue requests that
 * take 50 consecutive places (checked in the database) and a chain that verifies, tampering that the
 * check finds, and personal texts that are ciphertext at rest.
 */
class InvoicesApiTest {
    private static final String DESCRIPTION = "Tratamiento de acné severo";
    private static TestHost host;
    private static Center center;
    private static String client;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Clínica Facturas");
        client = host.post("/v1/clients", Map.of("fullName", "Fátima Zahra Benali", "phone", "600 222 333",
                "billingIdentity", Map.of("name", "Fátima Zahra Benali", "address", "Calle Sol 2, Madrid")),
                center.token()).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, Object> line(String description, Object quantity, long amount, String currency,
                                            String rate) {
        Map<String, Object> line = new HashMap<>();
        line.put("description", description);
        line.put("quantity", quantity);
        line.put("unitPrice", Map.of("amountMinor", amount, "currency", currency));
        line.put("taxRate", rate);
        return line;
    }

    private static Map<String, Object> body(List<Map<String, Object>> lines) {
        return Map.of("clientId", client, "lines", lines);
    }

    private static String draft() {
        Reply reply = host.post("/v1/invoices", body(List.of(line(DESCRIPTION, "1", 12100, "EUR", "21"))),
                center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static long invoiceRows() {
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM public.invoices)"
                     + " + (SELECT count(*) FROM public.invoice_lines)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDraftAnswersTheContractsFields() {
        Reply reply = host.post("/v1/invoices", body(List.of(line(DESCRIPTION, "2", 12100, "EUR", "21"),
                line("Crema", "0.5", 1001, "EUR", "10"))), center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode invoice = reply.json();
        assertThat(reply.header("Location")).isEqualTo("/v1/invoices/" + invoice.get("id").asText());
        assertThat(invoice.get("status").asText()).isEqualTo("draft");
        assertThat(invoice.get("pricesIncludeTax").asBoolean()).isTrue();
        // 2 × 121.00 incl. 21 % → tax 42.00; 0.5 × 10.01 = 5.005 → 5.01 incl. 10 % → 0.4554… → 0.46.
        assertThat(invoice.get("total")).isEqualTo(TestHost.JSON.valueToTree(Map.of("amountMinor", 24701,
                "currency", "EUR")));
        assertThat(invoice.get("taxTotal").get("amountMinor").asLong()).isEqualTo(4200 + 46);
        assertThat(invoice.get("lines")).hasSize(2);
        assertThat(invoice.get("lines").get(1).get("quantity").asText()).isEqualTo("0.5");
        assertThat(invoice.get("number").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "0|lines[0].quantity", "-1|lines[0].quantity", "abc|lines[0].quantity", "1.2345|lines[0].quantity",
            "USD|lines[0].unitPrice.currency", "rate 99|lines[0].taxRate", "negative|lines[0].unitPrice.amountMinor",
            "no description|lines[0].description", "no lines|lines", "bad client|clientId"})
    void badInputNamesTheFieldAndWritesNothing(String bad, String field) {
        long before = invoiceRows();
        Map<String, Object> line = switch (bad) {
            case "USD" -> line(DESCRIPTION, "1", 100, "USD", "21");
            case "rate 99" -> line(DESCRIPTION, "1", 100, "EUR", "99");
            case "negative" -> line(DESCRIPTION, "1", -100, "EUR", "21");
            case "no description" -> line(" ", "1", 100, "EUR", "21");
            default -> line(DESCRIPTION, bad.matches("[-0-9.a-z]+") ? bad : "1", 100, "EUR", "21");
        };
        Map<String, Object> body = new HashMap<>(body(bad.equals("no lines") ? List.of() : List.of(line)));
        if (bad.equals("bad client")) {
            body.put("clientId", "not-a-client");
        }
        Reply reply = host.post("/v1/invoices", body, center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly(field);
        assertThat(invoiceRows()).isEqualTo(before);
    }

    @Test
    void anUnknownClientIsUnprocessableAndWritesNothing() {
        long before = invoiceRows();
        Reply reply = host.post("/v1/invoices", Map.of("clientId", UUID.randomUUID().toString(), "lines",
                List.of(line(DESCRIPTION, "1", 100, "EUR", "21"))), center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("clientId");
        assertThat(invoiceRows()).isEqualTo(before);
    }

    @Test
    void anAppointmentThatIsNotTheClientsIsUnprocessableAndWritesNothing() {
        long before = invoiceRows();
        Reply reply = host.post("/v1/invoices", Map.of("clientId", client, "appointmentId",
                UUID.randomUUID().toString(), "lines", List.of(line(DESCRIPTION, "1", 100, "EUR", "21"))),
                center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("appointmentId");
        assertThat(invoiceRows()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsRefusedAndWritesNothing() {
        String id = draft();
        Reply stale = host.send(host.request("/v1/invoices/" + id).header("Authorization", "Bearer "
                + center.token()).header("Content-Type", "application/json").header("If-Match", "\"7\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("lines",
                        List.of(line("Otra", "1", 1, "EUR", "21"))))))
                .build());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(host.get("/v1/invoices/" + id, center.token()).json().get("lines").get(0).get("description")
                .asText()).isEqualTo(DESCRIPTION);
    }

    @Test
    void anIssuedInvoiceNeverChangesNotEvenUnderTheApi() throws Exception {
        String id = draft();
        Reply issued = host.post("/v1/invoices/" + id + "/issue", Map.of(), center.token());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("number").asText()).matches("F20\\d\\d-\\d{6}");
        assertThat(issued.json().get("seller").get("identifiers").get(0).get("value").asText()).isEqualTo("B12345678");
        assertThat(issued.json().get("buyer").get("name").asText()).isEqualTo("Fátima Zahra Benali");

        long before = invoiceRows();
        Reply edit = host.patch("/v1/invoices/" + id, Map.of("lines", List.of(line("Otra", "1", 1, "EUR", "21"))),
                center.token());
        assertThat(edit.status()).as(edit.body()).isEqualTo(409);
        assertThat(host.post("/v1/invoices/" + id + "/issue", Map.of(), center.token()).status()).isEqualTo(409);
        assertThat(invoiceRows()).isEqualTo(before);
        assertThat(host.get("/v1/invoices/" + id, center.token()).json()).isEqualTo(issued.json());

        // Not even the database's owner changes or deletes it.
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE public.invoices SET gross_minor = 1 WHERE id = '" + id + "'",
                    "DELETE FROM public.invoices WHERE id = '" + id + "'",
                    "UPDATE public.invoice_lines SET unit_price = 1 WHERE invoice_id = '" + id + "'")) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> st.executeUpdate(sql)))
                        .as(sql).isInstanceOf(SQLException.class).hasMessageContaining("never");
            }
        }
    }

    @Test
    void fiftyConcurrentIssueRequestsTakeFiftyConsecutivePlacesAndTheChainVerifies() throws Exception {
        Center own = host.newCenter("Clínica Concurrencia");
        String ownClient = host.post("/v1/clients", Map.of("fullName", "Rosa Puig", "phone", "600 333 444"),
                own.token()).json().get("id").asText();
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drafts.add(host.post("/v1/invoices", Map.of("clientId", ownClient, "lines", List.of(line("Sesión " + i,
                    "1", 1000 + i, "EUR", "21"))), own.token()).json().get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Callable<Reply>> calls = drafts.stream().<Callable<Reply>>map(d -> () -> host.post(
                    "/v1/invoices/" + d + "/issue", Map.of(), own.token())).toList();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        List<Long> places = new ArrayList<>();
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(
                "SELECT sequence FROM public.invoices WHERE tenant_id = ?::uuid AND status = 'issued' ORDER BY sequence")) {
            st.setString(1, own.tenantId());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    places.add(rs.getLong(1));
                }
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            expected.add(i);
        }
        assertThat(places).isEqualTo(expected);
        String series = replies.get(0).json().get("number").asText().substring(0, 5);
        Reply check = host.get("/v1/invoice-series/" + series + "/verify", own.token());
        assertThat(check.json().get("verified").asBoolean()).as(check.body()).isTrue();
        assertThat(check.json().get("count").asLong()).isEqualTo(50);
    }

    @Test
    void theCheckFindsATamperedInvoice() throws Exception {
        Center own = host.newCenter("Clínica Manipulada");
        String ownClient = host.post("/v1/clients", Map.of("fullName", "Pau Vidal", "phone", "600 444 555"),
                own.token()).json().get("id").asText();
        List<String> numbers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = host.post("/v1/invoices", Map.of("clientId", ownClient, "lines", List.of(line("Sesión",
                    "1", 5000, "EUR", "21"))), own.token()).json().get("id").asText();
            ids.add(id);
            numbers.add(host.post("/v1/invoices/" + id + "/issue", Map.of(), own.token()).json().get("number")
                    .asText());
        }
        String series = numbers.get(0).substring(0, 5);
        assertThat(host.get("/v1/invoice-series/" + series + "/verify", own.token()).json().get("verified")
                .asBoolean()).isTrue();
        // Someone with the owner's rights lowers the second invoice's price, its lines' trigger switched off.
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE public.invoice_lines DISABLE TRIGGER invoice_lines_of_issued_are_frozen");
            try {
                assertThat(st.executeUpdate("UPDATE public.invoice_lines SET unit_price = 500 WHERE invoice_id = '"
                        + ids.get(1) + "'")).isEqualTo(1);
            } finally {
                st.execute("ALTER TABLE public.invoice_lines ENABLE TRIGGER invoice_lines_of_issued_are_frozen");
            }
        }
        JsonNode check = host.get("/v1/invoice-series/" + series + "/verify", own.token()).json();
        assertThat(check.get("verified").asBoolean()).isFalse();
        assertThat(check.get("brokenAt").asText()).isEqualTo(numbers.get(1));
    }

    @Test
    void descriptionsAndTheBuyerAreCiphertextAtRest() throws Exception {
        String id = draft();
        host.post("/v1/invoices/" + id + "/issue", Map.of(), center.token());
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String table : List.of("public.invoices", "public.invoice_lines")) {
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rows.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(rows).as(table).isNotEmpty();
                assertThat(rows.toString()).as(table).doesNotContain("acné", "Fátima", "Benali", "Calle Sol");
            }
        }
    }

    @Test
    void anIssuedInvoiceReadsAsAPdfWithItsNumberAndTheBuyersArabicName() throws Exception {
        String arabic = host.post("/v1/clients", Map.of("fullName", "فاطمة الزهراء", "phone", "600 555 666"),
                center.token()).json().get("id").asText();
        String id = host.post("/v1/invoices", Map.of("clientId", arabic, "lines", List.of(line("Limpieza facial",
                "1", 6000, "EUR", "21"))), center.token()).json().get("id").asText();
        java.net.http.HttpRequest asPdf = host.request("/v1/invoices/" + id).header("Authorization", "Bearer "
                + center.token()).header("Accept", "application/pdf").GET().build();
        assertThat(host.send(asPdf).status()).as("a draft has no PDF").isEqualTo(409);

        String number = host.post("/v1/invoices/" + id + "/issue", Map.of(), center.token()).json().get("number")
                .asText();
        var reply = host.sendForBytes(asPdf);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(reply.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            // A Spanish center's invoice, before it ever saved settings, prints in Spanish.
            assertThat(text).contains(number, "Clínica Facturas", "Limpieza facial", "60,00", "Factura");
            assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).contains("فاطمة");
        }
    }

    @Test
    void otherRolesAndCentersAreRefused() {
        String id = draft();
        String professionalEmail = TestHost.newEmail("pro.facturas");
        host.post("/v1/users", TestHost.userBody(professionalEmail, "professional"), center.token());
        String professional = host.login(professionalEmail, TestHost.PASSWORD, null);
        assertThat(host.get("/v1/invoices/" + id, professional).status()).isEqualTo(403);
        assertThat(host.post("/v1/invoices", body(List.of(line(DESCRIPTION, "1", 100, "EUR", "21"))), professional)
                .status()).isEqualTo(403);
        Center other = host.newCenter("Clínica Ajena");
        assertThat(host.get("/v1/invoices/" + id, other.token()).status()).isEqualTo(404);
        assertThat(host.get("/v1/invoices/not-an-id", center.token()).status()).isEqualTo(404);
    }
}
