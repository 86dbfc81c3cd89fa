package com.qleven.host;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The logs of a whole session (signup, sign-in, a failed sign-in, profile, a new user, sign-out)
 * hold the request ids and route templates, and none of the secrets and personal data that went
 * through: no token, password, email, phone, cookie or body.
 */
class LogPrivacyTest {
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
    void theLogsCarryRequestIdsAndNoSecretOrPersonalData() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        // The access log does not go through the root (logback.xml writes it asynchronously, once).
        Logger accessLog = (Logger) LoggerFactory.getLogger("com.qleven.host.access");
        accessLog.addAppender(captured);
        List<String> secrets = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        try {
            String email = TestHost.newEmail("private.person");
            Map<String, Object> signup = TestHost.signUpBody("Clínica Discreta", email);
            TestHost.Reply created = host.post("/v1/signup", signup);
            requestIds.add(created.header("X-Request-Id"));
            String tenantId = created.json().get("tenantId").asText();
            TestHost.Reply login = host.send(host.request("/v1/auth/login").header("Content-Type", "application/json")
                    .header("User-Agent", "SecretBrowser/9.9")
                    .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("email", email, "password",
                            PASSWORD, "tenantId", tenantId))))
                    .build());
            String token = login.json().get("token").asText();
            requestIds.add(login.header("X-Request-Id"));
            host.post("/v1/auth/login", Map.of("email", email, "password", "Wrong-Password-77"));
            requestIds.add(host.send(host.request("/v1/me").header("Cookie", "__Host-qleven_session=" + token).GET()
                    .build()).header("X-Request-Id"));
            String memberEmail = TestHost.newEmail("member.private");
            Map<String, Object> member = new java.util.LinkedHashMap<>(TestHost.userBody(memberEmail, "professional"));
            member.put("phone", "+212612345678");
            member.put("fullName", "Yasmine Confidencial");
            requestIds.add(host.post("/v1/users", member, token).header("X-Request-Id"));
            requestIds.add(host.post("/v1/auth/logout", "", token).header("X-Request-Id"));
            secrets.addAll(List.of(email, PASSWORD, "Wrong-Password-77", token, memberEmail, "+212612345678",
                    "+34600111222", "Yasmine", "Ana García", "SecretBrowser", "B12345678", "Calle Mayor"));
            // Each access line is written when its exchange completes, just after the answer.
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                List<ILoggingEvent> events;
                synchronized (captured) {
                    events = List.copyOf(captured.list);
                }
                return requestIds.stream().allMatch(id -> events.stream().anyMatch(e ->
                        e.getLoggerName().equals("com.qleven.host.access") && e.getKeyValuePairs() != null
                        && e.getKeyValuePairs().stream().anyMatch(p -> p.key.equals("requestId") && id.equals(p.value))));
            });
        } finally {
            root.detachAppender(captured);
            accessLog.detachAppender(captured);
        }

        // The host's own JSON encoder, as configured by its logback.xml.
        ch.qos.logback.core.encoder.Encoder<ILoggingEvent> encoder =
                LogJson.encoder((LoggerContext) LoggerFactory.getILoggerFactory());
        // A member twice in one line is a line some collectors refuse or read wrong.
        ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        List<JsonNode> lines = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = List.copyOf(captured.list);
        }
        for (ILoggingEvent event : events) {
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            all.append(line);
            lines.add(json.readTree(line));
        }
        assertThat(lines).isNotEmpty();
        for (String secret : secrets) {
            assertThat(all.toString()).as("logs must not contain " + secret).doesNotContain(secret);
        }
        List<JsonNode> access = lines.stream().filter(l -> l.get("logger").asText().equals("com.qleven.host.access"))
                .toList();
        for (String id : requestIds) {
            assertThat(access).as("an access line for " + id)
                    .anySatisfy(l -> assertThat(l.get("requestId").asText()).isEqualTo(id));
        }
        assertThat(access).extracting(l -> l.get("route").asText())
                .contains("/v1/signup", "/v1/auth/login", "/v1/me", "/v1/users", "/v1/auth/logout");
        assertThat(lines).filteredOn(l -> l.get("logger").asText().startsWith("com.qleven.application"))
                .as("the core's System.Logger reaches logback with the request id")
                .anySatisfy(l -> assertThat(l.has("requestId")).isTrue());
    }
}
