package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared bucket's arithmetic: exactly at rate over time, never above capacity, never ahead. */
class TokenBucketTest {
    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    @Test
    void aFullBucketGrantsItsCapacityThenRefusesWithTheTimeOfTheNextToken() {
        TokenBucket bucket = TokenBucket.perSecond(60, 10);
        TokenBucket.State s = bucket.full(T0);
        for (int i = 0; i < 10; i++) {
            TokenBucket.Take t = bucket.take(s, 1, T0);
            assertThat(t.granted()).isTrue();
            s = t.state();
        }
        TokenBucket.Take refused = bucket.take(s, 1, T0);
        assertThat(refused.granted()).isFalse();
        // One token every 1/60 s: 16,666,667 ns rounded up, never early.
        Instant due = refused.retryAt().orElseThrow();
        assertThat(due).isEqualTo(T0.plusNanos(16_666_667));
        assertThat(bucket.take(refused.state(), 1, due).granted()).isTrue();
        assertThat(bucket.take(refused.state(), 1, due.minusNanos(1)).granted()).isFalse();
    }

    @Test
    void neverAboveCapacityAfterAnyIdleTime() {
        TokenBucket bucket = new TokenBucket(45, 1, Duration.ofSeconds(6));
        TokenBucket.State s = new TokenBucket.State(0, T0);
        assertThat(bucket.refill(s, T0.plusSeconds(60)).tokens()).isEqualTo(10);
        assertThat(bucket.refill(s, T0.plus(Duration.ofDays(3650))).tokens()).isEqualTo(45);
        assertThat(bucket.refill(new TokenBucket.State(0, Instant.EPOCH), T0).tokens()).isEqualTo(45);
    }

    @Test
    void aClockBehindTheStateAddsNothingAndMovesNothingBack() {
        TokenBucket bucket = TokenBucket.perSecond(10, 10);
        TokenBucket.State s = new TokenBucket.State(3 * TokenBucket.SCALE, T0);
        assertThat(bucket.refill(s, T0.minusSeconds(5))).isEqualTo(s);
        TokenBucket.Take t = bucket.take(s, 1, T0.minusSeconds(5));
        assertThat(t.granted()).isTrue();
        assertThat(t.state().refilledAt()).isEqualTo(T0);
    }

    @Test
    void aRefusalAsksForAllTheTokensItNeeds() {
        TokenBucket bucket = TokenBucket.perSecond(2, 5);
        TokenBucket.Take t = bucket.take(new TokenBucket.State(0, T0), 3, T0);
        assertThat(t.granted()).isFalse();
        assertThat(t.retryAt()).contains(T0.plusMillis(1500));
        assertThatThrownBy(() -> bucket.take(bucket.full(T0), 6, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Over ten simulated minutes, with senders asking at irregular moments (often, in bursts, or idle),
     * the bucket never grants more than capacity + rate × t in any window ending at a grant, and a
     * sender that always asks again at the time it is told gets the full rate (within one token).
     */
    @Test
    void overSimulatedMinutesTheGrantsStayWithinTheRate() {
        TokenBucket bucket = TokenBucket.perSecond(70, 20);
        SplittableRandom random = new SplittableRandom(11);
        TokenBucket.State s = bucket.full(T0);
        Instant now = T0;
        Instant end = T0.plus(Duration.ofMinutes(10));
        Deque<Instant> grants = new ArrayDeque<>();
        long granted = 0;
        while (now.isBefore(end)) {
            TokenBucket.Take t = bucket.take(s, 1, now);
            s = t.state();
            if (t.granted()) {
                granted++;
                grants.addLast(now);
                // In the last second, no more than the burst plus one second's refill.
                while (Duration.between(grants.peekFirst(), now).compareTo(Duration.ofSeconds(1)) >= 0) {
                    grants.removeFirst();
                }
                assertThat(grants.size()).isLessThanOrEqualTo(20 + 70);
                now = now.plusNanos(random.nextLong(0, 30_000_000));
            } else {
                assertThat(t.retryAt().orElseThrow()).isAfter(now);
                now = t.retryAt().orElseThrow();
            }
        }
        long seconds = Duration.between(T0, end).toSeconds();
        assertThat(granted).isLessThanOrEqualTo(20 + 70 * seconds);
        // Senders ask every 0-30 ms (about 67/s on average) and wait when told to: close to the rate, never above.
        assertThat(granted).isGreaterThan(60 * seconds);
    }

    @Test
    void aGreedySenderGetsExactlyTheRate() {
        TokenBucket bucket = TokenBucket.perSecond(80, 80);
        TokenBucket.State s = new TokenBucket.State(0, T0);
        Instant now = T0;
        long granted = 0;
        Instant end = T0.plus(Duration.ofMinutes(5));
        while (true) {
            TokenBucket.Take t = bucket.take(s, 1, now);
            s = t.state();
            if (t.granted()) {
                granted++;
                continue;
            }
            now = t.retryAt().orElseThrow();
            if (now.isAfter(end)) {
                break;
            }
        }
        // Starting empty, 5 minutes at 80/s is 24,000 tokens: no drift either way.
        assertThat(granted).isEqualTo(24_000);
    }

    @Test
    void thePairRateBucketAllowsItsBurstThenOneEverySixSeconds() {
        TokenBucket pair = new TokenBucket(45, 1, Duration.ofSeconds(6));
        TokenBucket.State s = pair.full(T0);
        int burst = 0;
        while (pair.take(s, 1, T0).granted()) {
            s = pair.take(s, 1, T0).state();
            burst++;
        }
        assertThat(burst).isEqualTo(45);
        TokenBucket.Take next = pair.take(s, 1, T0);
        assertThat(next.retryAt()).contains(T0.plusSeconds(6));
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket.State(-1, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
