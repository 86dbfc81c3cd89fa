package com.qleven.domain.shared;

import java.util.Map;

/** A conflict with the current state. {@code details} holds machine-readable members for the caller. */
public final class ConflictException extends QlevenException {
    private final Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(ErrorCode.CONFLICT, message, null);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
