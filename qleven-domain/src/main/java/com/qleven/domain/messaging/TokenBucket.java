package com.qleven.domain.messaging;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Token bucket arithmetic, pure, so every host sharing a bucket through the database computes the
 * same thing: a bucket holds at most {@code capacity} tokens and gains {@code refillTokens} every
 * {@code refillPeriod} (80 per second for a number, 1 per 6 seconds for a recipient), continuously.
 * Tokens are counted in millionths, and the refill is exact integer arithmetic, so no drift ever lets
 * more through than the rate: over any span {@code t}, at most {@code capacity + rate × t} are granted.
 * A clock behind the state's (another host's clock a little behind) adds nothing and moves nothing back.
 */
public record TokenBucket(long capacity, long refillTokens, Duration refillPeriod) {
    /** Millionths of a token per token. */
    static final long SCALE = 1_000_000L;

    public TokenBucket {
        Objects.requireNonNull(refillPeriod, "refillPeriod");
        if (capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("capacity is 1 to 1,000,000 tokens: " + capacity);
        }
        if (refillTokens < 1 || refillTokens > 1_000_000) {
            throw new IllegalArgumentException("refillTokens is 1 to 1,000,000: " + refillTokens);
        }
        if (refillPeriod.isNegative() || refillPeriod.isZero() || refillPeriod.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the refill period is positive and at most a day: " + refillPeriod);
        }
    }

    /** {@code perSecond} tokens a second, holding at most {@code capacity}. */
    public static TokenBucket perSecond(long perSecond, long capacity) {
        return new TokenBucket(capacity, perSecond, Duration.ofSeconds(1));
    }

    /**
     * A bucket's state: its tokens in millionths ({@code microTokens}) as of {@code refilledAt}. Stored as
     * is (two columns) by whoever shares the bucket.
     */
    public record State(long microTokens, Instant refilledAt) {
        public State {
            Objects.requireNonNull(refilledAt, "refilledAt");
            if (microTokens < 0) {
                throw new IllegalArgumentException("microTokens: " + microTokens);
            }
        }

        /** Whole tokens available, rounded down. */
        public long tokens() {
            return microTokens / SCALE;
        }
    }

    /** What {@link #take} decided: the new state, whether the tokens were granted, and if not when they will be. */
    public record Take(State state, boolean granted, Optional<Instant> retryAt) {
        public Take {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(retryAt, "retryAt");
            if (granted == retryAt.isPresent()) {
                throw new IllegalArgumentException("a retry time exactly when refused");
            }
        }
    }

    /** A full bucket at {@code now}: a number starts able to send a burst of {@code capacity}. */
    public State full(Instant now) {
        return new State(capacity * SCALE, now);
    }

    /** The state at {@code now}: refilled for the time since {@code refilledAt}, never above capacity. */
    public State refill(State state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        if (!now.isAfter(state.refilledAt())) {
            return state;
        }
        long max = capacity * SCALE;
        Duration between = Duration.between(state.refilledAt(), now);
        // In BigInteger from the start: a state written long ago (years) would overflow toNanos().
        BigInteger elapsed = BigInteger.valueOf(between.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(between.getNano()));
        // micro-tokens gained = elapsed × refillTokens × SCALE / periodNanos, exactly; BigInteger because
        // the product overflows a long for long gaps (a bucket idle for days).
        BigInteger gained = elapsed.multiply(BigInteger.valueOf(refillTokens * SCALE))
                .divide(BigInteger.valueOf(refillPeriod.toNanos()));
        long space = max - state.microTokens();
        if (gained.compareTo(BigInteger.valueOf(space)) >= 0) {
            return new State(max, now);
        }
        long g = gained.longValueExact();
        // The clock moves only by the time the granted micro-tokens took, so the remainder of a
        // micro-token is carried into the next refill instead of being lost (or, worse, rounded up).
        long used = BigInteger.valueOf(g).multiply(BigInteger.valueOf(refillPeriod.toNanos()))
                .add(BigInteger.valueOf(refillTokens * SCALE - 1))
                .divide(BigInteger.valueOf(refillTokens * SCALE)).longValueExact();
        return new State(state.microTokens() + g, state.refilledAt().plusNanos(used));
    }

    /**
     * Takes {@code n} tokens at {@code now} if the bucket has them; otherwise takes nothing and says when
     * it will have them (if nothing else takes first). Asking for more than the capacity is a bug.
     */
    public Take take(State state, int n, Instant now) {
        if (n < 1 || n > capacity) {
            throw new IllegalArgumentException("take 1 to " + capacity + " tokens: " + n);
        }
        State current = refill(state, now);
        long need = n * SCALE;
        if (current.microTokens() >= need) {
            return new Take(new State(current.microTokens() - need, current.refilledAt()), true, Optional.empty());
        }
        long missing = need - current.microTokens();
        long nanos = BigInteger.valueOf(missing).multiply(BigInteger.valueOf(refillPeriod.toNanos()))
                .add(BigInteger.valueOf(refillTokens * SCALE - 1))
                .divide(BigInteger.valueOf(refillTokens * SCALE)).longValueExact();
        // Counted from the refill instant, not from now: the state already holds the time since then.
        Instant due = current.refilledAt().plusNanos(nanos);
        return new Take(current, false, Optional.of(due.isAfter(now) ? due : now));
    }
}
