package com.qleven.host.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The fake's status webhooks: Meta's payload shape, signed over the raw bytes with the app secret. */
class FakeGraphApiWebhookTest {

    @Test
    void theSignatureIsHmacSha256OfTheRawBodyInLowerCaseHex() {
        // RFC 4231-style known answer (the widely published HMAC-SHA256 example).
        assertThat(FakeGraphApi.signature("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void statusesArePostedInMetasShapeWithTheSignatureOfTheExactBytes() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<String> signature = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/whatsapp", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            signature.set(exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (FakeGraphApi fake = FakeGraphApi.start(0)) {
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/whatsapp");
            int status = fake.postStatuses(url, "app-secret-1", "9001", "7001", List.of(
                    new FakeGraphApi.Status("wamid.OUT7", "delivered", Instant.ofEpochSecond(1_767_600_000L),
                            "34600111222", "msg-9f3", null, "utility"),
                    new FakeGraphApi.Status("wamid.OUT8", "failed", Instant.ofEpochSecond(1_767_600_001L),
                            "34600111222", "msg-9f4", 131047, null)));

            assertThat(status).isEqualTo(200);
            assertThat(signature.get()).isEqualTo(FakeGraphApi.signature("app-secret-1", received.get()));
            assertThat(signature.get()).isNotEqualTo(FakeGraphApi.signature("another-secret", received.get()));
            JsonNode root = new ObjectMapper().readTree(received.get());
            assertThat(root.path("object").asText()).isEqualTo("whatsapp_business_account");
            JsonNode entry = root.path("entry").get(0);
            assertThat(entry.path("id").asText()).isEqualTo("9001");
            JsonNode change = entry.path("changes").get(0);
            assertThat(change.path("field").asText()).isEqualTo("messages");
            assertThat(change.path("value").path("metadata").path("phone_number_id").asText()).isEqualTo("7001");
            JsonNode delivered = change.path("value").path("statuses").get(0);
            assertThat(delivered.path("id").asText()).isEqualTo("wamid.OUT7");
            assertThat(delivered.path("status").asText()).isEqualTo("delivered");
            assertThat(delivered.path("timestamp").asText()).isEqualTo("1767600000");
            assertThat(delivered.path("biz_opaque_callback_data").asText()).isEqualTo("msg-9f3");
            assertThat(delivered.path("pricing").path("category").asText()).isEqualTo("utility");
            JsonNode failed = change.path("value").path("statuses").get(1);
            assertThat(failed.path("errors").get(0).path("code").asInt()).isEqualTo(131047);
        } finally {
            receiver.stop(0);
        }
    }
}
