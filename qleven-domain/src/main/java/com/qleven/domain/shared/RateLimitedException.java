package com.qleven.domain.shared;

import java.time.Duration;

/** Too many attempts; retry after {@link #retryAfter()}. */
public final class RateLimitedException extends QlevenException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message, null);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
