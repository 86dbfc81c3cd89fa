package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The done-when of erasure (P11): after an erasure request is completed over HTTP, a scan of every
 * table of every schema (COPY text and binary, as the owner) finds none of the client's name,
 * phone, email, notes or consent proof, nor the blind-index values and name tokens that were stored
 * for them; the client's data key is gone. A control scan before the erasure finds the index values,
 * so the scan can fail.
 */
class ErasureAtRestTest {
    private static final String NAME = "Inmaculada Berenguer-Castells";
    private static final String NOTES = "Anticoagulants; keloid scarring.";
    private static final String PROOF = "Signed paper form 118";
    private static TestHost host;
    private static Center center;
    private static String clientId;
    private static List<String> lookups;
    private static Map<String, byte[]> beforeErasure;
    private static long answersBeforeErasure;
    private static byte[] billingBeforeErasure;

    @BeforeAll
    static void eraseOneClient() throws Exception {
        host = TestHost.start();
        center = host.newCenter("Centro Olvido");
        // Both writes carry an Idempotency-Key: their first answers, kept for replays, hold the client's
        // data too, and the scan after the erasure covers them.
        Reply created = idempotent("/v1/clients", Map.of("fullName", NAME, "phone", "611 222 333",
                "email", "Inma.Berenguer@Example.org", "birthDate", "1979-11-05", "notes", NOTES,
                "billingIdentity", Map.of("name", "Berenguer Estudio SL", "address", "Carrer Olvido 9")),
                "olvido-client");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        clientId = created.json().get("id").asText();
        Reply consent = idempotent("/v1/clients/" + clientId + "/consents", Map.of("purpose", "whatsapp",
                "decision", "granted", "channel", "in_person", "textVersion", "2026-03",
                "text", "I agree to appointment messages on WhatsApp.", "proof", PROOF), "olvido-consent");
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        lookups = lookupValues(clientId);
        billingBeforeErasure = billingIdentityColumn();
        assertThat(billingBeforeErasure).as("the billing identity was sealed in its column").isNotNull();
        assertThat(lookups).hasSizeGreaterThan(2);
        beforeErasure = dump();
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.idempotency_records WHERE tenant_id = '"
                     + UUID.fromString(center.tenantId()) + "'")) {
            rs.next();
            answersBeforeErasure = rs.getLong(1);
        }

        Reply erasure = host.post("/v1/privacy/requests", Map.of("clientId", clientId, "type", "erasure",
                "note", "Asked at the desk."), center.token());
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(201);
        Reply done = host.post("/v1/privacy/requests/" + erasure.json().get("id").asText() + "/complete",
                Map.of("outcome", "Erased; no invoices to keep yet."), center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private static Reply idempotent(String path, Object body, String key) {
        return host.send(host.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** The blind indexes of phone and email and the name tokens, as stored. */
    private static List<String> lookupValues(String id) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT phone_index, email_index FROM public.clients WHERE id = '"
                    + UUID.fromString(id) + "'")) {
                rs.next();
                values.add(rs.getString(1));
                values.add(rs.getString(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT token FROM public.client_name_tokens WHERE client_id = '"
                    + UUID.fromString(id) + "'")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static byte[] billingIdentityColumn() throws Exception {
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT billing_identity FROM public.clients WHERE id = '"
                     + UUID.fromString(clientId) + "'")) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static Map<String, byte[]> dump() throws Exception {
        Map<String, byte[]> dump = new LinkedHashMap<>();
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
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY " + table + " TO STDOUT", out);
                copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out);
                dump.put(table, out.toByteArray());
            }
        }
        return dump;
    }

    private static List<String> found(Map<String, byte[]> dump, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                for (String form : List.of(secret, secret.toLowerCase(Locale.ROOT))) {
                    if (contains(table.getValue(), form.getBytes(StandardCharsets.UTF_8))) {
                        found.add(secret + " in " + table.getKey());
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void noTableHoldsTheClientsPersonalDataOrLookupsAfterTheErasure() throws Exception {
        List<String> secrets = new ArrayList<>(List.of("Inmaculada", "Berenguer", "Castells", "611222333",
                "611 222 333", "inma.berenguer@example.org", "1979-11-05", "Anticoagulants", "keloid", PROOF,
                "Estudio SL", "Carrer Olvido"));
        secrets.addAll(lookups);

        assertThat(found(dump(), secrets)).isEmpty();
    }

    @Test
    void controlTheScanFoundTheLookupsBeforeTheErasure() throws Exception {
        assertThat(found(beforeErasure, lookups)).isNotEmpty();
        // The client's idempotent answers were stored before the erasure, so the scan after it covers them.
        assertThat(answersBeforeErasure).as("idempotent answers of the erased client's writes")
                .isGreaterThanOrEqualTo(2);
        assertThat(beforeErasure).containsKey("public.idempotency_records");
    }

    @Test
    void theClientsDataKeyIsShreddedAndTheRecordReadsAsErased() throws Exception {
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM keystore.data_keys WHERE scope_kind = 'client'"
                     + " AND scope_owner = '" + UUID.fromString(clientId) + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        Reply read = host.get("/v1/clients/" + clientId, center.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("fullName").asText()).isEqualTo("[erased]");
        assertThat(read.json().get("phone").isNull()).isTrue();
        Reply search = host.post("/v1/clients/search", Map.of("phone", "611 222 333"), center.token());
        assertThat(search.json().get("items")).isEmpty();
    }

    /**
     * The billing identity is sealed under the center's finance key, which outlives the client (its
     * invoices keep their own copies under it): shredding the client's key would not reach it, so the
     * erasure removes the ciphertext itself, and no table keeps a copy of it.
     */
    @Test
    void theBillingIdentityIsRemovedThoughTheFinanceKeyStays() throws Exception {
        assertThat(billingIdentityColumn()).isNull();
        Map<String, byte[]> after = dump();
        assertThat(after.entrySet().stream().filter(t -> contains(t.getValue(), billingBeforeErasure))
                .map(Map.Entry::getKey).toList()).as("tables holding the sealed identity").isEmpty();
        assertThat(contains(beforeErasure.get("public.clients"), billingBeforeErasure))
                .as("control: the scan found the sealed identity before the erasure").isTrue();
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM keystore.data_keys WHERE scope_kind = 'finance'"
                     + " AND scope_owner = '" + UUID.fromString(center.tenantId()) + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
        assertThat(host.get("/v1/clients/" + clientId, center.token()).json().get("billingIdentity").isNull()).isTrue();
    }
}
