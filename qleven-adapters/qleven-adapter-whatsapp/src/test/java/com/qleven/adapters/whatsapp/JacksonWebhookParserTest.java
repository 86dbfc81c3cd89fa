package com.qleven.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.messaging.DeliveryStatus;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JacksonWebhookParserTest {
    private final JacksonWebhookParser parser = new JacksonWebhookParser();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JacksonWebhookParserTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        }
    }

    private ParsedWebhook parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMixedBatchGivesEveryStatusOfEveryEntryAndChangeAndCountsTheRest() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("mixed-batch.json"));

        assertThat(parsed.statuses()).extracting(StatusUpdate::wamid)
                .containsExactly("wamid.OUT7", "wamid.OUT8", "wamid.OUT9", "wamid.OUT10", "wamid.OUT10");
        StatusUpdate sent = parsed.statuses().get(0);
        assertThat(sent.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(sent.kind()).contains(DeliveryStatus.Kind.SENT);
        assertThat(sent.at()).isEqualTo(Instant.ofEpochSecond(1749416498L));
        assertThat(sent.callbackData()).contains("0193a1b2-0000-7000-8000-000000000007");
        assertThat(sent.pricing()).contains(new StatusUpdate.Pricing(Optional.of("utility"), Optional.of("CBP"),
                Optional.of(true), Optional.empty()));
        assertThat(sent.conversation()).contains(new StatusUpdate.Conversation("f5fdae39a2", Optional.of("utility")));
        assertThat(sent.error()).isEmpty();

        StatusUpdate failed = parsed.statuses().get(1);
        assertThat(failed.kind()).contains(DeliveryStatus.Kind.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(131047);
            assertThat(e.title()).contains("Re-engagement message");
            assertThat(e.details().orElseThrow()).contains("more than 24 hours");
        });

        assertThat(parsed.statuses().get(2).status()).isEqualTo("deleted");
        assertThat(parsed.statuses().get(2).kind()).isEmpty();

        StatusUpdate delivered = parsed.statuses().get(3);
        assertThat(delivered.phoneNumberId()).isEqualTo("106540352242923");
        assertThat(delivered.pricing()).contains(new StatusUpdate.Pricing(Optional.of("service"), Optional.of("PMP"),
                Optional.of(false), Optional.of("free_customer_service")));
        assertThat(delivered.conversation()).isEmpty();
        assertThat(parsed.statuses().get(4).kind()).contains(DeliveryStatus.Kind.READ);

        assertThat(parsed.templateUpdates()).containsExactly(
                new TemplateStatusUpdate("102290129340398", "order_ready", "en_US", "REJECTED"));
        // the status without a wamid, the inbound message, the account_update change
        assertThat(parsed.unhandled()).isEqualTo(3);
    }

    @Test
    void bodiesThatAreNotAJsonObjectAreMalformedAndSayNothingOfTheirContent() {
        for (String body : new String[] {"", "not json +34600111222", "[1,2]", "\"text\"", "{\"a\":", "null"}) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(MalformedWebhookException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("34600111222"));
        }
    }

    @Test
    void strangeShapesAreCountedNeverAFailure() {
        assertThat(parse("{}").unhandled()).isEqualTo(1);
        assertThat(parse("{\"object\":\"page\",\"entry\":[]}").unhandled()).isEqualTo(1);
        assertThat(parse("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":7}]}").unhandled())
                .isEqualTo(1);
        ParsedWebhook odd = parse("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                 {"field":"messages","value":{"metadata":{"phone_number_id":"77"},"statuses":[
                   {"id":"wamid.A","status":"sent","timestamp":"soon"},
                   {"id":["x"],"status":"sent","timestamp":"1"},
                   {"id":"wamid.B","status":"sent","timestamp":1749416498,"pricing":"free","errors":[]},
                   7]}},
                 {"field":"messages","value":{"metadata":{"phone_number_id":"+1 555"},"statuses":[
                   {"id":"wamid.C","status":"sent","timestamp":"1"}]}},
                 {"field":"message_template_status_update","value":{"event":"APPROVED"}},
                 {"field":"messages","value":"nothing"}]}]}""");
        assertThat(odd.statuses()).isEmpty();
        assertThat(odd.templateUpdates()).isEmpty();
        assertThat(odd.unhandled()).isEqualTo(7);
    }

    @Test
    void aNumericTimestampAndLongTextsAreTakenWithTextsCut() {
        String longDetails = "d".repeat(5000);
        ParsedWebhook parsed = parse("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                 {"field":"messages","value":{"metadata":{"phone_number_id":"77"},"statuses":[
                   {"id":"wamid.A","status":"failed","timestamp":1749416498,
                    "errors":[{"code":131026,"error_data":{"details":"%s"}}],
                    "pricing":{"category":"%s"}}]}}]}]}""".formatted(longDetails, "c".repeat(100)));
        StatusUpdate s = parsed.statuses().get(0);
        assertThat(s.at()).isEqualTo(Instant.ofEpochSecond(1749416498L));
        assertThat(s.error().orElseThrow().details().orElseThrow()).hasSize(2048);
        assertThat(s.error().orElseThrow().title()).isEmpty();
        assertThat(s.pricing().orElseThrow().category().orElseThrow()).hasSize(64);
    }
}
