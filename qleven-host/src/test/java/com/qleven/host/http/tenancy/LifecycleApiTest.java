package com.qleven.host.http.tenancy;

import static com.qleven.host.TestHost.PASSWORD;
import static com.qleven.host.TestHost.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account lifecycle end to end: the full host on PostgreSQL, its mail through a real SMTP server. */
class LifecycleApiTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final LifecycleMail MAIL = new LifecycleMail();
    private static TestHost host;

    @BeforeAll
    static void start() {
        MAIL.start();
        host = TestHost.start(MAIL.environment());
    }

    @AfterAll
    static void stop() {
        host.close();
        MAIL.stop();
    }

    private static Map<String, Object> acceptBody(String token, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("fullName", "Luis Pérez");
        body.put("phone", "+34611222333");
        body.put("password", password);
        body.put("ageConfirmed", true);
        return body;
    }

    private static Reply patch(String path, String json, String token) {
        return host.send(host.request(path).header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Reply delete(String path, String token) {
        return host.send(host.request(path).header("Authorization", "Bearer " + token).DELETE().build());
    }

    @Test
    void anAdministratorInvitesAndThePersonAcceptsFromTheMailedLinkThenSignsIn() throws Exception {
        Center center = host.newCenter("Clínica Sol");
        String luis = newEmail("luis");

        Reply invited = host.post("/v1/invitations", Map.of("email", luis, "role", "professional"), center.token());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String id = invited.json().get("id").asText();
        assertThat(invited.header("Location")).isEqualTo("/v1/invitations/" + id);
        assertThat(invited.json().get("status").asText()).isEqualTo("pending");
        assertThat(invited.json().has("token")).isFalse();
        Reply pending = host.get("/v1/invitations", center.token());
        assertThat(pending.json().get("items")).extracting(i -> i.get("email").asText()).containsExactly(luis);
        assertThat(pending.json().has("next")).isTrue();

        MimeMessage mail = MAIL.awaitMailTo(luis, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("You are invited to join Clínica Sol on Qleven");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Qleven <no-reply@qleven.test>");
        String text = LifecycleMail.text(mail);
        assertThat(text).contains("https://app.qleven.test/accept-invitation#token=qi_");
        String token = LifecycleMail.token(text);

        Reply accepted = host.post("/v1/invitations/accept", acceptBody(token, "luis's own passphrase"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("tenantId").asText()).isEqualTo(center.tenantId());
        String luisToken = host.login(luis, "luis's own passphrase", null);
        JsonNode me = host.get("/v1/me", luisToken).json();
        assertThat(me.get("role").asText()).isEqualTo("professional");
        assertThat(me.get("fullName").asText()).isEqualTo("Luis Pérez");
        assertThat(host.get("/v1/invitations/" + id, center.token()).json().get("status").asText()).isEqualTo("accepted");
        Reply again = host.post("/v1/invitations/accept", acceptBody(token, "luis's own passphrase"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("token");

        Reply member = host.post("/v1/invitations", Map.of("email", luis, "role", "receptionist"), center.token());
        assertThat(member.status()).isEqualTo(409);
        Reply byProfessional = host.post("/v1/invitations", Map.of("email", newEmail("x"), "role", "receptionist"),
                luisToken);
        assertThat(byProfessional.status()).isEqualTo(403);
    }

    @Test
    void aPasswordResetAnswersAlikeForUnknownEmailsAndEndsEverySession() {
        Center center = host.newCenter("Centro Reset");
        String other = host.login(center.adminEmail(), PASSWORD, null);

        Reply known = host.post("/v1/auth/password-reset", Map.of("email", center.adminEmail()));
        Reply unknown = host.post("/v1/auth/password-reset", Map.of("email", newEmail("nobody")));
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());

        String token = MAIL.lastToken(center.adminEmail(), 1);
        assertThat(LifecycleMail.text(MAIL.to(center.adminEmail()).get(0)))
                .contains("https://app.qleven.test/reset-password#token=qr_");
        Reply confirmed = host.post("/v1/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(401);
        assertThat(host.get("/v1/me", other).status()).isEqualTo(401);
        assertThat(host.login(center.adminEmail(), NEW_PASSWORD, null)).startsWith("qs_");
        Reply reused = host.post("/v1/auth/password-reset/confirm", Map.of("token", token, "password", "yet another passphrase"));
        assertThat(reused.status()).isEqualTo(422);
    }

    @Test
    void administratorsChangeRolesDeactivateAndReactivateButNeverTheLastAdministrator() {
        Center center = host.newCenter("Centro Roles");
        String eva = newEmail("eva");
        Reply added = host.post("/v1/users", TestHost.userBody(eva, "receptionist"), center.token());
        String evaId = added.json().get("id").asText();
        String evaToken = host.login(eva, PASSWORD, null);

        Reply promoted = patch("/v1/users/" + evaId, "{\"role\": \"professional\"}", center.token());
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().get("role").asText()).isEqualTo("professional");
        assertThat(promoted.json().get("active").asBoolean()).isTrue();
        assertThat(host.get("/v1/me", evaToken).json().get("role").asText()).isEqualTo("professional");

        Reply off = patch("/v1/users/" + evaId, "{\"active\": false}", center.token());
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(host.get("/v1/me", evaToken).status()).as("her session ends at once").isEqualTo(401);
        assertThat(host.post("/v1/auth/login", Map.of("email", eva, "password", PASSWORD)).status()).isEqualTo(401);
        Reply on = patch("/v1/users/" + evaId, "{\"active\": true}", center.token());
        assertThat(on.json().get("active").asBoolean()).isTrue();
        assertThat(host.login(eva, PASSWORD, null)).startsWith("qs_");

        Reply lastAdmin = patch("/v1/users/" + center.adminId(), "{\"role\": \"receptionist\"}", center.token());
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.json().get("code").asText()).isEqualTo("CONFLICT");
        Center stranger = host.newCenter("Centro Ajeno");
        assertThat(patch("/v1/users/" + stranger.adminId(), "{\"active\": false}", center.token()).status()).isEqualTo(404);
        assertThat(host.get("/v1/me", stranger.token()).status()).isEqualTo(200);
    }

    @Test
    void aPersonSeesAndRevokesTheirOwnSessionsAndChangesTheirPassword() {
        Center center = host.newCenter("Centro Sesiones");
        String second = host.login(center.adminEmail(), PASSWORD, null);
        String colleague = newEmail("colleague");
        host.post("/v1/users", TestHost.userBody(colleague, "professional"), center.token());
        String colleagueToken = host.login(colleague, PASSWORD, null);

        Reply sessions = host.get("/v1/sessions", second);
        assertThat(sessions.status()).isEqualTo(200);
        JsonNode items = sessions.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("current").asBoolean()).isTrue();
        assertThat(items.get(1).get("current").asBoolean()).isFalse();
        assertThat(items.get(0).get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(items.get(0).get("userAgent").asText()).isNotBlank();
        assertThat(items.get(0).get("expiresAt").asText()).endsWith("Z");
        assertThat(items.get(0).get("endedAt").isNull()).isTrue();
        String firstId = items.get(1).get("id").asText();
        String colleagueSession = host.get("/v1/sessions", colleagueToken).json().get("items").get(0).get("id").asText();

        assertThat(delete("/v1/sessions/" + colleagueSession, second).status()).isEqualTo(404);
        assertThat(delete("/v1/sessions/not-a-uuid", second).status()).isEqualTo(404);
        assertThat(delete("/v1/sessions/" + firstId, second).status()).isEqualTo(204);
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(401);
        assertThat(host.get("/v1/me", colleagueToken).status()).isEqualTo(200);

        String third = host.login(center.adminEmail(), PASSWORD, null);
        Reply wrong = host.post("/v1/auth/password", Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD),
                second);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
        Reply changed = host.post("/v1/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD),
                second);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(host.get("/v1/me", second).status()).isEqualTo(200);
        assertThat(host.get("/v1/me", third).status()).isEqualTo(401);
        assertThat(host.login(center.adminEmail(), NEW_PASSWORD, null)).startsWith("qs_");
    }
}
