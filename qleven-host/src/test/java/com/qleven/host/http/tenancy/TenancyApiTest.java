package com.qleven.host.http.tenancy;

import static com.qleven.host.TestHost.PASSWORD;
import static com.qleven.host.TestHost.newEmail;
import static com.qleven.host.TestHost.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tenancy routes end to end: the full host over HTTP on PostgreSQL. */
class TenancyApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aCenterSignsUpSignsInAddsItsTeamAndPagesThroughIt() {
        String email = newEmail("founder");
        Reply signup = host.post("/v1/signup", TestHost.signUpBody("Clínica Sol", email));
        assertThat(signup.status()).isEqualTo(201);
        String tenantId = signup.json().get("tenantId").asText();
        String userId = signup.json().get("userId").asText();
        assertThat(signup.header("Location")).isEqualTo("/v1/users/" + userId);

        Reply login = host.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(login.json().get("expiresAt").asText()).endsWith("Z");
        String token = login.json().get("token").asText();

        JsonNode me = host.get("/v1/me", token).json();
        assertThat(me.get("userId").asText()).isEqualTo(userId);
        assertThat(me.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(me.get("role").asText()).isEqualTo("administrator");
        assertThat(me.get("fullName").asText()).isEqualTo("Ana García");
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("phone").asText()).isEqualTo("+34600111222");

