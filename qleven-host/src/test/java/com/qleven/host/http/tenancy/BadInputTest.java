package com.qleven.host.http.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Every kind of bad input gets its 4xx problem naming the member, never a 500, and writes nothing:
 * the rows of every table the routes write are counted before and after.
 */
class BadInputTest {
    private static final int MIB = 1024 * 1024;
    private static TestHost host;
    private static Center center;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Pruebas");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A request and the problem it must get. */
    record Case(String name, String path, boolean authenticated, String contentType, byte[] body, boolean chunked,
                int status, String code, List<String> fields, List<String> pointers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        all.add(signup("malformed JSON", "{\"center\": {\"name\": ", 400, "body", ""));
        all.add(signup("not an object", "[1, 2]", 400, "body", ""));
        all.add(signup("a JSON null", "null", 400, "body", ""));
        all.add(signup("trailing content", TestHost.write(valid()) + " {}", 400, "body", ""));
        all.add(signup("unknown top-level member", with(b -> b.put("plan", "gold")), 400, "plan", "/plan"));
        all.add(signup("unknown nested member", with(b -> center(b).put("colour", "blue")), 400, "center.colour",
                "/center/colour"));
        all.add(signup("duplicate member", "{\"center\": {\"name\": \"A\", \"name\": \"B\"}, \"admin\": {}}", 400,
                "center.name", "/center/name"));
        all.add(signup("string for a boolean", with(b -> admin(b).put("ageConfirmed", "yes")), 400,
                "admin.ageConfirmed", "/admin/ageConfirmed"));
        all.add(signup("number for a boolean", with(b -> admin(b).put("ageConfirmed", 1)), 400,
                "admin.ageConfirmed", "/admin/ageConfirmed"));
        all.add(signup("number for a string", with(b -> center(b).put("name", 5)), 400, "center.name", "/center/name"));
        all.add(signup("boolean for a string", with(b -> admin(b).put("email", true)), 400, "admin.email",
                "/admin/email"));
        all.add(signup("string for an object", with(b -> b.put("center", "Clínica")), 400, "center", "/center"));
        all.add(signup("null for a required boolean", with(b -> admin(b).put("ageConfirmed", null)), 400,
                "admin.ageConfirmed", "/admin/ageConfirmed"));
        all.add(signup("missing center and admin", "{}", 400,
                List.of("center.name", "center.address", "center.taxId", "center.country", "center.timeZone",
                        "center.currency", "admin.fullName", "admin.email", "admin.password", "admin.ageConfirmed")));
        all.add(signup("missing members", with(b -> {
            center(b).remove("taxId");
            admin(b).remove("email");
        }), 400, List.of("center.taxId", "admin.email")));
        all.add(signup("unknown time zone", with(b -> center(b).put("timeZone", "Mars/Olympus_Mons")), 400,
                "center.timeZone", "/center/timeZone"));
        all.add(signup("unknown country", with(b -> center(b).put("country", "QQ")), 400, "center.country",
                "/center/country"));
        all.add(signup("unknown currency", with(b -> center(b).put("currency", "ZZZ")), 400, "center.currency",
                "/center/currency"));
        all.add(signup("weak password", with(b -> admin(b).put("password", "short")), 400, "admin.password",
                "/admin/password"));
        all.add(signup("well-known password", with(b -> admin(b).put("password", "password1234")), 400,
                "admin.password", "/admin/password"));
        all.add(signup("bad email", with(b -> admin(b).put("email", "not-an-email")), 400, "admin.email",
                "/admin/email"));
        all.add(signup("local phone number", with(b -> admin(b).put("phone", "600111222")), 400, "admin.phone",
                "/admin/phone"));
        all.add(signup("control characters in a name", with(b -> center(b).put("name", "Clínica\u0000Sol")), 400,
                "center.name", "/center/name"));
        all.add(signup("several bad members at once", with(b -> {
            center(b).put("timeZone", "Nowhere/Else");
            center(b).put("country", "QQ");
            admin(b).put("password", "short");
        }), 400, List.of("center.country", "center.timeZone", "admin.password")));
        all.add(signup("age not confirmed", with(b -> admin(b).put("ageConfirmed", false)), 422, "admin.ageConfirmed",
                "/admin/ageConfirmed"));

        byte[] tooBig = padded(TestHost.write(valid()), MIB + 1);
        all.add(new Case("body over 1 MiB with Content-Length", "/v1/signup", false, "application/json", tooBig,
                false, 413, "PAYLOAD_TOO_LARGE", List.of("body"), List.of("")));
        all.add(new Case("body over 1 MiB streamed in chunks", "/v1/signup", false, "application/json",
                padded(TestHost.write(valid()), 2 * MIB), true, 413, "PAYLOAD_TOO_LARGE", List.of("body"), List.of("")));
        all.add(new Case("body of exactly 1 MiB is read", "/v1/signup", false, "application/json",
                padded(TestHost.write(with(b -> center(b).put("timeZone", "Nowhere/Else"))), MIB), false, 400,
                "VALIDATION", List.of("center.timeZone"), List.of("/center/timeZone")));
        all.add(new Case("text/plain", "/v1/signup", false, "text/plain",
                TestHost.write(valid()).getBytes(StandardCharsets.UTF_8), false, 415, "UNSUPPORTED_MEDIA_TYPE",
                List.of("body"), List.of("")));
        all.add(new Case("form encoded", "/v1/signup", false, "application/x-www-form-urlencoded",
                "center=x".getBytes(StandardCharsets.UTF_8), false, 415, "UNSUPPORTED_MEDIA_TYPE", List.of("body"),
                List.of("")));
        all.add(new Case("JSON in another charset", "/v1/signup", false, "application/json; charset=ISO-8859-1",
                TestHost.write(valid()).getBytes(StandardCharsets.ISO_8859_1), false, 415, "UNSUPPORTED_MEDIA_TYPE",
                List.of("body"), List.of("")));
        all.add(new Case("no body", "/v1/signup", false, null, new byte[0], false, 400, "VALIDATION",
                List.of("body"), List.of("")));
        all.add(new Case("empty JSON body", "/v1/signup", false, "application/json", new byte[0], false, 400,
                "VALIDATION", List.of("body"), List.of("")));

        all.add(login("missing email and password", "{}", List.of("email", "password")));
        all.add(login("tenant id that is not a UUID", "{\"email\": \"a@example.test\", \"password\": \"x\", "
                + "\"tenantId\": \"centro-1\"}", List.of("tenantId")));
        all.add(login("unknown member", "{\"email\": \"a@example.test\", \"password\": \"x\", \"remember\": true}",
                List.of("remember")));
        all.add(login("number for the password", "{\"email\": \"a@example.test\", \"password\": 123456789012}",
                List.of("password")));

        all.add(user("unknown role", u -> u.put("role", "owner"), 400, "role"));
        all.add(user("operator role", u -> u.put("role", "operator"), 400, "role"));
        all.add(user("weak password", u -> u.put("password", "aaaaaaaaaaaa"), 400, "password"));
        all.add(user("string for ageConfirmed", u -> u.put("ageConfirmed", "true"), 400, "ageConfirmed"));
        all.add(user("missing ageConfirmed", u -> u.remove("ageConfirmed"), 400, "ageConfirmed"));
        all.add(user("age not confirmed", u -> u.put("ageConfirmed", false), 422, "ageConfirmed"));
        all.add(user("unknown member", u -> u.put("isAdmin", true), 400, "isAdmin"));
        all.add(user("bad email", u -> u.put("email", "a@b"), 400, "email"));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheMemberAndWritesNothing(Case c) {
        Map<String, Long> before = host.rowCounts();
        HttpRequest.Builder request = host.request(c.path());
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.authenticated()) {
            request.header("Authorization", "Bearer " + center.token());
        }
        request.POST(c.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        Reply reply = host.send(request.build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(c.status());
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo(c.code());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("type").asText()).startsWith("https://qleven.dev/problems/");
        assertThat(problem.get("requestId").asText()).isEqualTo(reply.header("X-Request-Id"));
        List<String> fields = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            pointers.add(e.get("pointer").asText());
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrderElementsOf(c.fields());
        if (c.pointers() != null) {
            assertThat(pointers).containsExactlyInAnyOrderElementsOf(c.pointers());
        }
        assertThat(problem.get("detail").asText()).contains(c.fields().get(0));
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(host.rowCounts()).isEqualTo(before);
    }

    private static Case signup(String name, Object body, int status, String field, String pointer) {
        return new Case(name, "/v1/signup", false, "application/json", bytes(body), false, status,
                status == 422 ? "UNPROCESSABLE" : "VALIDATION", List.of(field), List.of(pointer));
    }

    private static Case signup(String name, Object body, int status, List<String> fields) {
        return new Case(name, "/v1/signup", false, "application/json", bytes(body), false, status, "VALIDATION",
                fields, fields.stream().map(f -> "/" + f.replace('.', '/')).toList());
    }

    private static Case login(String name, String body, List<String> fields) {
        return new Case(name, "/v1/auth/login", false, "application/json", bytes(body), false, 400, "VALIDATION",
                fields, fields.stream().map(f -> "/" + f).toList());
    }

    private static Case user(String name, Consumer<Map<String, Object>> change, int status, String field) {
        Map<String, Object> body = new LinkedHashMap<>(TestHost.userBody(TestHost.newEmail("bad"), "professional"));
        change.accept(body);
        return new Case(name, "/v1/users", true, "application/json", bytes(body), false, status,
                status == 422 ? "UNPROCESSABLE" : "VALIDATION", List.of(field), List.of("/" + field));
    }

    private static Map<String, Object> valid() {
        return TestHost.signUpBody("Clínica Válida", TestHost.newEmail("valid"));
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> center(Map<String, Object> body) {
        return (Map<String, Object>) body.get("center");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> admin(Map<String, Object> body) {
        return (Map<String, Object>) body.get("admin");
    }

    private static byte[] bytes(Object body) {
        return (body instanceof String s ? s : TestHost.write(body)).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON followed by spaces up to exactly {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        java.util.Arrays.fill(out, head.length, size, (byte) ' ');
        return out;
    }
}
