package com.qleven.domain.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a retryable send waits: exponential backoff with full jitter (a uniform wait between zero
 * and {@code base × 2^(attempt-1)}, capped at {@code cap}), so dispatchers on many hosts that failed
 * together do not retry together. Deterministic given the random source, so tests can pin it.
 * The pair-rate error (131056) has its own schedule, {@link #pairRateWait}.
 */
public record Backoff(Duration base, Duration cap) {
    /** Meta's pair-rate guidance: 4^X seconds; beyond this X the wait is longer than any retry is useful. */
    public static final int MAX_PAIR_RATE_EXPONENT = 12;

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.toMillis() < 1 || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff's base is at least 1 ms and its cap at least its base");
        }
    }

    /** The default: 2 s doubling up to 15 minutes. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    /** The ceiling of the wait after the given attempt (1 for the first failed attempt). */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        long baseMillis = base.toMillis();
        long capMillis = cap.toMillis();
        // Doubling past the cap would overflow a long for large attempts; stop once the cap is reached.
        long ceiling = baseMillis;
        for (int i = 1; i < attempt && ceiling < capMillis; i++) {
            ceiling = ceiling * 2;
        }
        return Duration.ofMillis(Math.min(ceiling, capMillis));
    }

    /** The wait after the given attempt: uniform in [0, {@link #ceiling}], to the millisecond. */
    public Duration delay(int attempt, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /**
     * The wait before sending again to a recipient after the pair-rate error (131056): 4^X seconds, X
     * being how many times in a row this recipient was refused before (0 the first time), as the facts
     * page says; X above {@link #MAX_PAIR_RATE_EXPONENT} waits as long as that.
     */
    public static Duration pairRateWait(int x) {
        if (x < 0) {
            throw new IllegalArgumentException("the pair-rate exponent counts from 0: " + x);
        }
        return Duration.ofSeconds(1L << (2 * Math.min(x, MAX_PAIR_RATE_EXPONENT)));
    }
}
