package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.application.messaging.Dispatcher;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.WhatsAppWebhookJob;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import com.qleven.host.http.whatsapp.WhatsAppWebhookEndpoints;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.ports.messaging.in.WebhookRun;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A host and a fake Graph API wired as Meta and a center's WhatsApp number are: the host signs nothing
 * itself, the fake posts every webhook signed with the app secret to the host's webhook URL, and the
 * host's jobs are slowed to an hour so each test processes webhooks and dispatches messages itself,
 * as the jobs would. Each {@link Center} connects its own number and business account, syncs its
 * templates from the fake (an approved confirmation with quick-reply buttons "Confirmar" and
 * "Cancelar", an approved reminder, a reminder still pending at Meta) and maps the confirmation and
 * the reminder; clients, bookings and consents go over HTTP.
 */
final class InboundFixture implements AutoCloseable {
    static final String SECRET = "meta-app-secret-inbound";
    static final String VERIFY = "verify-token-inbound";
    private static final AtomicLong NUMBERS = new AtomicLong(
            106_540_352_000_000L + (System.nanoTime() % 1_000_000L) * 100);
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final String CONFIRMATION = "cita_confirmada";
    static final String REMINDER = "recordatorio_cita";
    static final String PENDING_REMINDER = "recordatorio_pendiente";

    final FakeGraphApi fake;
    final TestHost host;
    final URI webhook;

