package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A professional's time-off period's id. */
public record TimeOffId(UUID value) {
    public TimeOffId {
        Objects.requireNonNull(value, "value");
    }

    public static TimeOffId of(String text) {
        return new TimeOffId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
