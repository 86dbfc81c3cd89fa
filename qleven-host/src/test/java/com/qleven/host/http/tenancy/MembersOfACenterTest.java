package com.qleven.host.http.tenancy;

import static com.qleven.host.TestHost.PASSWORD;
import static com.qleven.host.TestHost.newEmail;
import static com.qleven.host.TestHost.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.host.CorePolicies;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Members of a center (API.md): adding an email that already has an account asks the person, who
 * accepts or declines; until then the center sees only what it typed and the person's sign-in is
 * untouched. Also the sign-in choices, the per-center mail limit and center names in mail.
 */
class MembersOfACenterTest {
    private static final LifecycleMail MAIL = new LifecycleMail();
    private static final int MAILS_PER_CENTER = 3;
    private static final String TYPED_NAME = "Whoever They Are";
    private static TestHost host;

    @BeforeAll
    static void start() {
        MAIL.start();
        host = TestHost.start(MAIL.environment(), new CorePolicies(TestHost.TEST_POLICIES.signInThrottle(),
                SessionPolicy.DEFAULT, 10_000, MAILS_PER_CENTER));
    }

    @AfterAll
    static void stop() {
        host.close();
        MAIL.stop();
    }

    /** Center "victim" has a member with a real name and phone; "attacker" adds that email. */
    private record Added(Center home, Center other, String email, String userId, Reply reply) {
    }

    private static final String REAL_NAME = "Real Person Name";
    private static final String REAL_PHONE = "+34699887766";

    /** A center whose administrator has a name and phone of their own, which no other center may learn. */
    private static Center home() {
        String email = newEmail("person");
        Map<String, Object> body = TestHost.signUpBody("Centro Casa", email);
        @SuppressWarnings("unchecked")
        Map<String, Object> admin = (Map<String, Object>) body.get("admin");
        admin.put("fullName", REAL_NAME);
        admin.put("phone", REAL_PHONE);
        Reply created = host.post("/v1/signup", body);
        assertThat(created.status()).isEqualTo(201);
        return new Center(created.json().get("tenantId").asText(), created.json().get("userId").asText(), email,
                host.login(email, PASSWORD, null));
    }

    private static Added strangerAdded() {
        Center home = home();
        Center other = host.newCenter("Centro Ajeno");
        Map<String, Object> body = new LinkedHashMap<>(userBody(home.adminEmail(), "administrator"));
        body.put("fullName", TYPED_NAME);
        body.put("password", "the attacker's choice 1");
        Reply reply = host.post("/v1/users", body, other.token());
        return new Added(home, other, home.adminEmail(), home.adminId(), reply);
    }

    @Test
    void addingAnEmailWithAnAccountRevealsNothingAndBindsNothing() {
        Added added = strangerAdded();
        assertThat(added.reply().status()).isEqualTo(201);
        Reply one = host.get("/v1/users/" + added.userId(), added.other().token());
        Reply list = host.get("/v1/users", added.other().token());
        for (Reply seen : List.of(one, list)) {
            assertThat(seen.body()).doesNotContain(REAL_NAME).doesNotContain(REAL_PHONE);
        }
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("fullName").asText()).isEqualTo(TYPED_NAME);
        assertThat(one.json().get("phone").isNull()).isTrue();
        assertThat(one.json().get("status").asText()).isEqualTo("pending");
        assertThat(list.body()).contains(TYPED_NAME);

        JsonNode answer = added.reply().json();
        assertThat(answer.get("status").asText()).isEqualTo("pending");
        assertThat(answer.get("active").asBoolean()).isFalse();
        assertThat(answer.get("fullName").asText()).isEqualTo(TYPED_NAME);

