package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.whatsapp.FakeGraphApi.Change;
import com.qleven.host.whatsapp.FakeGraphApi.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's second "done when", end to end over HTTP on PostgreSQL against the fake Graph API: a
 * booking sends a confirmation whose quick-reply buttons the center mapped to confirm and cancel; the
 * client's tap, posted by the fake as Meta posts it, confirms or cancels the very appointment that
 * message was about (never another of the same client), with the reply's wamid on the audit trail; a
 * STOP withdraws the client's WhatsApp consent and marketing with it and, after it, nothing reaches the
 * client's number (a reminder falling due, a staff reply); a marketing stop from
 * {@code user_preferences} withdraws marketing only, and the client's reminders still go.
 */
class WhatsAppRepliesEndToEndTest {
    private static InboundFixture fixture;
    private static InboundFixture.Center center;

    @BeforeAll
    static void start() {
        fixture = new InboundFixture();
        center = fixture.newCenter("Clínica Respuestas");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /**
     * When the client sends their reply, in Meta's whole seconds: two seconds on, so after whatever
     * was recorded before it (a consent granted at the desk a moment ago decided before the reply).
     */
    private static Instant now() {
        fixture.host.clock.advance(Duration.ofSeconds(2));
        return fixture.host.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void postAndProcess(byte[] body) {
        assertThat(fixture.post(body)).isEqualTo(200);
        fixture.process();
    }

    private static String status(String appointment) {
        return center.appointment(appointment).get("status").asText();
    }

    /** The audit trail's events, as text (the latest 200). */
    private static List<JsonNode> audit() {
        Reply reply = fixture.host.get("/v1/audit/events?limit=200", center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> events = new java.util.ArrayList<>();
        reply.json().get("items").forEach(events::add);
        return events;
    }

    /** Whether the trail has an event of that action about that subject. */
    private static boolean audited(String action, String subjectId) {
        return audit().stream().anyMatch(e -> e.path("action").asText().equals(action)
                && e.path("subjectId").asText().equals(subjectId));
    }

    /** The id a WhatsApp reply is known by on the audit trail: derived from its wamid. */
    private static String evidence(String wamid) {
        return UUID.nameUUIDFromBytes(("whatsapp_message|" + wamid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Moves the clock to an hour before the appointment (its reminders due), runs the dispatcher, moves back. */
    private static void dispatchAnHourBefore(String appointment) {
        Instant start = OffsetDateTime.parse(center.appointment(appointment).get("start").asText()).toInstant();
        Duration ahead = Duration.between(fixture.host.clock.instant(), start).minusHours(1);
        fixture.host.clock.advance(ahead);
        try {
            fixture.dispatch();
        } finally {
            fixture.host.clock.advance(ahead.negated());
        }
    }

    @Test
    void aReplyButtonConfirmsOrCancelsTheAppointmentItsMessageWasAboutAndNoOther() {
        String ana = center.client("Ana García", "+34600111222", "whatsapp");
        String first = center.book(ana, 3, 10);
        String second = center.book(ana, 5, 10);
        fixture.dispatch();
        String aboutFirst = center.wamid(first, "confirmation");
        String aboutSecond = center.wamid(second, "confirmation");
        assertThat(fixture.fake.sentTo("34600111222")).extracting(s -> s.wamid())
                .contains(aboutFirst, aboutSecond);

        // "Confirmar" on the message about the second appointment.
        String confirmWamid = "wamid.CONFIRM" + center.phoneNumberId;
        postAndProcess(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                new Inbound.Button(confirmWamid, "34600111222", now(), aboutSecond, "Confirmar", "Confirmar")));

        assertThat(status(second)).isEqualTo("confirmed");
        assertThat(status(first)).as("the other appointment of the same client").isEqualTo("booked");

        // "Cancelar" on the message about the first one, as an interactive reply id would too.
        String cancelWamid = "wamid.CANCEL" + center.phoneNumberId;
        Instant cancelAt = now();
        postAndProcess(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                new Inbound.Button(cancelWamid, "34600111222", cancelAt, aboutFirst, "Cancelar", "Cancelar")));

        assertThat(status(first)).isEqualTo("cancelled");
        assertThat(status(second)).isEqualTo("confirmed");
        assertThat(audited("appointment.cancel_by_whatsapp", first)).isTrue();
        assertThat(audited("appointment.confirm_by_whatsapp", second)).isTrue();
        assertThat(audited("appointment.evidence", evidence(cancelWamid))).as("the reply is the evidence").isTrue();
        assertThat(audited("appointment.evidence", evidence(confirmWamid))).isTrue();
        assertThat(audited("appointment.cancel_by_whatsapp", second)).isFalse();

        // Meta delivers the same tap again: nothing changes.
        postAndProcess(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                new Inbound.Button(cancelWamid, "34600111222", cancelAt, aboutFirst, "Cancelar", "Cancelar")));
        assertThat(status(first)).isEqualTo("cancelled");
        assertThat(status(second)).isEqualTo("confirmed");
    }

    @Test
    void aReplyFromAnotherNumberToAClientsMessageChangesNothing() {
        String bea = center.client("Bea Ortiz", "+34600121212", "whatsapp");
        String appointment = center.book(bea, 4, 16);
        fixture.dispatch();
        String about = center.wamid(appointment, "confirmation");

        postAndProcess(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                new Inbound.Button("wamid.FORWARDED" + center.phoneNumberId, "34600989898", now(), about,
                        "Cancelar", "Cancelar")));

        assertThat(status(appointment)).isEqualTo("booked");
    }

    @Test
    void aStopWithdrawsWhatsAppAndMarketingAndNothingReachesTheClientAfterIt() {
        String bo = center.client("Bo Chen", "+34600333444", "whatsapp", "marketing");
        String appointment = center.book(bo, 4, 10);
        fixture.dispatch();
        assertThat(fixture.fake.sentTo("34600333444")).hasSize(1);

        postAndProcess(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                new Inbound.Text("wamid.STOP" + center.phoneNumberId, "34600333444", now(), "STOP", null)));

        assertThat(center.consents(bo)).containsEntry("whatsapp", false).containsEntry("marketing", false);
        Reply consents = fixture.host.get("/v1/clients/" + bo + "/consents", center.token());
        assertThat(consents.body()).as("the message is the proof").contains("wamid.STOP" + center.phoneNumberId);
        // The client wrote, so the window is open; a staff reply is accepted or refused, never a 5xx, and
        // in any case never sent.
        Reply staff = fixture.host.post("/v1/clients/" + bo + "/conversation", Map.of("text", "¿Seguro?"),
                center.token());
        assertThat(staff.status()).as(staff.body()).isLessThan(500);
        dispatchAnHourBefore(appointment);
        fixture.dispatch();

        assertThat(fixture.fake.sentTo("34600333444")).as("nothing after the STOP").hasSize(1);
        List<JsonNode> reminders = center.messages(appointment).stream()
                .filter(m -> m.get("purpose").asText().equals("reminder")).toList();
        assertThat(reminders).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("skipped");
            assertThat(m.get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
        });
    }

    @Test
    void aMarketingStopFromUserPreferencesWithdrawsMarketingOnlyAndRemindersStillGo() {
        String carla = center.client("Carla Ruiz", "+34600777000", "whatsapp", "marketing");
        String appointment = center.book(carla, 4, 12);
        fixture.dispatch();
        assertThat(fixture.fake.sentTo("34600777000")).hasSize(1);

        postAndProcess(fixture.fake.payload(center.wabaId,
                Change.Preference.marketingStop(center.phoneNumberId, "34600777000", now())));

        assertThat(center.consents(carla)).containsEntry("whatsapp", true).containsEntry("marketing", false);
        dispatchAnHourBefore(appointment);

        assertThat(fixture.fake.sentTo("34600777000")).as("the confirmation, then the reminders")
                .hasSizeGreaterThan(1)
                .allSatisfy(s -> assertThat(s.body()).contains("\"template\""));
        assertThat(center.messages(appointment).stream().filter(m -> m.get("purpose").asText().equals("reminder")))
                .isNotEmpty().allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("sent"));
    }
}
