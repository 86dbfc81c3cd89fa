package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.messaging.Dispatcher;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appointment messages end to end, over HTTP against the fake Graph API: a center connects its number,
 * syncs its templates from Meta and maps the approved confirmation; then a booking for a client with
 * WhatsApp consent sends exactly one confirmation, with that template, its parameters rendered from the
 * booking and the center's own token; without consent, once restricted, or after a withdrawal between
 * the booking and the send, nothing is sent and the reason shows in the appointment's messages; a
 * template Meta has not approved (pending, or paused after it was mapped) is never sent. The host's
 * dispatch job is slowed to an hour: each test runs the dispatcher itself, as the job would.
 */
class AppointmentMessagesEndToEndTest {
    private static final String WABA = "2" + (100_000_000L + ThreadLocalRandom.current().nextLong(800_000_000L));
    private static final String CONFIRMATION_BODY = "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, te esperamos el {{2}} "
            + "para {{3}}.\"}]";
    private static FakeGraphApi fake;
    private static TestHost host;
    private static Center center;
    private static String phoneNumberId;
    private static String token;
    private static String professional;
    private static String service;
    private static String pausedAtMeta;

    @BeforeAll
    static void start() {
        fake = FakeGraphApi.start(0);
        host = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                WhatsAppDispatchJob.EVERY, "1h"));
        center = host.newCenter("Clínica Mensajes");
        token = "EAAG" + UUID.randomUUID().toString().replace("-", "");
        fake.acceptToken(token);
        phoneNumberId = Long.toString(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
        // Meta lists an approved confirmation, a reminder still in review and an approved change notice.
        fake.addTemplate(WABA, "cita_confirmada", "es", "UTILITY", "APPROVED", CONFIRMATION_BODY);
        fake.addTemplate(WABA, "recordatorio_cita", "es", "UTILITY", "PENDING",
                "[{\"type\":\"BODY\",\"text\":\"Recuerda tu cita, {{1}}.\"}]");
        pausedAtMeta = fake.addTemplate(WABA, "cita_cancelada", "es", "UTILITY", "APPROVED",
                "[{\"type\":\"BODY\",\"text\":\"{{1}}, tu cita ha sido cancelada.\"}]");
        Reply connected = host.put("/v1/whatsapp/account", Map.of("phoneNumberId", phoneNumberId, "wabaId", WABA,
                "accessToken", token, "displayPhoneNumber", "+34 910 000 000"), center.token());
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        Reply synced = host.post("/v1/whatsapp/templates/sync", Map.of(), center.token());
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        map("cita_confirmada", "confirmation", List.of("client.first_name", "appointment.start", "service.name"));
        map("cita_cancelada", "cancellation", List.of("client.first_name"));
        // The pending reminder cannot be given a purpose: only an approved template is mapped.
        Reply pending = host.patch("/v1/whatsapp/templates/" + templateId("recordatorio_cita"),
                Map.of("purpose", "reminder", "parameters", List.of(Map.of("component", "body",
                        "source", "client.first_name"))), center.token());
        assertThat(pending.status()).as(pending.body()).isEqualTo(409);
        String proEmail = TestHost.newEmail("pro");
        Reply pro = host.post("/v1/users", TestHost.userBody(proEmail, "professional"), center.token());
        assertThat(pro.status()).as(pro.body()).isEqualTo(201);
        professional = pro.json().get("id").asText();
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
    }

    @AfterAll
    static void stop() {
        host.close();
        fake.close();
    }

    @BeforeEach
    void drainWhatWasDue() {
        // Each test counts its own sends: whatever an earlier test left due goes first.
        dispatch();
        fake.reset();
        fake.acceptToken(token);
    }

    private static String templateId(String name) {
        Reply list = host.get("/v1/whatsapp/templates?limit=200", center.token());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode t : list.json().get("items")) {
            if (t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no template " + name + " in " + list.body());
    }

    private static void map(String name, String purpose, List<String> sources) {
        List<Map<String, String>> parameters = new ArrayList<>();
        sources.forEach(s -> parameters.add(Map.of("component", "body", "source", s)));
        Reply mapped = host.patch("/v1/whatsapp/templates/" + templateId(name), Map.of("purpose", purpose,
                "parameters", parameters), center.token());
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    }

    private static Dispatcher.Counts dispatch() {
        return host.host().component().qleven().messaging().dispatchDue();
    }

    private static String client(String fullName, String phone, boolean consent) {
        Reply created = host.post("/v1/clients", Map.of("fullName", fullName, "phone", phone), center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        if (consent) {
            consent(id, "granted");
        }
        return id;
    }

    private static void consent(String clientId, String decision) {
        Reply reply = host.post("/v1/clients/" + clientId + "/consents", Map.of("purpose", "whatsapp",
                "decision", decision, "channel", "in_person", "textVersion", "v1",
                "text", "Acepto recibir mensajes de WhatsApp sobre mis citas."), center.token());
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private static String book(String clientId, int days, int hour) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", clientId, "serviceId", service, "start",
                SchedulingFixtures.start(host, days, hour, 0), "professionalId", professional));
        Reply booked = host.post("/v1/appointments", body, center.token());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asText();
    }

    /** The appointment's messages as staff see them, by purpose. */
    private static Map<String, List<JsonNode>> messages(String appointmentId) {
        Reply reply = host.get("/v1/messages?appointmentId=" + appointmentId, center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, List<JsonNode>> byPurpose = new HashMap<>();
        reply.json().get("items").forEach(m -> byPurpose.computeIfAbsent(m.get("purpose").asText(),
                k -> new ArrayList<>()).add(m));
        return byPurpose;
    }

    private static List<RecordedRequest> sends() {
        return fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/" + phoneNumberId + "/messages"))
                .toList();
    }

    @Test
    void aBookingForAClientWithConsentSendsExactlyOneConfirmationWithItsTemplateParametersAndTheCentersToken()
            throws Exception {
        String ana = client("Ana María García", "+34600111222", true);
        String appointment = book(ana, 3, 10);

        dispatch();

        List<RecordedRequest> sends = sends();
        assertThat(sends).hasSize(1);
        RecordedRequest send = sends.get(0);
        assertThat(send.headers().get("authorization")).isEqualTo("Bearer " + token);
        JsonNode body = TestHost.JSON.readTree(send.body());
        assertThat(body.get("to").asText()).endsWith("34600111222");
        assertThat(body.get("template").get("name").asText()).isEqualTo("cita_confirmada");
        assertThat(body.get("template").get("language").get("code").asText()).isEqualTo("es");
        List<String> values = new ArrayList<>();
        body.get("template").get("components").forEach(c -> c.get("parameters")
                .forEach(p -> values.add(p.get("text").asText())));
        assertThat(values).hasSize(3);
        assertThat(values.get(0)).isEqualTo("Ana");
        assertThat(values.get(1)).contains("10:00");
        assertThat(values.get(2)).isEqualTo("Limpieza facial");
        assertThat(body.toString()).doesNotContain("García").doesNotContain(center.tenantId());

        Map<String, List<JsonNode>> seen = messages(appointment);
        assertThat(seen.get("confirmation")).singleElement().satisfies(m -> {
            assertThat(m.get("status").asText()).isEqualTo("sent");
            assertThat(m.get("wamid").asText()).startsWith("wamid.");
            assertThat(body.get("biz_opaque_callback_data").asText()).isEqualTo(m.get("id").asText());
        });
        // Reminders are due the day before and two hours before; their template is still in review at
        // Meta, so each is recorded skipped with its reason instead of waiting for a send that cannot be.
        assertThat(seen.get("reminder")).hasSize(2).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("no_approved_template");
        });
        // Nothing more goes on a second run.
        dispatch();
        assertThat(sends()).hasSize(1);
    }

    @Test
    void withoutConsentNothingIsSentAndTheReasonShows() {
        String omar = client("Omar Benali", "+212612345678", false);
        String appointment = book(omar, 3, 12);

        dispatch();

        assertThat(sends()).isEmpty();
        assertThat(messages(appointment).get("confirmation")).singleElement().satisfies(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
            assertThat(m.get("wamid").isNull()).isTrue();
        });
    }

    @Test
    void aWithdrawalBetweenTheBookingAndTheSendStopsTheMessage() {
        String lucia = client("Lucía Fernández", "+34600333444", true);
        String appointment = book(lucia, 4, 10);
        consent(lucia, "withdrawn");

        dispatch();

        assertThat(sends()).isEmpty();
        assertThat(messages(appointment).get("confirmation")).singleElement().satisfies(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
        });
    }

    @Test
    void aClientRestrictedBeforeTheSendIsNotMessaged() {
        String marta = client("Marta Soler", "+34600555666", true);
        String appointment = book(marta, 4, 12);
        Reply request = host.post("/v1/privacy/requests", Map.of("clientId", marta, "type", "restriction"),
                center.token());
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        Reply done = host.post("/v1/privacy/requests/" + request.json().get("id").asText() + "/complete",
                Map.of("outcome", "Accuracy disputed."), center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        dispatch();

        assertThat(sends()).isEmpty();
        assertThat(messages(appointment).get("confirmation")).singleElement().satisfies(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("restricted");
        });
    }

    @Test
    void aTemplateMetaNoLongerApprovesIsNeverSent() {
        String pablo = client("Pablo Ruiz", "+34600777888", true);
        String appointment = book(pablo, 5, 10);
        dispatch();
        assertThat(sends()).hasSize(1);
        fake.reset();
        fake.acceptToken(token);
        // The cancellation notice is queued with the approved template; before it goes, Meta pauses the
        // template and a sync brings the news: the dispatcher checks again at send time.
        Reply cancelled = host.post("/v1/appointments/" + appointment + "/cancel", Map.of("reason", "Enfermo"),
                center.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(messages(appointment).get("cancellation")).singleElement()
                .satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("queued"));
        fake.setTemplateStatus(pausedAtMeta, "PAUSED");
        assertThat(host.post("/v1/whatsapp/templates/sync", Map.of(), center.token()).status()).isEqualTo(200);

        dispatch();

        assertThat(sends()).isEmpty();
        Map<String, List<JsonNode>> seen = messages(appointment);
        assertThat(seen.get("cancellation")).singleElement().satisfies(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("no_approved_template");
        });
        assertThat(seen.get("reminder")).allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("skipped"));
    }
}
