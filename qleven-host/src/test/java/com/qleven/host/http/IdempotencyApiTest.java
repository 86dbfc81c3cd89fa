package com.qleven.host.http;

import static com.qleven.host.TestHost.newEmail;
import static com.qleven.host.TestHost.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the action routes (API.md "Writes"), over HTTP on PostgreSQL. */
class IdempotencyApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Reply post(String path, Object body, String token, String key) {
        return host.send(host.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body)))
                .build());
    }

    private static int members(Center center) {
        return host.get("/v1/users?limit=200", center.token()).json().get("items").size();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndAddsNoOneTwice() {
        Center center = host.newCenter("Centro Idempotente");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = userBody(newEmail("retry"), "receptionist");

        Reply first = post("/v1/users", body, center.token(), key);
        Reply again = post("/v1/users", body, center.token(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(members(center)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        Center center = host.newCenter("Centro Reuso");
        String key = "reused-key";
        assertThat(post("/v1/users", userBody(newEmail("first"), "professional"), center.token(), key).status())
                .isEqualTo(201);

        Reply reused = post("/v1/users", userBody(newEmail("second"), "professional"), center.token(), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("UNPROCESSABLE");
        assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(members(center)).isEqualTo(2);
    }

    @Test
    void aFailedRequestKeepsNothingSoTheKeyCanBeUsedAgain() {
        Center center = host.newCenter("Centro Fallo");
        String key = UUID.randomUUID().toString();
        Map<String, Object> weak = userBody(newEmail("weak"), "professional");
        weak.put("password", "short");
        assertThat(post("/v1/users", weak, center.token(), key).status()).isEqualTo(400);

        Reply fixed = post("/v1/users", userBody(newEmail("fixed"), "professional"), center.token(), key);

        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysBelongToTheirCenter() {
        Center a = host.newCenter("Centro A");
        Center b = host.newCenter("Centro B");
        String key = "same-key-in-two-centers";
        Reply inA = post("/v1/users", userBody(newEmail("a"), "professional"), a.token(), key);
        Reply inB = post("/v1/users", userBody(newEmail("b"), "professional"), b.token(), key);

        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).isEqualTo(201);
        assertThat(inB.header("Idempotent-Replayed")).isNull();
        assertThat(inB.body()).isNotEqualTo(inA.body());
    }

    @Test
    void aMalformedKeyIs400NamingTheHeaderAndABadTokenStill401() {
        Center center = host.newCenter("Centro Clave");
        Reply tooLong = post("/v1/users", userBody(newEmail("long"), "professional"), center.token(), "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");

        Reply unauthenticated = post("/v1/users", userBody(newEmail("anon"), "professional"), "qs_nobody", "k1");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(members(center)).isEqualTo(1);
    }
}
