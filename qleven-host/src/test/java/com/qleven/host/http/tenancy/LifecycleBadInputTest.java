package com.qleven.host.http.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the account lifecycle routes gets its 4xx problem naming the member and writes
 * nothing: every table of the schema is fingerprinted (its rows' contents, not only their count)
 * before and after each request, so a refused acceptance that had marked an invitation used, or
 * queued a mail, would be seen. The host keeps its mail in the data dir's mbox file here.
 */
class LifecycleBadInputTest {
    private static TestHost host;
    private static Center center;
    private static String memberId;
    private static String expiredToken;
    private static String usedToken;
    private static String pendingToken;

    @BeforeAll
    static void start() throws Exception {
        host = TestHost.start();
        center = host.newCenter("Centro Pruebas");
        String expiredEmail = TestHost.newEmail("late");
        invite(center.token(), expiredEmail);
        expiredToken = awaitToken(expiredEmail);
        host.clock.advance(Duration.ofHours(73));
        String admin = host.login(center.adminEmail(), TestHost.PASSWORD, null);
        center = new Center(center.tenantId(), center.adminId(), center.adminEmail(), admin);
        String usedEmail = TestHost.newEmail("used");
        invite(admin, usedEmail);
        usedToken = awaitToken(usedEmail);
        Reply accepted = host.post("/v1/invitations/accept", accept(usedToken, "a good long passphrase"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        memberId = accepted.json().get("userId").asText();
        String pendingEmail = TestHost.newEmail("pending");
        invite(admin, pendingEmail);
        pendingToken = awaitToken(pendingEmail);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static void invite(String token, String email) {
        Reply reply = host.post("/v1/invitations", Map.of("email", email, "role", "receptionist"), token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /** The link's token in the mbox file the host keeps mail in (quoted-printable decoded). */
    private static String awaitToken(String email) throws Exception {
        Path mbox = host.dataDir().resolve("mail.mbox");
        String text = await("mail to " + email + " in " + mbox).atMost(Duration.ofSeconds(15))
                .until(() -> Files.exists(mbox)
                        ? Files.readString(mbox, StandardCharsets.US_ASCII).replace("=\n", "").replace("=3D", "=") : "",
                        t -> t.contains("To: " + email));
        return LifecycleMail.token(text.substring(text.lastIndexOf("To: " + email)));
    }

    private static Map<String, Object> accept(String token, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("fullName", "Luis Pérez");
        body.put("password", password);
        body.put("ageConfirmed", true);
        return body;
    }

    /** A request and the problem it must get. */
    record Case(String name, String method, String path, boolean authenticated, Object body, int status, String code,
                String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("expired invitation", "POST", "/v1/invitations/accept", false,
                (java.util.function.Supplier<Object>) () -> accept(expiredToken, "a good long passphrase"),
                422, "UNPROCESSABLE", "token"));
        all.add(new Case("reused invitation token", "POST", "/v1/invitations/accept", false,
                (java.util.function.Supplier<Object>) () -> accept(usedToken, "a good long passphrase"),
                422, "UNPROCESSABLE", "token"));
        all.add(new Case("unknown invitation token", "POST", "/v1/invitations/accept", false,
                accept("qi_" + "B".repeat(43), "a good long passphrase"), 422, "UNPROCESSABLE", "token"));
        all.add(new Case("a reset token for an invitation", "POST", "/v1/invitations/accept", false,
                accept("qr_" + "B".repeat(43), "a good long passphrase"), 400, "VALIDATION", "token"));
        all.add(new Case("weak password on acceptance", "POST", "/v1/invitations/accept", false,
                (java.util.function.Supplier<Object>) () -> accept(pendingToken, "short"), 400, "VALIDATION",
                "password"));
        all.add(new Case("age not confirmed", "POST", "/v1/invitations/accept", false,
                (java.util.function.Supplier<Object>) () -> {
                    Map<String, Object> body = accept(pendingToken, "a good long passphrase");
                    body.put("ageConfirmed", false);
                    return body;
                }, 422, "UNPROCESSABLE", "ageConfirmed"));
        all.add(new Case("unknown member on acceptance", "POST", "/v1/invitations/accept", false,
                (java.util.function.Supplier<Object>) () -> {
                    Map<String, Object> body = accept(pendingToken, "a good long passphrase");
                    body.put("role", "administrator");
                    return body;
                }, 400, "VALIDATION", "role"));
        all.add(new Case("unknown role on invitation", "POST", "/v1/invitations", true,
                Map.of("email", "ana@example.test", "role", "owner"), 400, "VALIDATION", "role"));
        all.add(new Case("operator role on invitation", "POST", "/v1/invitations", true,
                Map.of("email", "ana@example.test", "role", "operator"), 400, "VALIDATION", "role"));
        all.add(new Case("bad email on invitation", "POST", "/v1/invitations", true,
                Map.of("email", "ana@", "role", "receptionist"), 400, "VALIDATION", "email"));
        all.add(new Case("unknown role on a member", "PATCH", "/v1/users/{member}", true,
                Map.of("role", "owner"), 400, "VALIDATION", "role"));
        all.add(new Case("null clears no role", "PATCH", "/v1/users/{member}", true,
                "{\"role\": null}", 400, "VALIDATION", "role"));
        all.add(new Case("string for active", "PATCH", "/v1/users/{member}", true,
                "{\"active\": \"false\"}", 400, "VALIDATION", "active"));
        all.add(new Case("a patch that is not an object", "PATCH", "/v1/users/{member}", true, "[]", 400,
                "VALIDATION", "body"));
        all.add(new Case("unknown member of a patch", "PATCH", "/v1/users/{member}", true,
                "{\"email\": \"x@example.test\"}", 400, "VALIDATION", "email"));
        all.add(new Case("demoting the last administrator", "PATCH", "/v1/users/{admin}", true,
                Map.of("role", "receptionist"), 409, "CONFLICT", null));
        all.add(new Case("unknown reset token", "POST", "/v1/auth/password-reset/confirm", false,
                Map.of("token", "qr_" + "C".repeat(43), "password", "a good long passphrase"), 422, "UNPROCESSABLE",
                "token"));
        all.add(new Case("weak password on reset", "POST", "/v1/auth/password-reset/confirm", false,
                Map.of("token", "qr_" + "C".repeat(43), "password", "aaaaaaaaaaaa"), 400, "VALIDATION", "password"));
        all.add(new Case("bad email on reset", "POST", "/v1/auth/password-reset", false,
                Map.of("email", "not an email"), 400, "VALIDATION", "email"));
        all.add(new Case("weak new password", "POST", "/v1/auth/password", true,
                Map.of("currentPassword", TestHost.PASSWORD, "newPassword", "password1234"), 400, "VALIDATION",
                "newPassword"));
        all.add(new Case("too short new password", "POST", "/v1/auth/password",
                true, Map.of("currentPassword", TestHost.PASSWORD, "newPassword", "12345"), 400, "VALIDATION",
                "newPassword"));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheMemberAndWritesNothing(Case c) throws Exception {
        Object body = c.body() instanceof java.util.function.Supplier<?> s ? s.get() : c.body();
        String json = body instanceof String text ? text : TestHost.write(body);
        String path = c.path().replace("{member}", memberId).replace("{admin}", center.adminId());
        Map<String, String> before = fingerprint();
        HttpRequest.Builder request = host.request(path).header("Content-Type", "application/json")
                .method(c.method(), HttpRequest.BodyPublishers.ofString(json));
        if (c.authenticated()) {
            request.header("Authorization", "Bearer " + center.token());
        }
        Reply reply = host.send(request.build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(c.status());
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo(c.code());
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).contains(c.field());
        }
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("qi_").doesNotContain("qr_");
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Each table of the schema and a digest of all its rows. */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'directory', 'keystore')
                      AND c.relname <> 'flyway_schema_history' ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|'"
                        + " ORDER BY t::text)), '') FROM " + table + " t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        }
        return digests;
    }
}
