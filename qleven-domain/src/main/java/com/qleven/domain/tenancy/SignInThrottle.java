package com.qleven.domain.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins are slowed and then refused, per account (by email) and per client address.
 * A pure policy: the caller counts the failures and applies the decision.
 */
public record SignInThrottle(int slowAfter, Duration slowStep, Duration maxSlow,
                             int refuseAfterShort, Duration shortWindow,
                             int refuseAfterLong, Duration longWindow,
                             int refuseAfterPerAddress) {

    public static final SignInThrottle DEFAULT = new SignInThrottle(
            3, Duration.ofSeconds(1), Duration.ofSeconds(5),
            10, Duration.ofMinutes(15),
            100, Duration.ofHours(1),
            50);

    /** Failures counted in a window, with the oldest one so that the refusal can say when to retry. */
    public record Failures(int count, Optional<Instant> oldest) {
        public static final Failures NONE = new Failures(0, Optional.empty());
    }

    /** Whether to try the password at all. */
    public sealed interface Decision permits Allow, Refuse {
    }

    public record Allow() implements Decision {
    }

    public record Refuse(Duration retryAfter) implements Decision {
    }

    /** Decided before the password is hashed, so a refused attempt costs no Argon2id work. */
    public Decision beforeAttempt(Failures accountShort, Failures accountLong, Failures addressShort, Instant now) {
        if (accountLong.count() >= refuseAfterLong) {
            return new Refuse(until(accountLong.oldest(), longWindow, now));
        }
        if (accountShort.count() >= refuseAfterShort) {
            return new Refuse(until(accountShort.oldest(), shortWindow, now));
        }
        if (addressShort.count() >= refuseAfterPerAddress) {
            return new Refuse(until(addressShort.oldest(), shortWindow, now));
        }
        return new Allow();
    }

    /**
     * The first instant a window ending now counts. Windows are half-open: a failure exactly one
     * window old has aged out, so a retry at the announced {@code Retry-After} is let through.
     * Storage keeps microseconds, hence the one-microsecond step.
     */
    public static Instant windowStart(Duration window, Instant now) {
        return now.minus(window).plusNanos(1_000);
    }

    /** How long to hold back the answer to a failed attempt, given the failures before it. */
    public Duration slowDown(int recentFailures) {
        if (recentFailures < slowAfter) {
            return Duration.ZERO;
        }
        Duration d = slowStep.multipliedBy(recentFailures - slowAfter + 1L);
        return d.compareTo(maxSlow) > 0 ? maxSlow : d;
    }

    private static Duration until(Optional<Instant> oldest, Duration window, Instant now) {
        Duration left = oldest.map(o -> Duration.between(now, o.plus(window))).orElse(window);
        long seconds = Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        return Duration.ofSeconds(seconds);
    }
}
