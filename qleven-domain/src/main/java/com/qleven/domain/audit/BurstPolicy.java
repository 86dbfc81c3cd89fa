package com.qleven.domain.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * When a burst becomes an alert: more than {@code threshold} events (or distinct subjects) within
 * any sliding {@code window}.
 */
public record BurstPolicy(int threshold, Duration window) {
    /** Reads of more than 200 distinct clients by one account within 10 minutes. */
    public static final BurstPolicy CLIENT_READS = new BurstPolicy(200, Duration.ofMinutes(10));
    /** More than 20 failed sign-ins for one account, or from one address, within 10 minutes. */
    public static final BurstPolicy FAILED_SIGN_INS = new BurstPolicy(20, Duration.ofMinutes(10));

    public BurstPolicy {
        Objects.requireNonNull(window, "window");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }
}
