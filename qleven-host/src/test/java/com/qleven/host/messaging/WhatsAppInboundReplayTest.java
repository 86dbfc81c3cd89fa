package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.Change;
import com.qleven.host.whatsapp.FakeGraphApi.Entry;
import com.qleven.host.whatsapp.FakeGraphApi.Inbound;
import com.qleven.host.whatsapp.FakeGraphApi.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's first "done when", end to end over HTTP on PostgreSQL: batches of real-shaped webhook
 * payloads built by the fake Graph API (inbound text, quick-reply and interactive replies, reactions
 * added and removed, media, an unsupported type, a number change, a STOP, a marketing stop from
 * {@code user_preferences}, a template status update, value-level errors, statuses of both pricing
 * models, and a mixed batch of several entries and changes) posted signed to one center once in order,
 * and to another center three times in shuffled order with processing in between, are never answered
 * with a 5xx, and leave both centers in the same state as staff see it: each client's conversation,
 * consents and record, the center's messages, templates and contacts to attribute, and the
 * appointments the replies touched.
 */
class WhatsAppInboundReplayTest {
    private static InboundFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new InboundFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** A center's clients, their appointments and the confirmations sent for them. */
    record Seeded(InboundFixture.Center center, Map<String, String> clients, String anaAppointment,
                  String boAppointment, String anaConfirmation, String boConfirmation) {
    }

    private static final String ANA = "34600111222";
    private static final String BO = "34600333444";
    private static final String CARLA = "34600777000";
    private static final String CARLA_NEW = "34600777001";
    private static final String SHARED = "34600555666";
    private static final String STRANGER = "34600999888";

    private static Seeded seed(String name) {
        InboundFixture.Center c = fixture.newCenter(name);
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("ana", c.client("Ana García", "+" + ANA, "whatsapp", "marketing"));
        clients.put("bo", c.client("Bo Chen", "+" + BO, "whatsapp", "marketing"));
        clients.put("carla", c.client("Carla Ruiz", "+" + CARLA, "whatsapp"));
        clients.put("marta", c.client("Marta Soler", "+" + SHARED, "whatsapp"));
        clients.put("leo", c.client("Leo Soler", "+" + SHARED));
        String anaAppointment = c.book(clients.get("ana"), 3, 10);
        String boAppointment = c.book(clients.get("bo"), 3, 12);
        return new Seeded(c, clients, anaAppointment, boAppointment, null, null);
    }

    private static Seeded sent(Seeded s) {
        return new Seeded(s.center(), s.clients(), s.anaAppointment(), s.boAppointment(),
                s.center().wamid(s.anaAppointment(), "confirmation"), s.center().wamid(s.boAppointment(), "confirmation"));
    }