        List<String> added = new ArrayList<>();
        Map<String, String> createdAt = new java.util.HashMap<>();
        for (String role : List.of("professional", "receptionist", "administrator")) {
            String memberEmail = newEmail(role);
            Reply reply = host.post("/v1/users", userBody(memberEmail, role), token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            JsonNode user = reply.json();
            assertThat(reply.header("Location")).isEqualTo("/v1/users/" + user.get("id").asText());
            assertThat(user.get("tenantId").asText()).isEqualTo(tenantId);
            assertThat(user.get("role").asText()).isEqualTo(role);
            assertThat(user.get("email").asText()).isEqualTo(memberEmail);
            assertThat(user.get("phone").isNull()).isTrue();
            assertThat(user.get("createdAt").asText()).endsWith("Z");
            added.add(user.get("id").asText());
            createdAt.put(user.get("id").asText(), user.get("createdAt").asText());
        }

        Reply first = host.get("/v1/users?limit=2", token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        String next = first.json().get("next").asText();
        Reply second = host.get("/v1/users?limit=2&cursor=" + java.net.URLEncoder.encode(next,
                java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("items")).hasSize(2);
        assertThat(second.json().get("next").isNull()).isTrue();
        List<String> listed = new ArrayList<>();
        first.json().get("items").forEach(u -> listed.add(u.get("id").asText()));
        second.json().get("items").forEach(u -> listed.add(u.get("id").asText()));
        assertThat(listed).containsExactly(userId, added.get(0), added.get(1), added.get(2));
        // The same instant reads the same when added and when listed.
        second.json().get("items").forEach(u -> assertThat(u.get("createdAt").asText())
                .isEqualTo(createdAt.get(u.get("id").asText())));

        Reply all = host.get("/v1/users", token);
        assertThat(all.json().get("items")).hasSize(4);
        assertThat(all.json().has("next")).isTrue();
        assertThat(all.json().get("next").isNull()).isTrue();
        // The professional can sign in with the password the administrator set.
        String professional = all.json().get("items").get(1).get("email").asText();
        assertThat(host.login(professional, PASSWORD, null)).isNotBlank();
    }

    @Test
    void noBadOrExpiredCredentialsAre401WithBearerChallenge() {
        Center center = host.newCenter("Centro Luna");
        Reply none = host.get("/v1/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(none.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");

        assertThat(host.get("/v1/me", "qs_not-a-real-token").status()).isEqualTo(401);
        assertThat(host.get("/v1/me", "garbage").status()).isEqualTo(401);
        assertThat(host.send(host.request("/v1/me").header("Authorization", "Basic dXNlcjpwYXNz").GET().build())
                .status()).isEqualTo(401);
        assertThat(host.get("/v1/users", "qs_" + "x".repeat(200)).status()).isEqualTo(401);

        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        host.clock.advance(Duration.ofMinutes(31));
        Reply expired = host.get("/v1/me", center.token());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aReceptionistMayListButNotAddUsers() {
        Center center = host.newCenter("Centro Estrella");
        String receptionistEmail = newEmail("reception");
        assertThat(host.post("/v1/users", userBody(receptionistEmail, "receptionist"), center.token()).status())
                .isEqualTo(201);
        String receptionist = host.login(receptionistEmail, PASSWORD, null);

        Reply refused = host.post("/v1/users", userBody(newEmail("someone"), "professional"), receptionist);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(host.get("/v1/users", receptionist).status()).isEqualTo(200);
        assertThat(host.get("/v1/me", receptionist).json().get("role").asText()).isEqualTo("receptionist");
    }

    @Test
    void anotherCentersUserIdIs404ExactlyAsAnIdThatDoesNotExist() {
        Center a = host.newCenter("Centro A");
        Center b = host.newCenter("Centro B");
        String colleague = host.post("/v1/users", userBody(newEmail("a-pro"), "professional"), a.token())
                .json().get("id").asText();

        Reply own = host.get("/v1/users/" + colleague, a.token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("role").asText()).isEqualTo("professional");
        assertThat(host.get("/v1/users/" + a.adminId(), a.token()).json().get("email").asText())
                .isEqualTo(a.adminEmail());

        Reply foreign = host.get("/v1/users/" + b.adminId(), a.token());
        Reply missing = host.get("/v1/users/" + java.util.UUID.randomUUID(), a.token());
        Reply malformed = host.get("/v1/users/not-a-uuid", a.token());
        for (Reply reply : List.of(foreign, missing, malformed)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("code").asText()).isEqualTo("NOT_FOUND");
        }
        assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
        assertThat(foreign.body()).doesNotContain(b.adminEmail()).doesNotContain(b.tenantId());
        assertThat(host.get("/v1/users/" + colleague, b.token()).status()).isEqualTo(404);
        assertThat(host.get("/v1/users/" + colleague).status()).isEqualTo(401);
    }

    @Test
    void aCenterNeverListsAnotherCentersPeople() {
        Center a = host.newCenter("Centro A");
        Center b = host.newCenter("Centro B");
        host.post("/v1/users", userBody(newEmail("a-pro"), "professional"), a.token());
        host.post("/v1/users", userBody(newEmail("b-pro"), "professional"), b.token());

        JsonNode listA = host.get("/v1/users", a.token()).json().get("items");
        JsonNode listB = host.get("/v1/users", b.token()).json().get("items");
        assertThat(listA).hasSize(2).allSatisfy(u -> assertThat(u.get("tenantId").asText()).isEqualTo(a.tenantId()));
        assertThat(listB).hasSize(2).allSatisfy(u -> assertThat(u.get("tenantId").asText()).isEqualTo(b.tenantId()));
        assertThat(listA.toString()).doesNotContain(b.adminId()).doesNotContain(b.adminEmail());
    }

    @Test
    void anExistingAccountIsAskedToJoinASecondCenterAndKeepsItsPassword() {
        Center a = host.newCenter("Centro Norte");
        Center b = host.newCenter("Centro Sur");
        String email = newEmail("shared");
        Reply asNew = host.post("/v1/users", userBody(email, "professional"), a.token());
        assertThat(asNew.status()).isEqualTo(201);
        assertThat(asNew.json().get("status").asText()).isEqualTo("active");

        var otherPassword = new java.util.LinkedHashMap<>(userBody(email, "professional"));
        otherPassword.put("password", "another password entirely");
        Reply asExisting = host.post("/v1/users", otherPassword, b.token());
        assertThat(asExisting.status()).isEqualTo(201);
        assertThat(fieldNames(asExisting.json())).isEqualTo(fieldNames(asNew.json()));
        assertThat(asExisting.json().get("id").asText()).isEqualTo(asNew.json().get("id").asText());
        assertThat(asExisting.json().get("status").asText()).isEqualTo("pending");
        assertThat(asExisting.json().get("tenantId").asText()).isEqualTo(b.tenantId());

        // The second center's password did not replace the account's own.
        Reply newPassword = host.post("/v1/auth/login", Map.of("email", email, "password",
                "another password entirely"));
        assertThat(newPassword.status()).isEqualTo(401);

        // Until the person accepts, the second center is no choice at sign-in.
        String inA = host.login(email, PASSWORD, null);
        assertThat(host.post("/v1/me/memberships/" + b.tenantId() + "/accept", Map.of(), inA).status())
                .isEqualTo(200);

        Reply choose = host.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(choose.status()).isEqualTo(409);
        assertThat(choose.json().get("code").asText()).isEqualTo("CONFLICT");
        List<String> centers = new ArrayList<>();
        choose.json().get("centers").forEach(c -> centers.add(c.get("tenantId").asText() + "=" + c.get("name").asText()));
        assertThat(centers).containsExactlyInAnyOrder(a.tenantId() + "=Centro Norte", b.tenantId() + "=Centro Sur");

        String inB = host.login(email, PASSWORD, b.tenantId());
        assertThat(host.get("/v1/me", inB).json().get("tenantId").asText()).isEqualTo(b.tenantId());

        Reply twice = host.post("/v1/users", userBody(email, "receptionist"), b.token());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void aSignupWithAnEmailThatHasAnAccountIs409() {
        Center existing = host.newCenter("Centro Primero");
        Reply again = host.post("/v1/signup", TestHost.signUpBody("Centro Segundo", existing.adminEmail()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSame401() {
        Center center = host.newCenter("Centro Igual");
        Reply unknown = host.post("/v1/auth/login", Map.of("email", newEmail("nobody"), "password", PASSWORD));
        Reply wrong = host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password", "wrong password 123"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(withoutRequestId(unknown.json())).isEqualTo(withoutRequestId(wrong.json()));
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
        assertThat(unknown.json().get("requestId").asText()).isNotEqualTo(wrong.json().get("requestId").asText());
    }

    @Test
    void signOutEndsTheTokenAndClearsTheCookie() {
        Center center = host.newCenter("Centro Fin");
        Reply out = host.post("/v1/auth/logout", "", center.token());
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).isEqualTo(
                "__Host-qleven_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(401);
        assertThat(host.post("/v1/auth/logout", "", center.token()).status()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHostOnlySecureHttpOnlyStrictAndSignsIn() {
        Center center = host.newCenter("Centro Galleta");
        Reply login = host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password", PASSWORD));
        String token = login.json().get("token").asText();
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).containsExactly("__Host-qleven_session=" + token
                + "; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict");

        Reply me = host.send(host.request("/v1/me").header("Cookie", "other=1; __Host-qleven_session=" + token)
                .GET().build());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asText()).isEqualTo(center.adminEmail());
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(host.get("/v1/users", token).headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aPageLimitOutsideOneTo200IsA400NamingLimit() {
        Center center = host.newCenter("Centro Límite");
        for (String limit : List.of("0", "201", "abc", "-1", "1.5", "")) {
            Reply reply = host.get("/v1/users?limit=" + limit, center.token());
            assertThat(reply.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
            assertThat(reply.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/limit");
        }
        assertThat(host.get("/v1/users?limit=200", center.token()).status()).isEqualTo(200);
        assertThat(host.get("/v1/users?limit=1", center.token()).status()).isEqualTo(200);
        assertThat(host.get("/v1/users?cursor=not-a-cursor", center.token()).status()).isEqualTo(400);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode withoutRequestId(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
