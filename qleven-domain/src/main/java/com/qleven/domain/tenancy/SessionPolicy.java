package com.qleven.domain.tenancy;

import java.time.Duration;
import java.time.Instant;

/** When a sign-in session ends by itself: 30 minutes idle, 12 hours after sign-in at the latest. */
public record SessionPolicy(Duration idle, Duration absolute, Duration touchInterval) {
    public static final SessionPolicy DEFAULT =
            new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(60));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("idle must be positive and absolute at least idle");
        }
    }

    public Instant absoluteExpiry(Instant signedInAt) {
        return signedInAt.plus(absolute);
    }

    /** The instant the session expires unless it is used again. */
    public Instant expiresAt(Instant lastSeenAt, Instant absoluteExpiry) {
        Instant idleExpiry = lastSeenAt.plus(idle);
        return idleExpiry.isBefore(absoluteExpiry) ? idleExpiry : absoluteExpiry;
    }

    public boolean isActive(Instant lastSeenAt, Instant absoluteExpiry, Instant now) {
        return now.isBefore(expiresAt(lastSeenAt, absoluteExpiry));
    }

    /** Recording every request's time would write on every read; a minute's precision is enough. */
    public boolean shouldTouch(Instant lastSeenAt, Instant now) {
        return !now.isBefore(lastSeenAt.plus(touchInterval));
    }
}
