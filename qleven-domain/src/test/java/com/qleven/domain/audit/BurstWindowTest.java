package com.qleven.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BurstWindowTest {
    private static final Instant T0 = Instant.parse("2026-03-29T08:00:00Z");
    private final BurstPolicy policy = new BurstPolicy(200, Duration.ofMinutes(10));

    @Test
    void aBurstRaisesExactlyOneAlertPerWindow() {
        BurstWindow window = new BurstWindow(policy);
        int alerts = 0;
        OptionalInt first = OptionalInt.empty();
        // 1,000 distinct clients in 5 minutes: over the threshold from the 201st on.
        for (int i = 0; i < 1000; i++) {
            OptionalInt raised = window.observeDistinct("client-" + i, T0.plusMillis(300L * i));
            if (raised.isPresent()) {
                alerts++;
                first = first.isPresent() ? first : raised;
            }
        }
        assertThat(alerts).isEqualTo(1);
        assertThat(first).hasValue(201);
        // Still going after the window: one more.
        int later = 0;
        for (int i = 0; i < 300; i++) {
            if (window.observeDistinct("late-" + i, T0.plus(Duration.ofMinutes(11)).plusMillis(i)).isPresent()) {
                later++;
            }
        }
        assertThat(later).isEqualTo(1);
    }

    @Test
    void normalUseRaisesNone() {
        BurstWindow window = new BurstWindow(policy);
        // A busy front desk: 150 distinct clients every 10 minutes for a day, each read many times.
        for (int minute = 0; minute < 24 * 60; minute++) {
            for (int i = 0; i < 15; i++) {
                String client = "client-" + ((minute / 10) * 150 + (minute % 10) * 15 + i);
                for (int again = 0; again < 3; again++) {
                    assertThat(window.observeDistinct(client, T0.plus(Duration.ofMinutes(minute)).plusSeconds(again)))
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void theSameClientReadOverAndOverIsNotABurst() {
        BurstWindow window = new BurstWindow(policy);
        for (int i = 0; i < 5000; i++) {
            assertThat(window.observeDistinct("the-same-client", T0.plusMillis(i))).isEmpty();
        }
    }

    @Test
    void countedEventsAgeOutOfTheWindow() {
        BurstWindow window = new BurstWindow(new BurstPolicy(3, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(window.observe(T0.plusSeconds(i))).isEmpty();
        }
        assertThat(window.observe(T0.plusSeconds(60))).as("the first has aged out").isEmpty();
        assertThat(window.observe(T0.plusSeconds(61))).as("the second too").isEmpty();
        assertThat(window.observe(T0.plusSeconds(62))).as("the third too").isEmpty();
        assertThat(window.observe(T0.plusSeconds(62))).hasValue(4);
        assertThat(window.idleAt(T0.plusSeconds(100))).isFalse();
        assertThat(window.idleAt(T0.plusSeconds(122))).isTrue();
    }
}