    /** Every POST Meta would make about the center, one body each, in the order Meta would make them. */
    private static List<byte[]> payloads(Seeded s, Instant t0) {
        FakeGraphApi fake = fixture.fake;
        String n = s.center().phoneNumberId;
        String waba = s.center().wabaId;
        String wAna = s.anaConfirmation();
        String wBo = s.boConfirmation();
        Map<String, String> names = Map.of(ANA, "Ana", BO, "Bo", CARLA, "Carla", SHARED, "Marta");
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(fake.payload(waba, new Change.Messages(n, names,
                List.of(new Inbound.Text(in(n, 1), ANA, at(t0, 10), "¿Puedo cambiar la hora?", null)),
                List.of(new Status(wAna, "sent", at(t0, 1), ANA, null, null, "utility")))));
        bodies.add(fake.payload(waba, new Change.Messages(n, names, List.of(), List.of(
                new Status(wAna, "delivered", at(t0, 2), ANA, null, null, "utility"),
                new Status(wAna, "read", at(t0, 3), ANA, null, null, null),
                new Status(wBo, "sent", at(t0, 1), BO, null, null, "utility").conversationBased(),
                new Status(wBo, "delivered", at(t0, 4), BO, null, null, "utility").conversationBased()))));
        bodies.add(fake.inboundPayload(waba, n,
                new Inbound.Button(in(n, 2), ANA, at(t0, 20), wAna, "Confirmar", "Confirmar")));
        bodies.add(fake.inboundPayload(waba, n,
                new Inbound.Interactive(in(n, 3), BO, at(t0, 21), wBo, true, "slot-2", "Martes 10:00")));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.Reaction(in(n, 4), ANA, at(t0, 30), wAna, "\uD83D\uDC4D")));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.Reaction(in(n, 5), ANA, at(t0, 40), wAna, "")));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.Reaction(in(n, 6), BO, at(t0, 31), wBo, "\u2764\uFE0F")));
        bodies.add(fake.inboundPayload(waba, n,
                new Inbound.Media(in(n, 7), ANA, at(t0, 50), "image", "media-" + n + "-7", "image/jpeg",
                        "Así quedó la piel", null),
                new Inbound.Media(in(n, 8), ANA, at(t0, 51), "document", "media-" + n + "-8", "application/pdf",
                        null, "receta.pdf"),
                new Inbound.Media(in(n, 9), BO, at(t0, 52), "audio", "media-" + n + "-9", "audio/ogg; codecs=opus",
                        null, null)));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.Unsupported(in(n, 10), BO, at(t0, 60))));
        bodies.add(fake.inboundPayload(waba, n,
                new Inbound.Text(in(n, 11), STRANGER, at(t0, 70), "Hola, ¿tenéis hueco?", null)));
        bodies.add(fake.inboundPayload(waba, n,
                new Inbound.Text(in(n, 12), SHARED, at(t0, 71), "Soy la madre de Leo", null)));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.NumberChange(in(n, 13), CARLA, at(t0, 80), CARLA_NEW)));
        bodies.add(fake.inboundPayload(waba, n, new Inbound.Text(in(n, 14), BO, at(t0, 90), "STOP", null)));
        bodies.add(fake.payload(waba, Change.Preference.marketingStop(n, ANA, at(t0, 91))));
        bodies.add(fake.payload(waba, new Change.TemplateStatus(InboundFixture.PENDING_REMINDER, "es", "APPROVED")));
        bodies.add(fake.payload(waba, new Change.ValueErrors(n, List.of(131000, 131052))));
        bodies.add(fake.payload(List.of(
                new Entry(waba,
                        new Change.Messages(n, names,
                                List.of(new Inbound.Text(in(n, 15), ANA, at(t0, 100), "Gracias", wAna)),
                                List.of(new Status(wBo, "read", at(t0, 101), BO, null, null, null))),
                        new Change.Preference(n, BO, at(t0, 102), "marketing_messages", "resume"),
                        new Change.ValueErrors(n, List.of(130429))),
                new Entry("1", new Change.Messages("1999", Map.of(),
                        List.of(new Inbound.Text("wamid.ELSEWHERE" + n, ANA, at(t0, 103), "otro número", null)),
                        List.of())))));
        return bodies;
    }

    private static String in(String number, int k) {
        return "wamid.IN" + number + "." + k;
    }

    private static Instant at(Instant t0, int seconds) {
        return t0.plusSeconds(seconds);
    }

    private static JsonNode json(InboundFixture.Center c, String path) {
        Reply reply = fixture.host.get(path, c.token());
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** What staff see of the center, with what only its own ids and numbers make different made neutral. */
    private static Map<String, JsonNode> state(Seeded s) {
        InboundFixture.Center c = s.center();
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put(s.anaConfirmation(), "OUT-ana");
        replacements.put(s.boConfirmation(), "OUT-bo");
        replacements.put(c.wabaId, "WABA");
        replacements.put(c.phoneNumberId, "NUMBER");
        Map<String, JsonNode> state = new LinkedHashMap<>();
        s.clients().forEach((name, id) -> {
            state.put(name + " conversation", json(c, "/v1/clients/" + id + "/conversation?limit=200"));
            state.put(name + " consents", json(c, "/v1/clients/" + id + "/consents"));
            state.put(name + " record", json(c, "/v1/clients/" + id));
            state.put(name + " messages", json(c, "/v1/messages?limit=200&clientId=" + id));
        });
        state.put("templates", json(c, "/v1/whatsapp/templates?limit=200"));
        state.put("unmatched contacts", json(c, "/v1/whatsapp/contacts?status=unmatched"));
        state.put("shared contacts", json(c, "/v1/whatsapp/contacts?status=shared"));
        state.put("ana appointment", json(c, "/v1/appointments/" + s.anaAppointment()));
        state.put("bo appointment", json(c, "/v1/appointments/" + s.boAppointment()));
        Map<String, JsonNode> neutral = new LinkedHashMap<>();
        state.forEach((k, v) -> neutral.put(k, InboundFixture.neutral(v, replacements)));
        return neutral;
    }

    @Test
    void inboundBatchesReplayedThreeTimesInShuffledOrderLeaveTheSameStateAsOnceInOrderAndNeverA5xx() {
        Seeded once = seed("Centro Entrante Uno");
        Seeded thrice = seed("Centro Entrante Tres");
        fixture.dispatch();
        once = sent(once);
        thrice = sent(thrice);
        // The clients write after their consents were recorded and the confirmations sent, and Meta
        // delivers it all within minutes (a session stays signed in).
        Instant t0 = fixture.host.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        fixture.host.clock.advance(Duration.ofMinutes(3));

        for (byte[] body : payloads(once, t0)) {
            assertThat(fixture.post(body)).isEqualTo(200);
        }
        fixture.process();
        List<byte[]> replays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replays.addAll(payloads(thrice, t0));
        }
        Collections.shuffle(replays, new Random(20261207L));
        for (int i = 0; i < replays.size(); i++) {
            assertThat(fixture.post(replays.get(i))).isEqualTo(200);
            if (i % 17 == 16) {
                // Processing runs between deliveries, as the job would.
                fixture.process();
            }
        }
        fixture.process();
        Map<String, JsonNode> expected = state(once);
        // Processing again (as after a crash before marking) changes nothing.
        fixture.process();

        assertThat(expected.get("ana conversation").get("items").size()).as("ana's messages both ways")
                .isGreaterThanOrEqualTo(7);
        Map<String, JsonNode> replayed = state(thrice);
        expected.forEach((what, json) -> assertThat(replayed.get(what)).as(what).isEqualTo(json));
        assertThat(state(once)).isEqualTo(expected);

        // What staff rely on, in the center that got each POST once.
        InboundFixture.Center c = once.center();
        Map<String, String> clients = once.clients();
        assertThat(c.consents(clients.get("bo"))).as("STOP withdraws WhatsApp and marketing")
                .containsEntry("whatsapp", false).containsEntry("marketing", false);
        assertThat(c.consents(clients.get("ana"))).as("a marketing stop withdraws marketing only")
                .containsEntry("whatsapp", true).containsEntry("marketing", false);
        assertThat(c.consents(clients.get("carla"))).containsEntry("whatsapp", true);
        String ana = c.conversation(clients.get("ana")).body();
        assertThat(ana).contains("¿Puedo cambiar la hora?").contains("Gracias").contains("media-" + c.phoneNumberId + "-7")
                .contains("Así quedó la piel").contains("receta.pdf").doesNotContain("otro número")
                .as("the reaction removed after it was added").doesNotContain("\uD83D\uDC4D");
        String bo = c.conversation(clients.get("bo")).body();
        assertThat(bo).contains("STOP").contains("Martes 10:00").contains("\u2764\uFE0F")
                .contains("media-" + c.phoneNumberId + "-9");
        assertThat(c.conversation(clients.get("carla")).body()).contains("\"system\"");
        assertThat(fixture.host.get("/v1/clients/" + clients.get("carla"), c.token()).body()).contains("600777001");
        assertThat(json(c, "/v1/whatsapp/contacts?status=unmatched").get("items")).hasSize(1);
        assertThat(json(c, "/v1/whatsapp/contacts?status=shared").get("items")).hasSize(1);
        Map<String, String> statusByWamid = new LinkedHashMap<>();
        for (String client : List.of(clients.get("ana"), clients.get("bo"))) {
            json(c, "/v1/messages?limit=200&clientId=" + client).get("items")
                    .forEach(m -> statusByWamid.put(m.path("wamid").asText(), m.path("status").asText()));
        }
        assertThat(statusByWamid).containsEntry(once.anaConfirmation(), "read").containsEntry(once.boConfirmation(), "read");
        JsonNode templates = json(c, "/v1/whatsapp/templates?limit=200").get("items");
        List<String> pending = new ArrayList<>();
        templates.forEach(t -> {
            if (t.get("name").asText().equals(InboundFixture.PENDING_REMINDER)) {
                pending.add(t.get("status").asText());
            }
        });
        assertThat(pending).containsExactly("APPROVED");
        assertThat(c.appointment(once.anaAppointment()).get("status").asText()).as("the confirm button")
                .isEqualTo("confirmed");
    }
}
