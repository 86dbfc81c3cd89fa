package com.qleven.domain.shared;

import java.time.Duration;

/**
 * No, bad or expired credentials. The message never says which. After repeated failures
 * {@link #slowDown()} asks the caller to hold the answer back that long before giving it.
 */
public final class UnauthenticatedException extends QlevenException {
    private final Duration slowDown;

    public UnauthenticatedException() {
        this(Duration.ZERO);
    }

    public UnauthenticatedException(Duration slowDown) {
        super(ErrorCode.UNAUTHENTICATED, "invalid or expired credentials", null);
        this.slowDown = slowDown;
    }

    public Duration slowDown() {
        return slowDown;
    }
}
