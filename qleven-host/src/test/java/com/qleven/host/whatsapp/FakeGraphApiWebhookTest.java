package com.qleven.host.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.adapters.whatsapp.JacksonWebhookParser;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The fake's webhooks: Meta's payload shape, signed over the raw bytes with the app secret; every
 * inbound shape it builds reads back through the production parser as what it was built from.
 */
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

    @Test
    void aMixedBatchOfEveryInboundShapeReadsBackThroughTheParserAsBuilt() throws Exception {
        Instant t = Instant.ofEpochSecond(1_767_600_000L);
        String ana = "34600111222";
        String bo = "34600333444";
        try (FakeGraphApi fake = FakeGraphApi.start(0)) {
            byte[] body = fake.payload(List.of(
                    new FakeGraphApi.Entry("9001",
                            new FakeGraphApi.Change.Messages("7001", Map.of(ana, "Ana"), List.of(
                                    new FakeGraphApi.Inbound.Text("wamid.T1", ana, t, "Hola", null),
                                    new FakeGraphApi.Inbound.Text("wamid.T2", ana, t.plusSeconds(1), "Eso", "wamid.O1"),
                                    new FakeGraphApi.Inbound.Reaction("wamid.R1", ana, t.plusSeconds(2), "wamid.O1",
                                            "\uD83D\uDC4D"),
                                    new FakeGraphApi.Inbound.Reaction("wamid.R2", ana, t.plusSeconds(3), "wamid.O1", null),
                                    new FakeGraphApi.Inbound.Media("wamid.M1", ana, t.plusSeconds(4), "document",
                                            "55501", "application/pdf", "Informe", "informe.pdf"),
                                    new FakeGraphApi.Inbound.Button("wamid.B1", ana, t.plusSeconds(5), "wamid.O2",
                                            "confirm", "Confirmar"),
                                    new FakeGraphApi.Inbound.Interactive("wamid.I1", ana, t.plusSeconds(6), "wamid.O3",
                                            true, "slot-2", "Martes"),
                                    new FakeGraphApi.Inbound.Unsupported("wamid.U1", ana, t.plusSeconds(7)),
                                    new FakeGraphApi.Inbound.NumberChange("wamid.S1", ana, t.plusSeconds(8), bo)),
                                    List.of(new FakeGraphApi.Status("wamid.O1", "read", t, ana, null, null, "utility")
                                            .conversationBased())),
                            FakeGraphApi.Change.Preference.marketingStop("7001", bo, t.plusSeconds(9))),
                    new FakeGraphApi.Entry("9002",
                            new FakeGraphApi.Change.ValueErrors("7002", List.of(131000)),
                            new FakeGraphApi.Change.TemplateStatus("cita", "es", "APPROVED"),
                            new FakeGraphApi.Change.Messages("7002", Map.of(), List.of(),
                                    List.of(new FakeGraphApi.Status("wamid.O4", "delivered", t, bo, "cb", null,
                                            "marketing"))))));

            ParsedWebhook parsed = new JacksonWebhookParser().parse(body);

            assertThat(parsed.unhandled()).isZero();
            assertThat(parsed.messages()).extracting(ReceivedMessage::kind).containsExactly(InboundKind.TEXT,
                    InboundKind.TEXT, InboundKind.REACTION, InboundKind.REACTION, InboundKind.DOCUMENT,
                    InboundKind.BUTTON, InboundKind.INTERACTIVE, InboundKind.UNSUPPORTED, InboundKind.SYSTEM);
            assertThat(parsed.messages()).allSatisfy(m -> {
                assertThat(m.phoneNumberId()).isEqualTo("7001");
                assertThat(m.from()).isEqualTo(ana);
                assertThat(m.profileName()).contains("Ana");
            });
            List<ReceivedMessage> m = parsed.messages();
            assertThat(m.get(0).text()).contains("Hola");
            assertThat(m.get(0).at()).isEqualTo(t);
            assertThat(m.get(1).contextWamid()).contains("wamid.O1");
            assertThat(m.get(2).reaction()).contains(new ReceivedMessage.Reaction("wamid.O1",
                    Optional.of("\uD83D\uDC4D")));
            assertThat(m.get(3).reaction().orElseThrow().removed()).isTrue();
            assertThat(m.get(4).media().orElseThrow().id()).isEqualTo("55501");
            assertThat(m.get(4).media().orElseThrow().filename()).contains("informe.pdf");
            assertThat(m.get(4).text()).contains("Informe");
            assertThat(m.get(5).replyId()).contains("confirm");
            assertThat(m.get(5).contextWamid()).contains("wamid.O2");
            assertThat(m.get(6).replyId()).contains("slot-2");
            assertThat(m.get(6).text()).contains("Martes");
            assertThat(m.get(7).errors()).extracting(e -> e.code()).containsExactly(131051);
            assertThat(m.get(8).system().orElseThrow().numberChanged()).isTrue();
            assertThat(m.get(8).system().orElseThrow().newWaId()).contains(bo);
            assertThat(parsed.preferences()).containsExactly(new PreferenceChange("7001", bo, t.plusSeconds(9),
                    "marketing_messages", "stop", Optional.of("User requested to stop marketing messages")));
            assertThat(parsed.errors()).extracting(e -> e.phoneNumberId().orElseThrow() + ":" + e.code())
                    .containsExactly("7002:131000");
            assertThat(parsed.templateUpdates()).containsExactly(new TemplateStatusUpdate("9002", "cita", "es",
                    "APPROVED"));
            assertThat(parsed.statuses()).extracting(StatusUpdate::wamid).containsExactly("wamid.O1", "wamid.O4");
            StatusUpdate cbp = parsed.statuses().get(0);
            assertThat(cbp.pricing().orElseThrow().model()).contains("CBP");
            assertThat(cbp.conversation().orElseThrow().origin()).contains("utility");
            StatusUpdate pmp = parsed.statuses().get(1);
            assertThat(pmp.pricing().orElseThrow().model()).contains("PMP");
            assertThat(pmp.conversation()).isEmpty();
        }
    }
}
