package com.qleven.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.scheduling.AppointmentStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BookingScenarioTest {

    @Test
    void aPartnerBooksTheFirstOfferedSlotThroughTheEmbeddedCore() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var outcome = BookingScenario.run(EmbedInMemory.core(), "marta@example.com", Clock.systemUTC(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(outcome.offered().slots()).isNotEmpty();
        assertThat(outcome.booked().start()).isEqualTo(outcome.offered().slots().get(0).start());
        assertThat(Duration.between(outcome.booked().start(), outcome.booked().end())).isEqualTo(
                Duration.ofMinutes(45));
        assertThat(outcome.confirmed().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("status confirmed");
    }
}