    InboundFixture() {
        fake = FakeGraphApi.start(0);
        host = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                WhatsAppSettings.APP_SECRET, SECRET, WhatsAppSettings.VERIFY_TOKEN, VERIFY,
                WhatsAppDispatchJob.EVERY, "1h", WhatsAppWebhookJob.EVERY, "1h"));
        webhook = host.base.resolve(WhatsAppWebhookEndpoints.PATH);
    }

    @Override
    public void close() {
        host.close();
        fake.close();
    }

    /** Processes every webhook waiting, as the job does. */
    WebhookRun process() {
        return host.host().component().whatsAppWebhookJob().runOnce();
    }

    /** Sends every message due, as the dispatch job does. */
    Dispatcher.Counts dispatch() {
        return host.host().component().qleven().messaging().dispatchDue();
    }

    /** Posts a body signed as Meta signs it; returns the HTTP status. */
    int post(byte[] body) {
        try {
            return FakeGraphApi.postSigned(webhook, SECRET, body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Center newCenter(String name) {
        return new Center(name);
    }

    /** A body's text with every UUID (ids the two centers cannot share) replaced by "&lt;id&gt;". */
    static String withoutIds(String text) {
        return UUID_TEXT.matcher(text).replaceAll("<id>");
    }

    /**
     * The JSON with its center-specific parts made neutral: the replacements applied to every text, any
     * id left replaced, and every array of objects sorted (lists ordered by time fall back on random ids
     * when times are equal, and the host's clock stands still in tests).
     */
    static JsonNode neutral(JsonNode node, Map<String, String> replacements) {
        if (node.isTextual()) {
            String text = node.asText();
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            return TestHost.JSON.getNodeFactory().textNode(withoutIds(text));
        }
        if (node.isObject()) {
            ObjectNode copy = TestHost.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), neutral(field.getValue(), replacements));
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(i -> items.add(neutral(i, replacements)));
            items.sort((a, b) -> a.toString().compareTo(b.toString()));
            ArrayNode copy = TestHost.JSON.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }

    /** A center with its own connected number, its templates synced and mapped. */
    final class Center {
        final TestHost.Center center;
        final String phoneNumberId;
        final String wabaId;
        final String token;
        final String professional;
        final String service;
        /** The fake wamids of this center's sends, by the label a test gave them. */
        final Map<String, String> labels = new HashMap<>();

        private Center(String name) {
            center = host.newCenter(name);
            phoneNumberId = Long.toString(NUMBERS.incrementAndGet());
            wabaId = Long.toString(NUMBERS.incrementAndGet() + 900_000_000_000L);
            token = "EAAG" + UUID.randomUUID().toString().replace("-", "");
            fake.acceptToken(token);
            fake.addTemplate(wabaId, CONFIRMATION, "es", "UTILITY", "APPROVED",
                    "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, te esperamos el {{2}}.\"},"
                            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Confirmar\"},"
                            + "{\"type\":\"QUICK_REPLY\",\"text\":\"Cancelar\"}]}]");
            fake.addTemplate(wabaId, REMINDER, "es", "UTILITY", "APPROVED",
                    "[{\"type\":\"BODY\",\"text\":\"Recuerda tu cita, {{1}}.\"}]");
            fake.addTemplate(wabaId, PENDING_REMINDER, "es", "UTILITY", "PENDING",
                    "[{\"type\":\"BODY\",\"text\":\"Te esperamos, {{1}}.\"}]");
            Reply connected = host.put("/v1/whatsapp/account", Map.of("phoneNumberId", phoneNumberId,
                    "wabaId", wabaId, "accessToken", token, "displayPhoneNumber", "+34 910 000 000"), token());
            assertThat(connected.status()).as(connected.body()).isEqualTo(200);
            Reply synced = host.post("/v1/whatsapp/templates/sync", Map.of(), token());
            assertThat(synced.status()).as(synced.body()).isEqualTo(200);
            map(CONFIRMATION, "confirmation", List.of("client.first_name", "appointment.start"),
                    Map.of("0", "confirm", "1", "cancel"));
            map(REMINDER, "reminder", List.of("client.first_name"), Map.of());
            Reply pro = host.post("/v1/users", TestHost.userBody(TestHost.newEmail("pro"), "professional"), token());
            assertThat(pro.status()).as(pro.body()).isEqualTo(201);
            professional = pro.json().get("id").asText();
            service = SchedulingFixtures.service(host, center.tenantId());
            SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
        }

        String token() {
            return center.token();
        }

        String templateId(String name) {
            Reply list = host.get("/v1/whatsapp/templates?limit=200", token());
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            for (JsonNode t : list.json().get("items")) {
                if (t.get("name").asText().equals(name)) {
                    return t.get("id").asText();
                }
            }
            throw new AssertionError("no template " + name + " in " + list.body());
        }

        private void map(String name, String purpose, List<String> sources, Map<String, String> replyActions) {
            List<Map<String, String>> parameters = new ArrayList<>();
            sources.forEach(s -> parameters.add(Map.of("component", "body", "source", s)));
            Map<String, Object> body = new HashMap<>(Map.of("purpose", purpose, "parameters", parameters));
            if (!replyActions.isEmpty()) {
                body.put("replyActions", replyActions);
            }
            Reply mapped = host.patch("/v1/whatsapp/templates/" + templateId(name), body, token());
            assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        }

        /** A client with that phone, granted the purposes named (whatsapp, marketing). */
        String client(String fullName, String phone, String... granted) {
            Reply created = host.post("/v1/clients", Map.of("fullName", fullName, "phone", phone), token());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            for (String purpose : granted) {
                consent(id, purpose, "granted");
            }
            return id;
        }

        void consent(String clientId, String purpose, String decision) {
            Reply reply = host.post("/v1/clients/" + clientId + "/consents", Map.of("purpose", purpose,
                    "decision", decision, "channel", "in_person", "textVersion", "v1",
                    "text", "Acepto recibir mensajes de " + purpose + "."), token());
            assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        }

        /** The current decision of each purpose for the client. */
        Map<String, Boolean> consents(String clientId) {
            Reply reply = host.get("/v1/clients/" + clientId + "/consents", token());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Map<String, Boolean> current = new HashMap<>();
            reply.json().get("current").fields().forEachRemaining(f -> current.put(f.getKey(), f.getValue().asBoolean()));
            return current;
        }

        String book(String clientId, int days, int hour) {
            Map<String, Object> body = new HashMap<>(Map.of("clientId", clientId, "serviceId", service, "start",
                    SchedulingFixtures.start(host, days, hour, 0), "professionalId", professional));
            Reply booked = host.post("/v1/appointments", body, token());
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            return booked.json().get("id").asText();
        }

        JsonNode appointment(String id) {
            Reply reply = host.get("/v1/appointments/" + id, token());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply.json();
        }

        /** The appointment's messages as staff see them. */
        List<JsonNode> messages(String appointmentId) {
            Reply reply = host.get("/v1/messages?appointmentId=" + appointmentId, token());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            List<JsonNode> items = new ArrayList<>();
            reply.json().get("items").forEach(items::add);
            return items;
        }

        /** The wamid the fake gave the one message of that purpose sent for the appointment. */
        String wamid(String appointmentId, String purpose) {
            return messages(appointmentId).stream().filter(m -> m.get("purpose").asText().equals(purpose))
                    .map(m -> m.get("wamid").asText()).filter(w -> w.startsWith("wamid."))
                    .reduce((a, b) -> {
                        throw new AssertionError("two " + purpose + " messages for " + appointmentId);
                    }).orElseThrow(() -> new AssertionError("no " + purpose + " sent for " + appointmentId));
        }

        /** The client's conversation as staff see it (one page of up to 200). */
        Reply conversation(String clientId) {
            Reply reply = host.get("/v1/clients/" + clientId + "/conversation?limit=200", token());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            return reply;
        }
    }
}
