package com.qleven.host.http.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access and portability export over HTTP: one document, valid against the checked-in JSON
 * Schema, holding the client's record and who accessed it; another center's client is a 404.
 */
class ClientExportApiTest {
    private static TestHost host;
    private static JsonSchema schema;

    @BeforeAll
    static void start() throws IOException {
        host = TestHost.start();
        try (InputStream in = ClientExportApiTest.class.getResourceAsStream("/client-export.schema.json")) {
            // Draft 2020-12 leaves formats as annotations unless asked; the export's formats are promises.
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TestHost.JSON.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    /** Each violation as "keyword at JSON pointer (property)", in a stable order; the root is the empty pointer. */
    private static List<String> violations(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(m -> m.getType() + " at " + m.getInstanceLocation()
                + (m.getProperty() == null ? "" : " (" + m.getProperty() + ")")).sorted().toList();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Reply exportOf(Center center, String token) {
        Reply created = host.post("/v1/clients", Map.of("fullName", "Lucía Fernández", "phone", "600 111 222",
                "email", "lucia@example.com", "notes", "Allergic to latex."), center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(host.get("/v1/clients/" + id, center.token()).status()).isEqualTo(200);
        Reply consent = host.post("/v1/clients/" + id + "/consents", Map.of("purpose", "whatsapp",
                "decision", "granted", "channel", "in_person", "textVersion", "2026-03",
                "text", "I agree to appointment messages on WhatsApp.", "proof", "Signed form no. 7"), center.token());
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        return host.get("/v1/clients/" + id + "/export", token);
    }

    @Test
    void theExportIsValidAgainstItsSchemaAndHoldsTheRecordAndItsAccesses() {
        Center center = host.newCenter("Clínica Export");
        Reply export = exportOf(center, center.token());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode document = export.json();
        assertThat(violations(document)).isEmpty();
        JsonNode client = document.get("sections").get("client");
        assertThat(client.get("fullName").asText()).isEqualTo("Lucía Fernández");
        assertThat(client.get("email").asText()).isEqualTo("lucia@example.com");
        assertThat(client.get("notes").asText()).isEqualTo("Allergic to latex.");
        List<String> actions = new ArrayList<>();
        document.get("sections").get("accessLog").get("accesses").forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).containsExactly("client.create", "client.read", "consent.record", "client.export");
        JsonNode consent = document.get("sections").get("consents").get("entries").get(0);
        assertThat(consent.get("purpose").asText()).isEqualTo("whatsapp");
        assertThat(consent.get("decision").asText()).isEqualTo("granted");
        assertThat(consent.get("proof").asText()).isEqualTo("Signed form no. 7");
    }

    @Test
    void theSchemaRefusesADocumentThatStraysFromIt() {
        Center center = host.newCenter("Clínica Esquema");
        ObjectNode document = (ObjectNode) exportOf(center, center.token()).json();
        ObjectNode missing = document.deepCopy();
        missing.remove("clientId");
        ObjectNode unknown = document.deepCopy();
        ((ObjectNode) unknown.get("sections").get("client")).put("shoeSize", "42");
        ObjectNode wrongVersion = document.deepCopy();
        wrongVersion.put("version", 2);
        ObjectNode badInstant = document.deepCopy();
        badInstant.put("exportedAt", "yesterday");

        assertThat(violations(document)).as("the control: the export itself is valid").isEmpty();
        assertThat(violations(missing)).containsExactly("required at  (clientId)");
        assertThat(violations(unknown)).containsExactly("additionalProperties at /sections/client (shoeSize)");
        assertThat(violations(wrongVersion)).containsExactly("const at /version");
        assertThat(violations(badInstant)).containsExactly("format at /exportedAt");
    }

    @Test
    void onlyTheCentersAdministratorsExportItsOwnClients() {
        Center center = host.newCenter("Clínica Propia");
        Center other = host.newCenter("Clínica Otra");
        Reply created = host.post("/v1/clients", Map.of("fullName", "Ana Ruiz"), center.token());
        String id = created.json().get("id").asText();

        assertThat(host.get("/v1/clients/" + id + "/export", other.token()).status()).isEqualTo(404);
        String email = TestHost.newEmail("receptionist");
        host.post("/v1/users", TestHost.userBody(email, "receptionist"), center.token());
        String receptionist = host.login(email, TestHost.PASSWORD, null);
        assertThat(host.get("/v1/clients/" + id + "/export", receptionist).status()).isEqualTo(403);
    }
}
