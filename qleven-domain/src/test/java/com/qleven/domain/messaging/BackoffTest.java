package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, capped, and the pair-rate wait. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    /** A source that always answers the same fraction of the bound, to pin the jitter's ends. */
    private static RandomGenerator fixed(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only bounded draws are expected");
            }

            @Override
            public long nextLong(long bound) {
                return (long) Math.floor(fraction * (bound - 1));
            }
        };
    }

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> backoff.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJitterSpansZeroToTheCeiling() {
        assertThat(backoff.delay(3, fixed(0))).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(3, fixed(1))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(3, fixed(0.5))).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void theSameSeedGivesTheSameWaitsAndDrawsSpreadOverTheRange() {
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        Set<Long> buckets = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Duration x = backoff.delay(4, a);
            assertThat(x).isEqualTo(backoff.delay(4, b));
            assertThat(x).isBetween(Duration.ZERO, Duration.ofSeconds(16));
            buckets.add(x.toMillis() / 1_000);
        }
        // Full jitter: every second of the 16 s window is hit, not just its end.
        assertThat(buckets).hasSize(17);
    }

    @Test
    void thePairRateWaitsFourToTheXSeconds() {
        assertThat(Backoff.pairRateWait(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.pairRateWait(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.pairRateWait(2)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Backoff.pairRateWait(5)).isEqualTo(Duration.ofSeconds(1024));
        assertThat(Backoff.pairRateWait(40)).isEqualTo(Backoff.pairRateWait(Backoff.MAX_PAIR_RATE_EXPONENT));
        assertThatThrownBy(() -> Backoff.pairRateWait(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCapBelowTheBaseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
