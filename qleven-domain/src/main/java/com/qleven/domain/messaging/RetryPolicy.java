package com.qleven.domain.messaging;

import java.util.Objects;

/** How often a message is tried before it fails for good, and how long it waits in between. */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts is 1 to 20: " + maxAttempts);
        }
    }

    /** The default: 6 attempts with the standard backoff. */
    public static RetryPolicy standard() {
        return new RetryPolicy(6, Backoff.standard());
    }
}
