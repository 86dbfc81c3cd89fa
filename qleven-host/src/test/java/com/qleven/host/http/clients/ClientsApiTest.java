package com.qleven.host.http.clients;

import static com.qleven.host.http.clients.ClientFixtures.client;
import static com.qleven.host.http.clients.ClientFixtures.create;
import static com.qleven.host.http.clients.ClientFixtures.patch;
import static com.qleven.host.http.clients.ClientFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client routes end to end: the full host over HTTP on PostgreSQL. */
class ClientsApiTest {
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

    private static List<String> ids(Reply page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** A single client's read without {@code possibleDuplicateOf}, which only that read carries. */
    private static JsonNode withoutFlags(Reply read) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) read.json().deepCopy()).without("possibleDuplicateOf");
    }

    private static Reply search(String token, String member, String value) {
        return host.post("/v1/clients/search", Map.of(member, value), token);
    }

    @Test
    void aClientIsCreatedReadAndPatchedWithETags() {
        Center center = host.newCenter("Clínica Sol");
        Reply created = create(host, center.token(), client("  Lucía Fernández-Ruiz ", "600 111 222",
                "Lucia.Fernandez@Example.com", "1990-04-12", "Allergic to latex."));
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/clients/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("fullName").asText()).isEqualTo("Lucía Fernández-Ruiz");
        assertThat(body.get("phone").asText()).isEqualTo("+34600111222");
        assertThat(body.get("email").asText()).isEqualTo("lucia.fernandez@example.com");
        assertThat(body.get("birthDate").asText()).isEqualTo("1990-04-12");
        assertThat(body.get("notes").asText()).isEqualTo("Allergic to latex.");
        assertThat(body.get("createdAt").asText()).endsWith("Z").isEqualTo(body.get("updatedAt").asText());
        assertThat(body.get("version").asLong()).isEqualTo(1);

        Reply read = host.get("/v1/clients/" + id, center.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        // A single client's read adds the other clients of its open possible-duplicate flags (none here).
        assertThat(read.json().get("possibleDuplicateOf")).isEmpty();
        assertThat(withoutFlags(read)).isEqualTo(body);

        host.clock.advance(Duration.ofMinutes(2));
        Map<String, Object> change = new HashMap<>();
        change.put("phone", null);
        change.put("fullName", "Lucía Fernández");
        Reply patched = patch(host, "/v1/clients/" + id, change, center.token(), MERGE_PATCH, "\"1\"");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(patched.json().get("phone").isNull()).isTrue();
        assertThat(patched.json().get("fullName").asText()).isEqualTo("Lucía Fernández");
        assertThat(patched.json().get("email").asText()).isEqualTo("lucia.fernandez@example.com");
        assertThat(patched.json().get("updatedAt").asText()).isNotEqualTo(body.get("updatedAt").asText());
        assertThat(patched.json().get("createdAt").asText()).isEqualTo(body.get("createdAt").asText());

        Reply stale = patch(host, "/v1/clients/" + id, Map.of("fullName", "Someone Else"), center.token(),
                MERGE_PATCH, "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(stale.json().get("code").asText()).isEqualTo("PRECONDITION_FAILED");
        Reply after = host.get("/v1/clients/" + id, center.token());
        assertThat(withoutFlags(after)).isEqualTo(patched.json());

        Reply plainJson = patch(host, "/v1/clients/" + id, Map.of("birthDate", "1990-04-13"), center.token(),
                "application/json", null);
        assertThat(plainJson.status()).isEqualTo(200);
        assertThat(plainJson.header("ETag")).isEqualTo("\"3\"");
        Reply anyVersion = patch(host, "/v1/clients/" + id, Map.of("email", "lucia@example.com"), center.token(),
                MERGE_PATCH, "*");
        assertThat(anyVersion.status()).isEqualTo(200);
        assertThat(anyVersion.header("ETag")).isEqualTo("\"4\"");
    }

    @Test
    void listsPageOldestFirst() {
        Center center = host.newCenter("Centro Lista");
        List<String> created = new ArrayList<>();
        for (String name : List.of("Ana Uno", "Bea Dos", "Carla Tres")) {
            host.clock.advance(Duration.ofSeconds(1));
            created.add(create(host, center.token(), client(name, null, null, null, null)).json().get("id").asText());
        }

        Reply first = host.get("/v1/clients?limit=2", center.token());
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        String next = first.json().get("next").asText();
        Reply second = host.get("/v1/clients?limit=2&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                center.token());
        assertThat(ids(second)).containsExactly(created.get(2));
        assertThat(second.json().has("next")).isTrue();
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(host.get("/v1/clients", center.token()).json().get("items")).hasSize(3);
    }

    @Test
    void searchFindsByPhoneEmailAndNamePrefixAndNeverCrossesCenters() {
        Center center = host.newCenter("Centro Busca");
        Center other = host.newCenter("Centro Otro");
        String lucia = create(host, center.token(), client("Lucía Fernández", "600 111 222",
                "lucia@example.com", null, null)).json().get("id").asText();
        host.clock.advance(Duration.ofSeconds(1));
        String jose = create(host, center.token(), client("José Ángel García-Núñez", "+34 611 222 333",
                "Jose@Example.org", null, null)).json().get("id").asText();
        // The same person in another center is that center's client.
        String elsewhere = create(host, other.token(), client("Lucía Fernández", "+34600111222",
                "lucia@example.com", null, null)).json().get("id").asText();

        for (String typed : List.of("600111222", "600 11 12 22", "+34 600 111 222", "0034600111222")) {
            Reply found = search(center.token(), "phone", typed);
            assertThat(found.status()).as(typed).isEqualTo(200);
            assertThat(ids(found)).as(typed).containsExactly(lucia);
            assertThat(found.json().get("next").isNull()).isTrue();
        }
        assertThat(ids(search(center.token(), "email", "JOSE@example.ORG"))).containsExactly(jose);
        assertThat(ids(search(center.token(), "email", " lucia@EXAMPLE.com "))).containsExactly(lucia);
        assertThat(ids(search(center.token(), "name", "garcia"))).containsExactly(jose);
        assertThat(ids(search(center.token(), "name", "ANGEL gar"))).containsExactly(jose);
        assertThat(ids(search(center.token(), "name", "núñ"))).containsExactly(jose);
        assertThat(ids(search(center.token(), "name", "luc fer"))).containsExactly(lucia);
        assertThat(ids(search(center.token(), "name", "ernandez"))).isEmpty();

        assertThat(ids(search(other.token(), "phone", "600 111 222"))).containsExactly(elsewhere);
        assertThat(ids(search(other.token(), "name", "lucia"))).containsExactly(elsewhere);
        assertThat(ids(search(other.token(), "name", "jose"))).isEmpty();
        assertThat(ids(search(other.token(), "phone", "611 222 333"))).isEmpty();
        assertThat(ids(host.get("/v1/clients", other.token()))).containsExactly(elsewhere);
    }

    @Test
    void anotherCentersClientIs404ExactlyAsOneThatDoesNotExist() {
        Center a = host.newCenter("Centro A");
        Center b = host.newCenter("Centro B");
        String inB = create(host, b.token(), client("Marta Núñez", "600 333 444", null, null, "Private.")).json()
                .get("id").asText();

        Reply foreign = host.get("/v1/clients/" + inB, a.token());
        Reply missing = host.get("/v1/clients/" + UUID.randomUUID(), a.token());
        Reply malformed = host.get("/v1/clients/not-a-uuid", a.token());
        for (Reply reply : List.of(foreign, missing, malformed)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(reply.json().get("detail").asText()).isEqualTo(missing.json().get("detail").asText());
            assertThat(reply.body()).doesNotContain("Marta");
        }
        Reply foreignPatch = patch(host, "/v1/clients/" + inB, Map.of("fullName", "Taken Over"), a.token(),
                MERGE_PATCH, null);
        assertThat(foreignPatch.status()).isEqualTo(404);
        assertThat(patch(host, "/v1/clients/" + inB, Map.of("fullName", "Taken Over"), a.token(), MERGE_PATCH,
                "\"1\"").status()).isEqualTo(404);
        assertThat(host.get("/v1/clients/" + inB, b.token()).json().get("fullName").asText()).isEqualTo("Marta Núñez");
    }

    @Test
    void aReceptionistNeverSeesNotesAndMayNotWriteThem() {
        Center center = host.newCenter("Centro Notas");
        String receptionist = staff(host, center, "receptionist");
        String professional = staff(host, center, "professional");
        String id = create(host, center.token(), client("Pablo Ruiz", "600 555 666", null, null,
                "Diabetic; insulin at 9.")).json().get("id").asText();

        JsonNode seen = host.get("/v1/clients/" + id, receptionist).json();
        assertThat(seen.get("fullName").asText()).isEqualTo("Pablo Ruiz");
        assertThat(seen.has("notes")).isFalse();
        host.get("/v1/clients", receptionist).json().get("items").forEach(c -> assertThat(c.has("notes")).isFalse());
        search(receptionist, "name", "pablo").json().get("items")
                .forEach(c -> assertThat(c.has("notes")).isFalse());
        assertThat(host.get("/v1/clients", receptionist).body()).doesNotContain("insulin");
        assertThat(host.get("/v1/clients/" + id, professional).json().get("notes").asText())
                .isEqualTo("Diabetic; insulin at 9.");

        Reply createWithNotes = host.post("/v1/clients", client("Otra", null, null, null, "Pregnant"), receptionist);
        assertThat(createWithNotes.status()).isEqualTo(403);
        assertThat(createWithNotes.json().get("detail").asText()).contains("notes");
        Map<String, Object> clearNotes = new HashMap<>();
        clearNotes.put("notes", null);
        Reply patchNotes = patch(host, "/v1/clients/" + id, clearNotes, receptionist, MERGE_PATCH, null);
        assertThat(patchNotes.status()).isEqualTo(403);
        assertThat(patchNotes.json().get("detail").asText()).contains("notes");

        Reply patchPhone = patch(host, "/v1/clients/" + id, Map.of("phone", "611 000 111"), receptionist,
                MERGE_PATCH, "\"1\"");
        assertThat(patchPhone.status()).isEqualTo(200);
        assertThat(patchPhone.json().has("notes")).isFalse();
        assertThat(host.get("/v1/clients/" + id, center.token()).json().get("notes").asText())
                .isEqualTo("Diabetic; insulin at 9.");
        // The created client of the receptionist without notes is fine.
        Reply created = host.post("/v1/clients", client("Sin Notas", null, null, null, null), receptionist);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("notes")).isFalse();
    }

    @Test
    void sqlMetacharactersAreStoredAsTextAndSearchedHarmlessly() {
        Center center = host.newCenter("Centro Comillas");
        String name = "Robert'); DROP TABLE clients;-- O'Hara";
        String notes = "'; DELETE FROM public.clients WHERE ''=''; --";
        Reply created = create(host, center.token(), client(name, null, null, null, notes));
        String id = created.json().get("id").asText();

        JsonNode read = host.get("/v1/clients/" + id, center.token()).json();
        assertThat(read.get("fullName").asText()).isEqualTo(name);
        assertThat(read.get("notes").asText()).isEqualTo(notes);
        assertThat(ids(search(center.token(), "name", "robert o'har"))).containsExactly(id);
        Reply injection = search(center.token(), "name", "' OR '1'='1");
        assertThat(injection.status()).isEqualTo(200);
        assertThat(ids(injection)).isEmpty();
        assertThat(ids(host.get("/v1/clients", center.token()))).containsExactly(id);
    }
}
