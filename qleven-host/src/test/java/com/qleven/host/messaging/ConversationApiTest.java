package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.Inbound;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation and contact routes over HTTP on PostgreSQL, the client's messages posted by the
 * fake Graph API as Meta posts them: free text only inside the 24-hour window (a 409 saying when the
 * client last wrote otherwise), sent to Meta as a text message with the client's consent, skipped
 * without it or once the window closed, failed for good on Meta's re-engagement error; a professional
 * reads the conversation but may not reply; an unknown number waits for the desk to attribute it.
 */
class ConversationApiTest {
    private static InboundFixture fixture;
    private InboundFixture.Center center;
    private String professional;

    @BeforeAll
    static void start() {
        fixture = new InboundFixture();
    }

    /** Each test its own center (a test moves the clock a day on, past the sessions of the others). */
    @org.junit.jupiter.api.BeforeEach
    void newCenter() {
        center = fixture.newCenter("Clínica Conversación");
        String email = TestHost.newEmail("pro");
        Reply added = fixture.host.post("/v1/users", TestHost.userBody(email, "professional"), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        professional = fixture.host.login(email, TestHost.PASSWORD, null);
    }

    /** The administrator signed in again (after the clock moved past the session). */
    private String admin() {
        return fixture.host.login(center.center.adminEmail(), TestHost.PASSWORD, null);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Meta's whole seconds, a little later each time. */
    private static Instant now() {
        fixture.host.clock.advance(Duration.ofSeconds(2));
        return fixture.host.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void receive(Inbound... messages) {
        assertThat(fixture.post(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId, messages)))
                .isEqualTo(200);
        fixture.process();
    }

    private static Reply reply(String client, String text, String token) {
        return fixture.host.post("/v1/clients/" + client + "/conversation", Map.of("text", text), token);
    }

    private JsonNode outbound(String client, String messageId) {
        for (JsonNode item : center.conversation(client).json().get("items")) {
            if (item.get("id").asText().equals(messageId)) {
                return item;
            }
        }
        throw new AssertionError("no message " + messageId + " in the conversation");
    }

    @Test
    void freeTextGoesAsTextInsideTheWindowOnlyAndAProfessionalMayReadButNotReply() {
        String ana = center.client("Ana Conversa", "+34600777001", "whatsapp");
        Reply never = reply(ana, "Hola Ana", center.token());
        assertThat(never.status()).as(never.body()).isEqualTo(409);
        assertThat(never.json().get("detail").asText()).contains("never written");
        assertThat(center.conversation(ana).json().get("window").get("open").asBoolean()).isFalse();

        Instant wrote = now();
        receive(new Inbound.Text("wamid.ANA1", "34600777001", wrote, "¿Tenéis hueco mañana?", null));

        Reply read = fixture.host.get("/v1/clients/" + ana + "/conversation", professional);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode first = read.json().get("items").get(0);
        assertThat(first.get("direction").asText()).isEqualTo("in");
        assertThat(first.get("kind").asText()).isEqualTo("text");
        assertThat(first.get("text").asText()).isEqualTo("¿Tenéis hueco mañana?");
        assertThat(read.json().get("window").get("open").asBoolean()).isTrue();
        assertThat(Instant.parse(read.json().get("window").get("closesAt").asText()))
                .isEqualTo(wrote.plus(Duration.ofHours(24)));
        assertThat(reply(ana, "Sí", professional).status()).isEqualTo(403);

        Reply empty = reply(ana, "", center.token());
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("text");

        Reply queued = reply(ana, "Sí, mañana a las 10:00", center.token());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.headers().firstValue("Location")).contains("/v1/messages?clientId=" + ana);
        assertThat(queued.json().get("purpose").asText()).isEqualTo("conversation");
        assertThat(queued.json().get("status").asText()).isEqualTo("queued");
        assertThat(queued.body()).as("the answer keeps no text").doesNotContain("10:00");
        String id = queued.json().get("id").asText();

        assertThat(fixture.dispatch().sent()).isEqualTo(1);
        List<FakeGraphApi.SentMessage> sent = fixture.fake.sentTo("34600777001");
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("text");
            assertThat(s.body()).contains("Sí, mañana a las 10:00").contains(id);
        });
        JsonNode out = outbound(ana, id);
        assertThat(out.get("direction").asText()).isEqualTo("out");
        assertThat(out.get("status").asText()).isEqualTo("sent");
        assertThat(out.get("text").asText()).isEqualTo("Sí, mañana a las 10:00");

        // The client reacts to the reply: it shows on it.
        receive(new Inbound.Reaction("wamid.ANA2", "34600777001", now(), sent.get(0).wamid(), "👍"));
        assertThat(outbound(ana, id).get("reaction").asText()).isEqualTo("👍");

