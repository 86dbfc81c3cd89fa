package com.qleven.host.http.clients;

import static com.qleven.host.http.clients.ClientFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input to the client routes gets its 4xx problem, never a 500, and writes
 * nothing: the rows of every table of the database are counted before and after.
 */
class ClientsBadInputTest {
    private static final int MIB = 1024 * 1024;
    private static final String SQL = "'; DROP TABLE public.clients; --";
    /** Stands for the id of the client the tests patch, created before they run. */
    private static final String CLIENT = "{client}";
    private static TestHost host;
    private static Center center;
    private static String clientPath;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Entradas");
        Reply created = ClientFixtures.create(host, center.token(), client("Lucía Fernández", "600 111 222",
                "lucia@example.com", "1990-04-12", "Allergic to latex."));
        clientPath = "/v1/clients/" + created.json().get("id").asText();
        // Version 2, so that "1" is stale.
        Reply patched = ClientFixtures.patch(host, clientPath, Map.of("email", "lucia.f@example.com"),
                center.token(), "application/merge-patch+json", "\"1\"");
        assertThat(patched.status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A request and the problem it must get; {@code fields} empty for problems that name none. */
    record Case(String name, String method, String path, String contentType, byte[] body, boolean chunked,
                String ifMatch, int status, String code, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        all.add(create("an invalid phone", with(b -> b.put("phone", "600")), "phone"));
        all.add(create("a phone of another country's length", with(b -> b.put("phone", "+34 600 111 22")), "phone"));
        all.add(create("SQL metacharacters in the phone", with(b -> b.put("phone", SQL)), "phone"));
        all.add(create("SQL metacharacters in the email", with(b -> b.put("email", "x" + SQL + "@example.com")),
                "email"));
        all.add(create("SQL metacharacters in the birth date", with(b -> b.put("birthDate", "1990-04-12" + SQL)),
                "birthDate"));
        all.add(create("SQL metacharacters in every string", with(b -> {
            b.put("fullName", "Robert" + SQL);
            b.put("phone", "' OR '1'='1");
            b.put("email", "a@b.c' OR 1=1 --");
            b.put("birthDate", "' OR ''='");
            b.put("notes", SQL);
        }), "phone", "email", "birthDate"));
        all.add(create("a missing name", with(b -> b.remove("fullName")), "fullName"));
        all.add(create("a blank name", with(b -> b.put("fullName", "   ")), "fullName"));
        all.add(create("a control character in the name", with(b -> b.put("fullName", "Ana\u0000Sol")), "fullName"));
        all.add(create("a name over 200 characters", with(b -> b.put("fullName", "n".repeat(201))), "fullName"));
        all.add(create("notes over 10,000 characters", with(b -> b.put("notes", "x".repeat(10_001))), "notes"));
        all.add(create("a birth date in the future", with(b -> b.put("birthDate", "2999-01-01")), "birthDate"));
        all.add(create("a birth date before 1900", with(b -> b.put("birthDate", "1899-12-31")), "birthDate"));
        all.add(create("a birth date with a time", with(b -> b.put("birthDate", "1990-04-12T10:00:00Z")),
                "birthDate"));
        all.add(create("an unknown member", with(b -> b.put("vip", "yes")), "vip"));
        all.add(create("a number for a string", with(b -> b.put("fullName", 5)), "fullName"));
        all.add(create("a number for the phone", with(b -> b.put("phone", 600111222)), "phone"));
        all.add(create("a boolean for the notes", with(b -> b.put("notes", true)), "notes"));
        all.add(create("an array for the birth date", with(b -> b.put("birthDate", List.of(1990, 4, 12))),
                "birthDate"));
        all.add(json("POST", "/v1/clients", "not an object", "[1, 2]", 400, "VALIDATION", "body"));
        all.add(json("POST", "/v1/clients", "malformed JSON", "{\"fullName\": ", 400, "VALIDATION", "body"));
        all.add(json("POST", "/v1/clients", "a duplicate member", "{\"fullName\": \"A\", \"fullName\": \"B\"}", 400,
                "VALIDATION", "fullName"));
        all.add(new Case("a 2 MiB body", "POST", "/v1/clients", "application/json",
                padded(TestHost.write(valid()), 2 * MIB), false, null, 413, "PAYLOAD_TOO_LARGE", List.of("body")));
        all.add(new Case("a 2 MiB body streamed in chunks", "POST", "/v1/clients", "application/json",
                padded(TestHost.write(valid()), 2 * MIB), true, null, 413, "PAYLOAD_TOO_LARGE", List.of("body")));
        all.add(new Case("text/plain", "POST", "/v1/clients", "text/plain", bytes(valid()), false, null, 415,
                "UNSUPPORTED_MEDIA_TYPE", List.of("body")));

        all.add(search("no member", "{}", "phone", "email", "name"));
        all.add(search("two members", "{\"phone\": \"600111222\", \"name\": \"ana\"}", "phone", "name"));
        all.add(search("an invalid phone", "{\"phone\": \"600\"}", "phone"));
        all.add(search("SQL metacharacters in the phone", TestHost.write(Map.of("phone", SQL)), "phone"));
        all.add(search("SQL metacharacters in the email", TestHost.write(Map.of("email", "' OR 1=1 --")), "email"));
        all.add(search("a name without two letters", "{\"name\": \"a b\"}", "name"));
        all.add(search("an unknown member", "{\"phone\": \"600111222\", \"like\": \"%\"}", "like"));
        all.add(search("a number for the name", "{\"name\": 42}", "name"));
        all.add(new Case("a 2 MiB search", "POST", "/v1/clients/search", "application/json",
                padded("{\"name\": \"ana\"}", 2 * MIB), false, null, 413, "PAYLOAD_TOO_LARGE", List.of("body")));

        all.add(patch("a stale If-Match", "{\"fullName\": \"Someone Else\"}", "\"1\"", 412, "PRECONDITION_FAILED"));
        all.add(patch("a stale If-Match with a bad body", "{\"phone\": \"600\"}", "\"1\"", 412,
                "PRECONDITION_FAILED"));
        all.add(patch("a weak If-Match", "{\"fullName\": \"Someone Else\"}", "W/\"2\"", 412, "PRECONDITION_FAILED"));
        all.add(patch("an If-Match that is no tag", "{\"fullName\": \"Someone Else\"}", SQL, 412,
                "PRECONDITION_FAILED"));
        all.add(patch("clearing the name", "{\"fullName\": null}", null, 400, "VALIDATION", "fullName"));
        all.add(patch("an invalid phone", "{\"phone\": \"12\"}", null, 400, "VALIDATION", "phone"));
        all.add(patch("SQL metacharacters in every member", TestHost.write(Map.of("fullName", "x",
                "phone", SQL, "email", SQL, "birthDate", SQL, "notes", SQL)), null, 400, "VALIDATION", "phone",
                "email", "birthDate"));
        all.add(patch("an unknown member", "{\"vip\": \"yes\"}", null, 400, "VALIDATION", "vip"));
        all.add(patch("a number for the phone", "{\"phone\": 600111222}", null, 400, "VALIDATION", "phone"));
        all.add(patch("an object for the notes", "{\"notes\": {\"text\": \"x\"}}", null, 400, "VALIDATION", "notes"));
        all.add(patch("not an object", "[]", null, 400, "VALIDATION", "body"));
        all.add(new Case("a 2 MiB patch", "PATCH", CLIENT, "application/merge-patch+json",
                padded("{\"notes\": \"x\"}", 2 * MIB), false, null, 413, "PAYLOAD_TOO_LARGE", List.of("body")));
        all.add(new Case("a patch as text/plain", "PATCH", CLIENT, "text/plain", bytes("{\"notes\": \"x\"}"), false,
                null, 415, "UNSUPPORTED_MEDIA_TYPE", List.of("body")));
        all.add(new Case("a patch of a malformed id", "PATCH", "/v1/clients/1%27%20OR%20%271%27=%271",
                "application/merge-patch+json", bytes("{\"fullName\": \"x\"}"), false, null, 404, "NOT_FOUND",
                List.of()));
        all.add(new Case("a patch of an unknown id", "PATCH", "/v1/clients/00000000-0000-7000-8000-000000000000",
                "application/merge-patch+json", bytes("{\"fullName\": \"x\"}"), false, "\"1\"", 404, "NOT_FOUND",
                List.of()));
        all.add(new Case("a list with a forged cursor", "GET", "/v1/clients?cursor=not-a-cursor", null,
                new byte[0], false, null, 400, "VALIDATION", List.of("cursor")));
        all.add(new Case("a list with a limit of 0", "GET", "/v1/clients?limit=0", null, new byte[0], false, null,
                400, "VALIDATION", List.of("limit")));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsProblemAndWritesNothing(Case c) {
        Map<String, Long> before = ClientFixtures.rowCounts(host);
        HttpRequest.Builder request = host.request(c.path().equals(CLIENT) ? clientPath : c.path())
                .header("Authorization", "Bearer " + center.token());
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.ifMatch() != null) {
            request.header("If-Match", c.ifMatch());
        }
        request.method(c.method(), c.body().length == 0 && c.method().equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : c.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        Reply reply = host.send(request.build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(c.status());
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo(c.code());
        assertThat(problem.get("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(e -> {
                fields.add(e.get("field").asText());
                assertThat(e.get("pointer").asText()).isEqualTo(e.get("field").asText().equals("body") ? ""
                        : "/" + e.get("field").asText().replace('.', '/'));
            });
        }
        assertThat(fields).containsExactlyInAnyOrderElementsOf(c.fields());
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("Lucía")
                .doesNotContain("latex");
        assertThat(ClientFixtures.rowCounts(host)).isEqualTo(before);
        JsonNode unchanged = host.get(clientPath, center.token()).json();
        assertThat(unchanged.get("version").asLong()).isEqualTo(2);
        assertThat(unchanged.get("fullName").asText()).isEqualTo("Lucía Fernández");
        assertThat(unchanged.get("notes").asText()).isEqualTo("Allergic to latex.");
    }

    private static Case create(String name, Map<String, Object> body, String... fields) {
        return new Case(name, "POST", "/v1/clients", "application/json", bytes(body), false, null, 400, "VALIDATION",
                Arrays.asList(fields));
    }

    private static Case json(String method, String path, String name, String body, int status, String code,
                             String... fields) {
        return new Case(name, method, path, "application/json", bytes(body), false, null, status, code,
                Arrays.asList(fields));
    }

    private static Case search(String name, String body, String... fields) {
        return new Case("search: " + name, "POST", "/v1/clients/search", "application/json", bytes(body), false,
                null, 400, "VALIDATION", Arrays.asList(fields));
    }

    private static Case patch(String name, String body, String ifMatch, int status, String code, String... fields) {
        return new Case("patch: " + name, "PATCH", CLIENT, "application/merge-patch+json", bytes(body), false,
                ifMatch, status, code, Arrays.asList(fields));
    }

    private static Map<String, Object> valid() {
        return client("Nueva Clienta", "611 222 333", "nueva@example.com", "1985-01-31", "Prefers mornings.");
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(valid());
        change.accept(body);
        return body;
    }

    private static byte[] bytes(Object body) {
        return (body instanceof String s ? s : TestHost.write(body)).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON followed by spaces up to exactly {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        Arrays.fill(out, head.length, size, (byte) ' ');
        return out;
    }
}