        // The administrator's password touches nothing; the person is bound to no new center.
        assertThat(host.post("/v1/auth/login", Map.of("email", added.email(), "password",
                "the attacker's choice 1")).status()).isEqualTo(401);
        Reply login = host.post("/v1/auth/login", Map.of("email", added.email(), "password", PASSWORD));
        assertThat(login.status()).as("a pending center is no sign-in choice").isEqualTo(200);
        assertThat(login.json().get("tenantId").asText()).isEqualTo(added.home().tenantId());
        Reply there = host.post("/v1/auth/login", Map.of("email", added.email(), "password", PASSWORD,
                "tenantId", added.other().tenantId()));
        assertThat(there.status()).isEqualTo(409);
        assertThat(there.body()).doesNotContain("Centro Ajeno");
    }

    @Test
    void thePersonAcceptsSignedInAndOnlyThenTheCenterSeesTheAccount() {
        Added added = strangerAdded();
        String token = host.login(added.email(), PASSWORD, null);
        assertThat(host.get("/v1/me/memberships/" + added.other().tenantId(), token).json().get("status").asText())
                .isEqualTo("pending");
        Reply mine = host.get("/v1/me/memberships", token);
        assertThat(mine.status()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        mine.json().get("items").forEach(m -> seen.add(m.get("tenantId").asText() + "=" + m.get("status").asText()
                + "=" + m.get("centerName").asText()));
        assertThat(seen).containsExactly(added.home().tenantId() + "=active=Centro Casa",
                added.other().tenantId() + "=pending=Centro Ajeno");

        Reply accepted = actOn(added.other().tenantId(), "accept", token);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("active");
        assertThat(actOn(added.other().tenantId(), "accept", token).json().get("status").asText())
                .as("accepting again answers the membership as it is").isEqualTo("active");

        JsonNode now = host.get("/v1/users/" + added.userId(), added.other().token()).json();
        assertThat(now.get("fullName").asText()).isEqualTo(REAL_NAME);
        assertThat(now.get("phone").asText()).isEqualTo(REAL_PHONE);
        assertThat(now.get("status").asText()).isEqualTo("active");
        Reply choose = host.post("/v1/auth/login", Map.of("email", added.email(), "password", PASSWORD));
        assertThat(choose.status()).isEqualTo(409);
        assertThat(choose.json().get("centers")).hasSize(2);
        assertThat(actOn(added.other().tenantId(), "decline", token).status())
                .as("an accepted membership is not declined").isEqualTo(409);
    }

    @Test
    void thePersonDeclinesAndNobodyElseCanAnswerForThem() {
        Added added = strangerAdded();
        // The asking center's administrator answers only for themselves: the person stays pending.
        assertThat(actOn(added.other().tenantId(), "accept", added.other().token()).json().get("status").asText())
                .isEqualTo("active");
        assertThat(host.get("/v1/users/" + added.userId(), added.other().token()).json().get("status").asText())
                .isEqualTo("pending");
        assertThat(actOn(added.home().tenantId(), "decline", added.other().token()).status()).isEqualTo(404);
        assertThat(actOn("not-a-uuid", "accept", added.other().token()).status()).isEqualTo(404);

        String token = host.login(added.email(), PASSWORD, null);
        Reply declined = actOn(added.other().tenantId(), "decline", token);
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("declined");
        assertThat(actOn(added.other().tenantId(), "decline", token).status()).isEqualTo(404);
        assertThat(host.get("/v1/users/" + added.userId(), added.other().token()).status()).isEqualTo(404);
        assertThat(host.post("/v1/auth/login", Map.of("email", added.email(), "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void anIdempotencyKeyOnAcceptAndDeclineIsKeptInTheCenterActedOnAndReplaysTheFirstAnswer() {
        Added accepting = strangerAdded();
        String token = host.login(accepting.email(), PASSWORD, null);
        Reply first = actOn(accepting.other().tenantId(), "accept", token, "accept-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("active");
        Reply again = actOn(accepting.other().tenantId(), "accept", token, "accept-1");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("status").asText()).isEqualTo("active");

        Added declining = strangerAdded();
        String theirs = host.login(declining.email(), PASSWORD, null);
        Reply declined = actOn(declining.other().tenantId(), "decline", theirs, "decline-1");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        Reply replayed = actOn(declining.other().tenantId(), "decline", theirs, "decline-1");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(declined.json());
        // Without the key, a second decline finds nothing to decline.
        assertThat(actOn(declining.other().tenantId(), "decline", theirs).status()).isEqualTo(404);
    }

    @Test
    void thePersonAcceptsThroughTheMailedLinkWithTheirOwnPasswordOnly() {
        Added added = strangerAdded();
        String link = MAIL.lastToken(added.email(), 1);
        assertThat(link).startsWith("qm_");
        String text = LifecycleMail.text(MAIL.to(added.email()).get(0));
        assertThat(text).contains("Centro Ajeno").doesNotContain(TYPED_NAME);

        Map<String, Long> before = host.rowCounts();
        Reply theirs = host.post("/v1/memberships/accept", Map.of("token", link, "password", "the attacker's choice 1"));
        assertThat(theirs.status()).isEqualTo(422);
        assertThat(theirs.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        Map<String, Long> after = host.rowCounts();
        for (String table : List.of("public.memberships", "directory.memberships", "public.audit_events",
                "public.sessions")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(host.get("/v1/users/" + added.userId(), added.other().token()).json().get("status").asText())
                .isEqualTo("pending");

        Reply accepted = host.post("/v1/memberships/accept", Map.of("token", link, "password", PASSWORD));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("tenantId").asText()).isEqualTo(added.other().tenantId());
        assertThat(host.post("/v1/memberships/accept", Map.of("token", link, "password", PASSWORD)).status())
                .as("the link works once").isEqualTo(422);
        assertThat(host.login(added.email(), PASSWORD, added.other().tenantId())).isNotBlank();
    }

    @Test
    void aPendingMembersRoleMayChangeButNotItsActiveState() {
        Added added = strangerAdded();
        Reply role = patch("/v1/users/" + added.userId(), "{\"role\":\"receptionist\"}", added.other().token());
        assertThat(role.status()).isEqualTo(200);
        assertThat(role.json().get("role").asText()).isEqualTo("receptionist");
        assertThat(role.json().get("fullName").asText()).isEqualTo(TYPED_NAME);
        assertThat(role.body()).doesNotContain(REAL_NAME);
        assertThat(patch("/v1/users/" + added.userId(), "{\"active\":false}", added.other().token()).status())
                .isEqualTo(409);
    }

    @Test
    void anInactiveMembershipIsNoSignInChoice() {
        Center a = host.newCenter("Centro Uno");
        Center b = host.newCenter("Centro Dos");
        String email = newEmail("both");
        assertThat(host.post("/v1/users", userBody(email, "professional"), a.token()).status()).isEqualTo(201);
        Reply inB = host.post("/v1/users", userBody(email, "professional"), b.token());
        String id = inB.json().get("id").asText();
        String token = host.login(email, PASSWORD, null);
        assertThat(actOn(b.tenantId(), "accept", token).status()).isEqualTo(200);
        assertThat(host.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(409);

        assertThat(patch("/v1/users/" + id, "{\"active\":false}", b.token()).status()).isEqualTo(200);
        Reply login = host.post("/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tenantId").asText()).isEqualTo(a.tenantId());
        assertThat(login.body()).doesNotContain("Centro Dos");
    }

    @Test
    void aCenterMaySendOnlySoManyInvitationsAnHour() {
        Center busy = host.newCenter("Centro Masivo");
        for (int i = 0; i < MAILS_PER_CENTER; i++) {
            assertThat(invite(busy, newEmail("invitee")).status()).isEqualTo(201);
        }
        Reply refused = invite(busy, newEmail("invitee"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        Reply addExisting = host.post("/v1/users", userBody(host.newCenter("Centro Otro").adminEmail(),
                "professional"), busy.token());
        assertThat(addExisting.status()).as("asking an existing account is a mail too").isEqualTo(429);
        assertThat(host.get("/v1/users", busy.token()).json().get("items")).hasSize(1);

        Center calm = host.newCenter("Centro Tranquilo");
        assertThat(invite(calm, newEmail("invitee")).status()).as("the limit is per center").isEqualTo(201);
        host.clock.advance(java.time.Duration.ofMinutes(61));
        Center later = new Center(busy.tenantId(), busy.adminId(), busy.adminEmail(),
                host.login(busy.adminEmail(), PASSWORD, null));
        assertThat(invite(later, newEmail("invitee")).status()).isEqualTo(201);
    }

    @Test
    void aCenterNameInMailIsPlainTextNeverALink() {
        for (String name : List.of("www.evil.example", "http://x", "Pay at evil.example/now")) {
            Center center = host.newCenter(name);
            String to = newEmail("named");
            assertThat(invite(center, to).status()).isEqualTo(201);
            var mail = MAIL.awaitMailTo(to, 1).get(0);
            String text = LifecycleMail.text(mail);
            String subject;
            try {
                subject = mail.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            for (String part : List.of(text, subject)) {
                assertThat(part).doesNotContain(name);
                assertThat(linksIn(part)).as("links in %s", part)
                        .allSatisfy(l -> assertThat(l).startsWith("https://app.qleven.test/"));
            }
        }
    }

    /** What a mail client's link detector would turn into a link: schemes, www., and bare domain names. */
    private static List<String> linksIn(String text) {
        Matcher m = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://\\S+|www\\.\\S+|[a-z0-9-]+(?:\\.[a-z0-9-]+)*"
                + "\\.(?:example|com|test|net|org|io|x)\\b\\S*)").matcher(text);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }

    @Test
    void badInputToTheNewRoutesIsA4xxNamingTheFieldAndWritesNothing() {
        Center center = host.newCenter("Centro Entrada");
        Map<String, Long> before = host.rowCounts();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("{\"password\":\"" + PASSWORD + "\"}", "token");
        expected.put("{\"token\":\"qi_abc\",\"password\":\"" + PASSWORD + "\"}", "token");
        expected.put("{\"token\":\"qm_abc\"}", "password");
        expected.put("{\"token\":\"qm_abc\",\"password\":\"" + PASSWORD + "\",\"extra\":1}", "extra");
        expected.put("{\"token\":12,\"password\":\"" + PASSWORD + "\"}", "token");
        for (var e : expected.entrySet()) {
            Reply reply = host.post("/v1/memberships/accept", e.getKey());
            assertThat(reply.status()).as(e.getKey()).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        Reply unknown = host.post("/v1/memberships/accept", Map.of("token", "qm_unknownToken", "password", PASSWORD));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
        assertThat(actOn(java.util.UUID.randomUUID().toString(), "accept", center.token()).status()).isEqualTo(404);
        assertThat(host.send(host.request("/v1/me/memberships/" + center.tenantId() + "/accept")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(401);
        assertThat(host.rowCounts()).isEqualTo(before);
    }

    private static Reply invite(Center center, String email) {
        return host.post("/v1/invitations", Map.of("email", email, "role", "professional"), center.token());
    }

    private static Reply actOn(String tenantId, String verb, String token) {
        return host.send(host.request("/v1/me/memberships/" + tenantId + "/" + verb)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Reply actOn(String tenantId, String verb, String token, String idempotencyKey) {
        return host.send(host.request("/v1/me/memberships/" + tenantId + "/" + verb)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Reply patch(String path, String json, String token) {
        return host.send(host.request(path).header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
