package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.whatsapp.FakeGraphApi.Inbound;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reply button the center's rules refuse, from Meta's webhook to what staff see: a cancellation
 * tapped inside the cancellation window (24 hours by default) changes nothing, the appointment stays
 * booked with no cancellation notice, and the center's notifications say so once for that reply, however
 * often Meta delivers it; an interactive "confirm" still confirms it.
 */
class WhatsAppReplyRefusalTest {
    private static InboundFixture fixture;
    private static InboundFixture.Center center;

    @BeforeAll
    static void start() {
        fixture = new InboundFixture();
        center = fixture.newCenter("Clínica Rechazos");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<JsonNode> refusals() {
        Reply reply = fixture.host.get("/v1/notifications?limit=200", center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        reply.json().get("items").forEach(n -> {
            if (n.get("kind").asText().equals("whatsapp_reply_refused")) {
                found.add(n);
            }
        });
        return found;
    }

    /** Runs {@code meanwhile} with the clock two hours before the appointment's start, then moves it back. */
    private static void twoHoursBefore(String appointment, Runnable meanwhile) {
        Instant start = OffsetDateTime.parse(center.appointment(appointment).get("start").asText()).toInstant();
        Duration ahead = Duration.between(fixture.host.clock.instant(), start).minusHours(2);
        fixture.host.clock.advance(ahead);
        try {
            meanwhile.run();
        } finally {
            fixture.host.clock.advance(ahead.negated());
        }
    }

    @Test
    void aCancellationTooLateChangesNothingAndTellsStaffOnceForThatReply() {
        String ana = center.client("Ana Refusé", "+34600777888", "whatsapp");
        String appointment = center.book(ana, 3, 11);
        fixture.dispatch();
        String about = center.wamid(appointment, "confirmation");
        String tap = "wamid.LATECANCEL" + center.phoneNumberId;

        twoHoursBefore(appointment, () -> {
            Instant at = fixture.host.clock.instant().truncatedTo(ChronoUnit.SECONDS);
            byte[] body = fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                    new Inbound.Button(tap, "34600777888", at, about, "Cancelar", "Cancelar"));
            // Meta delivers the same tap twice.
            assertThat(fixture.post(body)).isEqualTo(200);
            fixture.process();
            assertThat(fixture.post(body)).isEqualTo(200);
            fixture.process();
        });

        JsonNode after = center.appointment(appointment);
        assertThat(after.get("status").asText()).isEqualTo("booked");
        assertThat(center.messages(appointment)).noneMatch(m -> m.get("purpose").asText().equals("cancellation"));
        assertThat(refusals()).singleElement().satisfies(n -> {
            assertThat(n.get("text").asText()).contains(appointment).contains("cancel")
                    .doesNotContain("Ana").doesNotContain("34600777888");
        });

        // Confirming is still within the rules two hours before.
        twoHoursBefore(appointment, () -> {
            Instant at = fixture.host.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            assertThat(fixture.post(fixture.fake.inboundPayload(center.wabaId, center.phoneNumberId,
                    new Inbound.Interactive("wamid.LATECONFIRM" + center.phoneNumberId, "34600777888", at, about,
                            false, "confirm", "Sí, voy")))).isEqualTo(200);
            fixture.process();
        });
        assertThat(center.appointment(appointment).get("status").asText()).isEqualTo("confirmed");
        assertThat(refusals()).hasSize(1);
    }
}
