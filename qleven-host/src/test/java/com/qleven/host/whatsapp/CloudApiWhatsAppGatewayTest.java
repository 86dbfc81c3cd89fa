package com.qleven.host.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.adapters.whatsapp.CloudApiWhatsAppGateway;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.Acknowledged;
import com.qleven.ports.messaging.out.CreatedTemplate;
import com.qleven.ports.messaging.out.GraphResult;
import com.qleven.ports.messaging.out.SendResult;
import com.qleven.ports.messaging.out.TemplateDraft;
import com.qleven.ports.messaging.out.TemplateMessage;
import com.qleven.ports.messaging.out.TemplatePage;
import com.qleven.ports.messaging.out.TemplateParameters;
import com.qleven.ports.messaging.out.TextMessage;
import com.qleven.host.whatsapp.FakeGraphApi.Fault;
import com.qleven.host.whatsapp.FakeGraphApi.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cloud API adapter against the fake Graph API over real HTTP: what goes on the wire, how each
 * of Meta's refusals is classified, and that no call is ever sent twice by the HTTP client.
 */
class CloudApiWhatsAppGatewayTest {
    private static final String TOKEN = "EAAG-center-token";
    private static final String NUMBER = "106540352242922";
    private static final String WABA = "102290129340398";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeGraphApi fake;
    private CloudApiWhatsAppGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeGraphApi.start(0).acceptToken(TOKEN).appCredentials("app-1", "app-secret-1");
        gateway = CloudApiWhatsAppGateway.create(CloudApiWhatsAppGateway.Settings.of(fake.baseUrl(), "v23.0", "app-1",
                "app-secret-1").withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static TemplateMessage reminder() {
        return new TemplateMessage(NUMBER, "+34600111222", "appointment_reminder", "es_ES",
                List.of(TemplateParameters.body(List.of("Ana", "martes 10:30")),
                        TemplateParameters.urlButton(0, "mg-7f3a")),
                "msg-0b9e6f2c");
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.body());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aTemplateGoesToTheNumbersMessagesWithTheCentersTokenAndOurOpaqueId() throws Exception {
        SendResult result = gateway.sendTemplate(new AccessToken(TOKEN), reminder());

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) result).wamid()).startsWith("wamid.FAKE");
        RecordedRequest request = fake.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v23.0/" + NUMBER + "/messages");
        assertThat(request.headers()).containsEntry("authorization", "Bearer " + TOKEN);
        assertThat(request.headers().get("content-type")).startsWith("application/json");
        JsonNode body = body(request);
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo("+34600111222");
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("msg-0b9e6f2c");
        assertThat(body.path("template").path("name").asText()).isEqualTo("appointment_reminder");
        assertThat(body.path("template").path("language").path("code").asText()).isEqualTo("es_ES");
        assertThat(body.path("template").path("components")).isEqualTo(JSON.readTree("""
                [{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"martes 10:30"}]},
                 {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"mg-7f3a"}]}]"""));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void theGraphApiSeesOnlyTheAllowListedFields() throws Exception {
        // P9: nothing about the client or the center beyond what Meta needs to deliver leaves Qleven.
        gateway.sendTemplate(new AccessToken(TOKEN), reminder());
        gateway.sendText(new AccessToken(TOKEN), new TextMessage(NUMBER, "34600111222", "Hasta mañana", "msg-2"));

        JsonNode template = body(fake.requests().get(0));
        assertThat(fields(template)).isEqualTo(Set.of("messaging_product", "recipient_type", "to", "type", "template",
                "biz_opaque_callback_data"));
        assertThat(fields(template.path("template"))).isEqualTo(Set.of("name", "language", "components"));
        assertThat(fields(template.path("template").path("language"))).isEqualTo(Set.of("code"));
        for (JsonNode component : template.path("template").path("components")) {
            assertThat(fields(component)).isSubsetOf("type", "sub_type", "index", "parameters");
            for (JsonNode parameter : component.path("parameters")) {
                assertThat(fields(parameter)).isEqualTo(Set.of("type", "text"));
            }
        }
        JsonNode text = body(fake.requests().get(1));
        assertThat(fields(text)).isEqualTo(Set.of("messaging_product", "recipient_type", "to", "type", "text",
                "biz_opaque_callback_data"));
        assertThat(fields(text.path("text"))).isEqualTo(Set.of("body"));
        assertThat(text.path("text").path("body").asText()).isEqualTo("Hasta mañana");
        assertThat(text.path("type").asText()).isEqualTo("text");
    }

    @Test
    void markingReadPostsTheReadStatusOfThatMessage() throws Exception {
        GraphResult<Acknowledged> result = gateway.markRead(new AccessToken(TOKEN), NUMBER, "wamid.IN1");

        assertThat(result).isEqualTo(new GraphResult.Done<>(new Acknowledged()));
        RecordedRequest request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/v23.0/" + NUMBER + "/messages");
        assertThat(body(request)).isEqualTo(JSON.readTree(
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.IN1\"}"));
    }

    @Test
    void templatesArePagedByMetasCursorUntilTheLastPage() {
        fake.addTemplate(WABA, "confirmation", "es_ES", "UTILITY", "APPROVED",
                "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, te esperamos el {{2}}.\"}]");
        fake.addTemplate(WABA, "reminder", "es_ES", "UTILITY", "PENDING", "[{\"type\":\"BODY\",\"text\":\"{{1}}\"}]");
        fake.addTemplate(WABA, "promo", "en_US", "MARKETING", "REJECTED", "[{\"type\":\"BODY\",\"text\":\"Hi\"}]");
        fake.addTemplate("999", "other_account", "en_US", "UTILITY", "APPROVED", "[]");
        AccessToken token = new AccessToken(TOKEN);

        List<String> names = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            GraphResult<TemplatePage> result = gateway.listTemplates(token, WABA, 2, after);
            TemplatePage page = ((GraphResult.Done<TemplatePage>) result).value();
            page.items().forEach(t -> names.add(t.name() + "/" + t.language() + "/" + t.status()));
            if (pages == 0) {
                assertThat(page.items().get(0).category()).isEqualTo("UTILITY");
                assertThat(page.items().get(0).components()).hasSize(1);
                assertThat(page.items().get(0).components().get(0).type()).isEqualTo("BODY");
                assertThat(page.items().get(0).components().get(0).text()).isEqualTo("Hola {{1}}, te esperamos el {{2}}.");
                assertThat(page.items().get(0).componentsJson()).contains("te esperamos");
            }
            after = page.after();
            pages++;
        } while (after.isPresent() && pages < 5);

        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("confirmation/es_ES/APPROVED", "reminder/es_ES/PENDING",
                "promo/en_US/REJECTED");
        RecordedRequest first = fake.requests().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/v23.0/" + WABA + "/message_templates");
        assertThat(first.query()).contains("limit=2").contains("fields=").doesNotContain("after=");
        assertThat(first.headers()).containsEntry("authorization", "Bearer " + TOKEN);
        assertThat(fake.requests().get(1).query()).contains("after=");
    }

    @Test
    void aCreatedTemplateIsSubmittedAndStartsPending() throws Exception {
        String components = "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}\",\"example\":{\"body_text\":[[\"Ana\"]]}}]";
        GraphResult<CreatedTemplate> result = gateway.createTemplate(new AccessToken(TOKEN), WABA,
                new TemplateDraft("visit_follow_up", "es_ES", "UTILITY", components));

        CreatedTemplate created = ((GraphResult.Done<CreatedTemplate>) result).value();
        assertThat(created.status()).isEqualTo("PENDING");
        assertThat(created.category()).isEqualTo("UTILITY");
        RecordedRequest request = fake.requests().get(0);
        assertThat(request.path()).isEqualTo("/v23.0/" + WABA + "/message_templates");
        JsonNode body = body(request);
        assertThat(fields(body)).isEqualTo(Set.of("name", "language", "category", "components"));
        assertThat(body.path("components")).isEqualTo(JSON.readTree(components));
        TemplatePage listed = ((GraphResult.Done<TemplatePage>) gateway.listTemplates(new AccessToken(TOKEN), WABA, 10,
                Optional.empty())).value();
        assertThat(listed.items()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(created.id());
            assertThat(t.status()).isEqualTo("PENDING");
        });
        assertThat(listed.after()).isEmpty();

        GraphResult<CreatedTemplate> again = gateway.createTemplate(new AccessToken(TOKEN), WABA,
                new TemplateDraft("visit_follow_up", "es_ES", "UTILITY", components));
        assertThat(again).isInstanceOfSatisfying(GraphResult.Refused.class,
                refused -> assertThat(refused.failure().graphCode()).isEqualTo(100));
    }

    @Test
    void embeddedSignupExchangesTheCodeThenRegistersTheNumberAndSubscribesTheApp() throws Exception {
        fake.signupCode("es-code-1", "EAAG-business-token");

        GraphResult<AccessToken> exchanged = gateway.exchangeSignupCode("es-code-1");
        AccessToken business = ((GraphResult.Done<AccessToken>) exchanged).value();
        assertThat(business.value()).isEqualTo("EAAG-business-token");
        assertThat(gateway.registerPhoneNumber(business, "7001", "482913"))
                .isEqualTo(new GraphResult.Done<>(new Acknowledged()));
        assertThat(gateway.subscribeApp(business, "9001")).isEqualTo(new GraphResult.Done<>(new Acknowledged()));

        List<RecordedRequest> requests = fake.requests();
        assertThat(requests.get(0).method()).isEqualTo("GET");
        assertThat(requests.get(0).path()).isEqualTo("/v23.0/oauth/access_token");
        assertThat(requests.get(0).query()).contains("client_id=app-1", "client_secret=app-secret-1", "code=es-code-1");
        assertThat(requests.get(0).headers()).doesNotContainKey("authorization");
        assertThat(requests.get(1).path()).isEqualTo("/v23.0/7001/register");
        assertThat(body(requests.get(1))).isEqualTo(JSON.readTree("{\"messaging_product\":\"whatsapp\",\"pin\":\"482913\"}"));
        assertThat(requests.get(1).headers()).containsEntry("authorization", "Bearer EAAG-business-token");
        assertThat(requests.get(2).method()).isEqualTo("POST");
        assertThat(requests.get(2).path()).isEqualTo("/v23.0/9001/subscribed_apps");

        // A code is good once (Meta's live about 30 s): a second exchange is refused, never retried.
        assertThat(gateway.exchangeSignupCode("es-code-1")).isInstanceOfSatisfying(GraphResult.Refused.class,
                refused -> assertThat(refused.failure().kind()).isEqualTo(SendFailure.Kind.NEVER));
    }

    @Test
    void aTokenMetaDoesNotKnowIsReconnectAndTheTokenShowsNowhere() {
        SendResult result = gateway.sendTemplate(new AccessToken("EAAG-revoked"), reminder());

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertThat(refused.failure().graphCode()).isEqualTo(190);
            assertThat(refused.failure().kind()).isEqualTo(SendFailure.Kind.RECONNECT);
        });
        assertThat(result.toString()).doesNotContain("EAAG-revoked").doesNotContain("34600111222");
        assertThat(new AccessToken("EAAG-revoked").toString()).doesNotContain("EAAG");
        assertThat(reminder().toString()).doesNotContain("34600111222").doesNotContain("Ana");
        assertThat(gateway.toString()).doesNotContain("app-secret-1");
    }

    @ParameterizedTest(name = "Graph error {0} is {1}")
    @CsvSource({"130429, RETRY_LATER", "131056, RETRY_RECIPIENT_LATER", "131047, NEVER", "190, RECONNECT",
            "131000, RETRY_LATER", "132001, NEVER"})
    void eachGraphErrorIsClassifiedByItsCodeAndSentOnce(int code, SendFailure.Kind kind) {
        fake.inject(Fault.graphError(code));

        SendResult result = gateway.sendTemplate(new AccessToken(TOKEN), reminder());

        assertThat(result).isEqualTo(new SendResult.Refused(
                new SendFailure(code, kind, Optional.of("injected " + code))));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aServerErrorWithoutABodyIsRetryLaterAndSentOnce() {
        fake.inject(new Fault.ServerError());

        SendResult result = gateway.sendTemplate(new AccessToken(TOKEN), reminder());

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertThat(refused.failure().kind()).isEqualTo(SendFailure.Kind.RETRY_LATER);
            assertThat(refused.failure().graphCode()).isEqualTo(500);
        });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aConnectionDroppedAfterTheRequestLeftIsUnknownAndNeverResent() throws Exception {
        // A first call leaves a pooled connection: the case where a retrying client resends at once.
        gateway.markRead(new AccessToken(TOKEN), NUMBER, "wamid.IN1");
        fake.reset();
        fake.inject(new Fault.Dropped());

        SendResult result = gateway.sendTemplate(new AccessToken(TOKEN), reminder());

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(((SendResult.Unknown) result).reason()).doesNotContain(TOKEN).doesNotContain("127.0.0.1");
        Thread.sleep(200); // a retry by OkHttp would arrive at once; none may
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnknownAndNeverResent() throws Exception {
        fake.inject(new Fault.Slow(Duration.ofMillis(1500)));

        long started = System.nanoTime();
        SendResult result = gateway.sendTemplate(new AccessToken(TOKEN), reminder());

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
        Thread.sleep(1300); // past the slow answer: still the one request
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsSent() {
        fake.inject(new Fault.Slow(Duration.ofMillis(100)));

        assertThat(gateway.sendTemplate(new AccessToken(TOKEN), reminder())).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void aRequestThatCouldNotLeaveIsRetryLaterNotUnknown() {
        FakeGraphApi gone = FakeGraphApi.start(0);
        URI closed = gone.baseUrl();
        gone.close();
        CloudApiWhatsAppGateway unreachable = CloudApiWhatsAppGateway.create(closed, "v23.0", "app-1", "app-secret-1");

        SendResult result = unreachable.sendTemplate(new AccessToken(TOKEN), reminder());

        // Nothing reached Meta: sending again later duplicates nothing.
        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class, refused -> {
            assertThat(refused.failure().graphCode()).isEqualTo(CloudApiWhatsAppGateway.NOT_SENT);
            assertThat(refused.failure().kind()).isEqualTo(SendFailure.Kind.RETRY_LATER);
        });
    }

    @Test
    void faultsAreTakenOnePerRequestInOrder() {
        fake.inject(Fault.graphError(130429)).inject(new Fault.ServerError());
        AccessToken token = new AccessToken(TOKEN);

        List<SendResult> results = List.of(gateway.sendTemplate(token, reminder()),
                gateway.sendTemplate(token, reminder()), gateway.sendTemplate(token, reminder()));

        Iterator<SendResult> it = results.iterator();
        assertThat(((SendResult.Refused) it.next()).failure().graphCode()).isEqualTo(130429);
        assertThat(((SendResult.Refused) it.next()).failure().graphCode()).isEqualTo(500);
        assertThat(it.next()).isInstanceOf(SendResult.Sent.class);
        assertThat(fake.requests()).hasSize(3);
    }
}