        fixture.host.clock.advance(Duration.ofHours(25));
        Reply closed = reply(ana, "¿Sigue en pie?", admin());
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.json().get("detail").asText()).contains("window is closed", "last wrote at");
        assertThat(closed.json().get("lastInboundAt").asText()).isNotBlank();
    }

    @Test
    void atSendTimeConsentAndTheWindowStillDecideAndMetasReEngagementErrorFailsForGood() {
        String noConsent = center.client("Sin Consentimiento", "+34600777002");
        String late = center.client("Ventana Cerrada", "+34600777003", "whatsapp");
        String refused = center.client("Meta Rechaza", "+34600777004", "whatsapp");
        receive(new Inbound.Text("wamid.NC1", "34600777002", now(), "hola", null),
                new Inbound.Text("wamid.LT1", "34600777003", now(), "hola", null),
                new Inbound.Text("wamid.RF1", "34600777004", now(), "hola", null));

        String a = reply(noConsent, "Hola", center.token()).json().get("id").asText();
        fixture.dispatch();
        assertThat(outbound(noConsent, a).get("status").asText()).isEqualTo("skipped");
        Reply listed = fixture.host.get("/v1/messages?clientId=" + refused, center.token());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(fixture.fake.sentTo("34600777002")).isEmpty();

        fixture.fake.inject(new FakeGraphApi.Fault.GraphError(131047, "Re-engagement message"));
        String c = reply(refused, "Hola", center.token()).json().get("id").asText();
        fixture.dispatch();
        Reply list = fixture.host.get("/v1/messages?clientId=" + refused, center.token());
        JsonNode message = list.json().get("items").get(0);
        assertThat(message.get("id").asText()).isEqualTo(c);
        assertThat(message.get("status").asText()).isEqualTo("failed");
        assertThat(message.get("error").get("code").asInt()).isEqualTo(131047);
        assertThat(message.get("error").get("kind").asText()).isEqualTo("never");

        String b = reply(late, "Hola", center.token()).json().get("id").asText();
        fixture.host.clock.advance(Duration.ofHours(24));
        fixture.dispatch();
        String token = admin();
        Reply lateList = fixture.host.get("/v1/messages?clientId=" + late, token);
        JsonNode skipped = lateList.json().get("items").get(0);
        assertThat(skipped.get("id").asText()).isEqualTo(b);
        assertThat(skipped.get("skippedReason").asText()).isEqualTo("outside_window");
        assertThat(fixture.fake.sentTo("34600777003")).isEmpty();
        Reply noConsentList = fixture.host.get("/v1/messages?clientId=" + noConsent, token);
        assertThat(noConsentList.json().get("items").get(0).get("skippedReason").asText())
                .isEqualTo("no_whatsapp_consent");
    }

    @Test
    void anUnknownNumberWaitsForTheDeskToAttributeIt() {
        String eva = center.client("Eva Desconocida", "+34600777010", "whatsapp");
        receive(new Inbound.Text("wamid.UNK1", "34699000111", now(), "Soy Eva, desde el móvil de mi hermana", null));

        Reply forbidden = fixture.host.get("/v1/whatsapp/contacts?status=unmatched", professional);
        assertThat(forbidden.status()).isEqualTo(403);
        Reply missing = fixture.host.get("/v1/whatsapp/contacts", center.token());
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        Reply list = fixture.host.get("/v1/whatsapp/contacts?status=unmatched", center.token());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode contact = null;
        for (JsonNode c : list.json().get("items")) {
            if (c.get("number").asText().equals("+34699000111")) {
                contact = c;
            }
        }
        assertThat(contact).as(list.body()).isNotNull();
        assertThat(contact.get("messages").asInt()).isEqualTo(1);
        assertThat(contact.get("status").asText()).isEqualTo("unmatched");
        assertThat(center.conversation(eva).json().get("items")).isEmpty();

        Reply attributed = fixture.host.post("/v1/whatsapp/contacts/" + contact.get("id").asText() + "/attribute",
                Map.of("clientId", eva), center.token());
        assertThat(attributed.status()).as(attributed.body()).isEqualTo(200);
        assertThat(attributed.json().get("attributed").asInt()).isEqualTo(1);
        assertThat(center.conversation(eva).json().get("items").get(0).get("text").asText())
                .isEqualTo("Soy Eva, desde el móvil de mi hermana");
        Reply notUuid = fixture.host.post("/v1/whatsapp/contacts/" + contact.get("id").asText() + "/attribute",
                Map.of("clientId", "nope"), center.token());
        assertThat(notUuid.status()).as(notUuid.body()).isEqualTo(400);
        Reply unknown = fixture.host.post("/v1/whatsapp/contacts/" + java.util.UUID.randomUUID() + "/attribute",
                Map.of("clientId", eva), center.token());
        assertThat(unknown.status()).isEqualTo(404);
    }
}
