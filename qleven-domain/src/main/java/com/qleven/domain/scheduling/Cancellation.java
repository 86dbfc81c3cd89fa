package com.qleven.domain.scheduling;

import java.time.Instant;
import java.util.Objects;

/** Why, by whom and when an appointment was cancelled. */
public record Cancellation(String reason, Actor by, Instant at) {
    public Cancellation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
