package com.qleven.host.http.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's billing identity over HTTP (issue 10): given on POST /v1/clients, merged and removed by
 * PATCH (RFC 7396), answered by GET and the list, exported, sealed in the database, refused with a
 * 400 naming the member (writing nothing), and out of reach of another center.
 */
class ClientBillingIdentityApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Factura");
        other = host.newCenter("Centro Ajeno");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, Object> identity(String name, String address, String taxId) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", name);
        identity.put("address", address);
        identity.put("taxId", taxId);
        return identity;
    }

    private static Map<String, Object> billedClient(String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("billingIdentity", identity(" Estética Marina SL ", "Calle Mayor 1\n28013 Madrid", "B-12345678"));
        return body;
    }

    private static Map<String, Object> one(String member, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(member, value);
        return map;
    }

    private static byte[] sealedColumn(String clientId) throws Exception {
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(
                "SELECT billing_identity FROM public.clients WHERE id = ?")) {
            st.setObject(1, UUID.fromString(clientId));
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static List<String> fields(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").asText() + " " + e.get("pointer").asText()));
        return fields;
    }

    @Test
    void createdWithAnIdentityItIsAnsweredReadListedAndSealed() throws Exception {
        Reply created = ClientFixtures.create(host, center.token(), billedClient("Marina Ortega"));
        String id = created.json().get("id").asText();

        JsonNode answered = created.json().get("billingIdentity");
        assertThat(answered.get("name").asText()).isEqualTo("Estética Marina SL");
        assertThat(answered.get("address").asText()).isEqualTo("Calle Mayor 1\n28013 Madrid");
        assertThat(answered.get("taxId").asText()).isEqualTo("B-12345678");
        Reply read = host.get("/v1/clients/" + id, center.token());
        assertThat(read.json().get("billingIdentity")).isEqualTo(answered);
        Reply list = host.get("/v1/clients?limit=200", center.token());
        List<JsonNode> listed = new ArrayList<>();
        list.json().get("items").forEach(item -> {
            if (item.get("id").asText().equals(id)) {
                listed.add(item.get("billingIdentity"));
            }
        });
        assertThat(listed).containsExactly(answered);

        byte[] sealed = sealedColumn(id);
        assertThat(sealed).isNotNull();
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        String utf8 = new String(sealed, StandardCharsets.UTF_8);
        for (String secret : List.of("Marina", "Mayor", "28013", "12345678")) {
            assertThat(raw).doesNotContain(secret);
            assertThat(utf8).doesNotContain(secret);
        }

        Reply plain = ClientFixtures.create(host, center.token(), Map.of("fullName", "Sin Factura"));
        assertThat(plain.json().get("billingIdentity").isNull()).isTrue();
        assertThat(sealedColumn(plain.json().get("id").asText())).isNull();
    }

    @Test
    void aPatchMergesIntoTheIdentityNullRemovesItAndAnObjectAddsOne() throws Exception {
        String id = ClientFixtures.create(host, center.token(), billedClient("Rosa Prat")).json().get("id").asText();

        Reply merged = host.patch("/v1/clients/" + id, Map.of("billingIdentity",
                one("taxId", "ES B87654321")), center.token());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("billingIdentity").get("name").asText()).isEqualTo("Estética Marina SL");
        assertThat(merged.json().get("billingIdentity").get("taxId").asText()).isEqualTo("ES B87654321");
        assertThat(merged.header("ETag")).isEqualTo("\"2\"");

        Reply cleared = host.patch("/v1/clients/" + id, Map.of("billingIdentity", one("address", null)),
                center.token());
        assertThat(cleared.json().get("billingIdentity").get("address").isNull()).isTrue();
        assertThat(cleared.json().get("billingIdentity").get("name").asText()).isEqualTo("Estética Marina SL");

        Reply removed = host.patch("/v1/clients/" + id, one("billingIdentity", null), center.token());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("billingIdentity").isNull()).isTrue();
        assertThat(sealedColumn(id)).isNull();

        Reply added = host.patch("/v1/clients/" + id, Map.of("billingIdentity", one("address", "Rue 5, Rabat")),
                center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("billingIdentity").get("address").asText()).isEqualTo("Rue 5, Rabat");
        assertThat(added.json().get("billingIdentity").get("name").isNull()).isTrue();
        assertThat(host.get("/v1/clients/" + id, center.token()).json().get("billingIdentity"))
                .isEqualTo(added.json().get("billingIdentity"));
    }

    @Test
    void badIdentitiesAreRefusedNamingTheMemberAndWriteNothing() {
        String id = ClientFixtures.create(host, center.token(), billedClient("Nuria Vidal")).json().get("id").asText();
        Map<String, Long> before = ClientFixtures.rowCounts(host);

        Map<String, Object> tooLong = billedClient("Pau Roig");
        tooLong.put("billingIdentity", identity("x".repeat(201), null, "B;1"));
        Reply bad = host.post("/v1/clients", tooLong, center.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("billingIdentity.name /billingIdentity/name",
                "billingIdentity.taxId /billingIdentity/taxId");
        Map<String, Object> empty = billedClient("Pau Roig");
        empty.put("billingIdentity", identity(" ", null, "B1"));
        assertThat(fields(host.post("/v1/clients", empty, center.token())))
                .containsExactly("billingIdentity /billingIdentity");
        Map<String, Object> unknown = billedClient("Pau Roig");
        unknown.put("billingIdentity", Map.of("vat", "B1"));
        assertThat(fields(host.post("/v1/clients", unknown, center.token())))
                .containsExactly("billingIdentity.vat /billingIdentity/vat");
        Map<String, Object> text = billedClient("Pau Roig");
        text.put("billingIdentity", "Estética SL");
        assertThat(fields(host.post("/v1/clients", text, center.token())))
                .containsExactly("billingIdentity /billingIdentity");

        for (Object patch : List.of(Map.of("billingIdentity", identity(null, null, "B1")),
                Map.of("billingIdentity", one("name", 7)), Map.of("billingIdentity", one("vat", "x")),
                Map.of("billingIdentity", "Estética SL"), Map.of("billingIdentity", one("taxId", "B 1;2")),
                Map.of("billingIdentity.name", "Posing SL"))) {
            Reply refused = host.patch("/v1/clients/" + id, patch, center.token());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).startsWith("billingIdentity");
        }
        assertThat(ClientFixtures.rowCounts(host)).isEqualTo(before);
        assertThat(host.get("/v1/clients/" + id, center.token()).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anotherCenterNeitherReadsNorChangesTheIdentity() {
        String id = ClientFixtures.create(host, center.token(), billedClient("Elena Ruiz")).json().get("id").asText();

        assertThat(host.get("/v1/clients/" + id, other.token()).status()).isEqualTo(404);
        assertThat(host.patch("/v1/clients/" + id, Map.of("billingIdentity", one("name", "Robada SL")),
                other.token()).status()).isEqualTo(404);
        assertThat(host.patch("/v1/clients/" + id, one("billingIdentity", null), other.token()).status())
                .isEqualTo(404);
        assertThat(host.get("/v1/clients/" + id + "/export", other.token()).status()).isEqualTo(404);
        Reply mine = host.get("/v1/clients/" + id, center.token());
        assertThat(mine.json().get("billingIdentity").get("name").asText()).isEqualTo("Estética Marina SL");
        assertThat(mine.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void theExportCarriesTheIdentity() {
        String id = ClientFixtures.create(host, center.token(), billedClient("Clara Gil")).json().get("id").asText();

        Reply export = host.get("/v1/clients/" + id + "/export", center.token());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode identity = export.json().get("sections").get("client").get("billingIdentity");
        assertThat(identity.get("name").asText()).isEqualTo("Estética Marina SL");
        assertThat(identity.get("address").asText()).isEqualTo("Calle Mayor 1\n28013 Madrid");
        assertThat(identity.get("taxId").asText()).isEqualTo("B-12345678");
    }
}
