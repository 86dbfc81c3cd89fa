package com.qleven.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.messaging.DeliveryStatus;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import com.qleven.ports.messaging.out.WebhookValueError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(parsed.messages()).extracting(ReceivedMessage::wamid).containsExactly("wamid.IN1");
        // the status without a wamid, the account_update change
        assertThat(parsed.unhandled()).isEqualTo(2);
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

    private static ReceivedMessage only(ParsedWebhook parsed, String wamid) {
        return parsed.messages().stream().filter(m -> m.wamid().equals(wamid)).findFirst().orElseThrow();
    }

    @Test
    void inboundTextsCarryTheCenterNumberTheSenderTheirProfileNameTheTimeAndWhatTheyAnswer() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-text.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::wamid)
                .containsExactly("wamid.IN1", "wamid.IN2", "wamid.IN3");
        ReceivedMessage first = parsed.messages().get(0);
        assertThat(first.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(first.from()).isEqualTo("16505551234");
        assertThat(first.profileName()).contains("Ana Silva");
        assertThat(first.at()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(first.kind()).isEqualTo(InboundKind.TEXT);
        assertThat(first.text()).contains("Can I move my appointment to Friday?");
        assertThat(first.contextWamid()).isEmpty();
        assertThat(first.replyId()).isEmpty();
        assertThat(first.media()).isEmpty();
        assertThat(first.reaction()).isEmpty();
        assertThat(first.system()).isEmpty();
        assertThat(first.errors()).isEmpty();
        ReceivedMessage second = parsed.messages().get(1);
        assertThat(second.profileName()).contains("Bo Chen");
        assertThat(second.at()).isEqualTo(Instant.ofEpochSecond(1749416384L));
        assertThat(second.contextWamid()).contains("wamid.OUT1");
        assertThat(parsed.messages().get(2).profileName()).as("a sender absent from contacts[]").isEmpty();
        assertThat(first.toString()).doesNotContain("16505551234").doesNotContain("Ana").doesNotContain("Friday");
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void reactionsAreAddedOrRemovedAndOneWithoutItsTargetIsCounted() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-reactions.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::wamid)
                .containsExactly("wamid.RE1", "wamid.RE2", "wamid.RE3");
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.kind()).isEqualTo(InboundKind.REACTION));
        assertThat(only(parsed, "wamid.RE1").reaction())
                .contains(new ReceivedMessage.Reaction("wamid.OUT1", Optional.of("\uD83D\uDC4D")));
        assertThat(only(parsed, "wamid.RE1").reaction().orElseThrow().removed()).isFalse();
        assertThat(only(parsed, "wamid.RE2").reaction().orElseThrow().removed()).as("empty emoji").isTrue();
        assertThat(only(parsed, "wamid.RE3").reaction())
                .contains(new ReceivedMessage.Reaction("wamid.OUT2", Optional.empty()));
        assertThat(parsed.unhandled()).isEqualTo(1);
    }

    @Test
    void mediaIsKeptByMetaIdWithItsTypeHashFileNameAndCaption() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-media.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::kind).containsExactly(InboundKind.IMAGE,
                InboundKind.AUDIO, InboundKind.VIDEO, InboundKind.DOCUMENT, InboundKind.STICKER);
        ReceivedMessage image = only(parsed, "wamid.ME1");
        assertThat(image.media()).contains(new ReceivedMessage.Media("1003383421387256", Optional.of("image/jpeg"),
                Optional.of("HgCHnrW0WqVGA4Wr8y3tMvVYl2wYfvxO9wrlWjo6Zlw="), Optional.empty()));
        assertThat(image.text()).contains("My skin after the peel");
        assertThat(only(parsed, "wamid.ME2").media().orElseThrow().mimeType()).contains("audio/ogg; codecs=opus");
        assertThat(only(parsed, "wamid.ME2").text()).isEmpty();
        ReceivedMessage document = only(parsed, "wamid.ME4");
        assertThat(document.media().orElseThrow().filename()).contains("prescription.pdf");
        assertThat(document.media().orElseThrow().id()).isEqualTo("1003383421387259");
        assertThat(document.text()).contains("Prescription");
        assertThat(only(parsed, "wamid.ME5").media().orElseThrow().id()).isEqualTo("1003383421387260");
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.media()).isPresent());
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void quickRepliesAndInteractiveRepliesGiveTheReplyIdTheTitleAndTheMessageTheyAnswer() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-replies.json"));

        ReceivedMessage button = only(parsed, "wamid.BT1");
        assertThat(button.kind()).isEqualTo(InboundKind.BUTTON);
        assertThat(button.replyId()).contains("confirm");
        assertThat(button.text()).contains("Confirm");
        assertThat(button.contextWamid()).contains("wamid.OUT7");
        ReceivedMessage tapped = only(parsed, "wamid.IA1");
        assertThat(tapped.kind()).isEqualTo(InboundKind.INTERACTIVE);
        assertThat(tapped.replyId()).contains("cancel");
        assertThat(tapped.text()).contains("Cancel");
        assertThat(tapped.contextWamid()).contains("wamid.OUT8");
        ReceivedMessage listed = only(parsed, "wamid.IA2");
        assertThat(listed.replyId()).contains("slot-2");
        assertThat(listed.text()).contains("Tuesday 10:00");
        assertThat(listed.contextWamid()).contains("wamid.OUT9");
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.kind().reply()).isTrue());
    }

    @Test
    void locationsContactCardsAndOrdersKeepAShortTextAndNeverCoordinatesOrNumbers() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-location-contacts-order.json"));

        assertThat(only(parsed, "wamid.LO1").kind()).isEqualTo(InboundKind.LOCATION);
        assertThat(only(parsed, "wamid.LO1").text()).contains("Hotel Sol, Calle Mayor 1, Madrid");
        assertThat(only(parsed, "wamid.LO2").text()).as("coordinates only").isEmpty();
        ReceivedMessage card = only(parsed, "wamid.CO1");
        assertThat(card.kind()).isEqualTo(InboundKind.CONTACTS);
        assertThat(card.text()).contains("Lucia Perez, Marc");
        assertThat(only(parsed, "wamid.OR1").kind()).isEqualTo(InboundKind.ORDER);
        assertThat(only(parsed, "wamid.OR1").text()).contains("For Saturday");
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.text().orElse(""))
                .doesNotContain("40.4168").doesNotContain("600").doesNotContain("3.7038"));
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void systemMessagesGiveTheirTypeAndTheNewNumberUnderEitherName() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-system.json"));

        ReceivedMessage changed = only(parsed, "wamid.SY1");
        assertThat(changed.kind()).isEqualTo(InboundKind.SYSTEM);
        assertThat(changed.from()).isEqualTo("16505551234");
        assertThat(changed.system()).contains(new ReceivedMessage.SystemChange("user_changed_number",
                Optional.of("16505554321")));
        assertThat(changed.system().orElseThrow().numberChanged()).isTrue();
        assertThat(changed.text()).contains("Ana changed from 16505551234 to 16505554321");
        ReceivedMessage former = only(parsed, "wamid.SY2");
        assertThat(former.system()).contains(new ReceivedMessage.SystemChange("customer_changed_number",
                Optional.of("16505550001")));
        assertThat(former.system().orElseThrow().numberChanged()).isTrue();
        ReceivedMessage identity = only(parsed, "wamid.SY3");
        assertThat(identity.system()).contains(new ReceivedMessage.SystemChange("user_identity_changed",
                Optional.empty()));
        assertThat(identity.system().orElseThrow().numberChanged()).isFalse();
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void unsupportedAndUnknownTypesAreKeptWithMetasErrors() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("inbound-unsupported.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::type)
                .containsExactly("unsupported", "unknown", "ephemeral_poll");
        assertThat(parsed.messages()).allSatisfy(m -> assertThat(m.kind()).isEqualTo(InboundKind.UNSUPPORTED));
        assertThat(only(parsed, "wamid.UN1").errors()).containsExactly(new WebhookValueError(
                Optional.of("106540352242922"), 131051, Optional.of("Message type unknown"),
                Optional.of("Message type is currently not supported.")));
        assertThat(only(parsed, "wamid.UN2").errors()).extracting(WebhookValueError::code).containsExactly(131051);
        assertThat(only(parsed, "wamid.UN2").errors().get(0).details()).contains("Message type unknown");
        assertThat(only(parsed, "wamid.UN3").errors()).isEmpty();
        assertThat(parsed.errors()).as("message errors stay on their message").isEmpty();
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void userPreferencesGiveStopsAndResumesOfMarketingAndCountOneWithoutItsTime() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("user-preferences.json"));

        assertThat(parsed.preferences()).containsExactly(
                new PreferenceChange("106540352242922", "16505551234", Instant.ofEpochSecond(1731705721L),
                        "marketing_messages", "stop", Optional.of("User requested to stop marketing messages")),
                new PreferenceChange("106540352242922", "16505550000", Instant.ofEpochSecond(1731705722L),
                        "marketing_messages", "resume", Optional.of("User requested to resume marketing messages")));
        assertThat(parsed.preferences().get(0).marketingStop()).isTrue();
        assertThat(parsed.preferences().get(1).marketingResume()).isTrue();
        assertThat(parsed.messages()).isEmpty();
        assertThat(parsed.unhandled()).isEqualTo(1);
    }

    @Test
    void valueErrorsNameTheirNumberAndOneWithoutACodeIsCounted() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("value-errors.json"));

        assertThat(parsed.errors()).containsExactly(
                new WebhookValueError(Optional.of("106540352242922"), 131000, Optional.of("Something went wrong"),
                        Optional.of("Unable to process the incoming message")),
                new WebhookValueError(Optional.of("106540352242922"), 131052, Optional.of("Media download error"),
                        Optional.of("Media download error")));
        assertThat(parsed.unhandled()).isEqualTo(1);
    }

    @Test
    void statusesOfBothPricingModelsAreRead() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("statuses-pricing.json"));

        StatusUpdate conversationBased = parsed.statuses().get(0);
        assertThat(conversationBased.pricing()).contains(new StatusUpdate.Pricing(Optional.of("marketing"),
                Optional.of("CBP"), Optional.of(true), Optional.empty()));
        assertThat(conversationBased.conversation())
                .contains(new StatusUpdate.Conversation("c0ffee0001", Optional.of("marketing")));
        StatusUpdate perMessage = parsed.statuses().get(1);
        assertThat(perMessage.pricing()).contains(new StatusUpdate.Pricing(Optional.of("utility"), Optional.of("PMP"),
                Optional.of(true), Optional.of("regular")));
        assertThat(perMessage.conversation()).isEmpty();
        assertThat(parsed.unhandled()).isZero();
    }

    @Test
    void aMixedInboundBatchGivesEveryItemOfEveryEntryAndChange() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("mixed-inbound-batch.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::wamid)
                .containsExactly("wamid.MX1", "wamid.MX2", "wamid.MX3");
        assertThat(parsed.messages()).extracting(ReceivedMessage::phoneNumberId)
                .containsExactly("106540352242922", "106540352242923", "106540352242923");
        assertThat(only(parsed, "wamid.MX2").profileName()).contains("Bo Chen");
        assertThat(only(parsed, "wamid.MX2").replyId()).contains("cancel");
        assertThat(parsed.statuses()).extracting(StatusUpdate::wamid).containsExactly("wamid.OUT31", "wamid.OUT33");
        assertThat(parsed.preferences()).extracting(PreferenceChange::waId).containsExactly("16505550000");
        assertThat(parsed.errors()).extracting(WebhookValueError::phoneNumberId)
                .containsExactly(Optional.of("106540352242923"));
        assertThat(parsed.templateUpdates()).containsExactly(
                new TemplateStatusUpdate("102290129340399", "appointment_confirmation", "es", "APPROVED"));
        assertThat(parsed.unhandled()).as("the phone_number_quality_update change").isEqualTo(1);
    }

    @Test
    void inboundItemsMissingTheirWamidSenderOrTimeAreCountedNeverAFailure() throws IOException {
        ParsedWebhook parsed = parser.parse(resource("broken-inbound.json"));

        assertThat(parsed.messages()).extracting(ReceivedMessage::wamid).containsExactly("wamid.BR8", "wamid.BR9");
        assertThat(only(parsed, "wamid.BR8").kind()).as("no type").isEqualTo(InboundKind.UNSUPPORTED);
        assertThat(only(parsed, "wamid.BR9").text()).isEmpty();
        // six broken messages, the string item, the message to an unreadable number, the odd preferences
        assertThat(parsed.unhandled()).isEqualTo(9);
    }

    @Test
    void longTextsAndNamesAreCutAndOverlongIdsAreNoIds() {
        String body = "a" + "\uD83D\uDE00".repeat(3000);
        ParsedWebhook parsed = parse("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                 {"field":"messages","value":{"metadata":{"phone_number_id":"77"},
                  "contacts":[{"profile":{"name":"%s"},"wa_id":"34600111222"}],
                  "messages":[
                   {"from":"34600111222","id":"wamid.L1","timestamp":"1","type":"text","text":{"body":"%s"}},
                   {"from":"34600111222","id":"%s","timestamp":"1","type":"text","text":{"body":"x"}},
                   {"from":"34600111222","id":"wamid.L3","timestamp":"1","type":"button",
                    "button":{"payload":"%s","text":"ok"}}]}}]}]}"""
                .formatted("n".repeat(1000), body, "w".repeat(300), "p".repeat(300)));
        ReceivedMessage text = only(parsed, "wamid.L1");
        assertThat(text.text().orElseThrow()).hasSizeLessThanOrEqualTo(4096)
                .satisfies(t -> assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse());
        assertThat(text.profileName().orElseThrow()).hasSize(256);
        assertThat(only(parsed, "wamid.L3").replyId()).isEmpty();
        assertThat(parsed.messages()).hasSize(2);
        assertThat(parsed.unhandled()).isEqualTo(1);
    }

    private static final List<String> CORPUS = List.of("mixed-batch.json", "inbound-text.json",
            "inbound-reactions.json", "inbound-media.json", "inbound-replies.json",
            "inbound-location-contacts-order.json", "inbound-system.json", "inbound-unsupported.json",
            "user-preferences.json", "value-errors.json", "statuses-pricing.json", "mixed-inbound-batch.json",
            "broken-inbound.json");

    /** Every container of the tree, parents before children. */
    private static void containers(JsonNode node, List<ContainerNode<?>> out) {
        if (node instanceof ContainerNode<?> c) {
            out.add(c);
            node.elements().forEachRemaining(child -> containers(child, out));
        }
    }

    @Test
    void anyValueOfTheCorpusReplacedByAnotherShapeIsReadOrCountedNeverAFailure() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> strange = List.of(nodes.nullNode(), nodes.numberNode(-7), nodes.textNode(""),
                nodes.textNode("x".repeat(5000)), nodes.arrayNode().add(1), nodes.objectNode().put("a", "b"),
                nodes.booleanNode(true), nodes.numberNode(1.5e300));
        int parsed = 0;
        for (String name : CORPUS) {
            JsonNode original = mapper.readTree(resource(name));
            ParsedWebhook whole = parser.parse(resource(name));
            int baseline = whole.messages().size();
            assertThat(baseline + whole.statuses().size() + whole.preferences().size() + whole.errors().size())
                    .as(name + " reads something").isPositive();
            List<ContainerNode<?>> inOriginal = new ArrayList<>();
            containers(original, inOriginal);
            for (int c = 0; c < inOriginal.size(); c++) {
                int size = inOriginal.get(c).size();
                List<String> fields = new ArrayList<>();
                if (inOriginal.get(c) instanceof ObjectNode o) {
                    o.fieldNames().forEachRemaining(fields::add);
                }
                for (int k = 0; k < size; k++) {
                    for (JsonNode replacement : strange) {
                        JsonNode copy = original.deepCopy();
                        List<ContainerNode<?>> inCopy = new ArrayList<>();
                        containers(copy, inCopy);
                        if (inCopy.get(c) instanceof ObjectNode o) {
                            o.set(fields.get(k), replacement);
                        } else {
                            ((ArrayNode) inCopy.get(c)).set(k, replacement);
                        }
                        byte[] body = mapper.writeValueAsBytes(copy);
                        ParsedWebhook result = parser.parse(body);
                        assertThat(result.messages().size()).as(name).isLessThanOrEqualTo(baseline + 1);
                        parsed++;
                    }
                }
            }
        }
        assertThat(parsed).isGreaterThan(2000);
    }
}
