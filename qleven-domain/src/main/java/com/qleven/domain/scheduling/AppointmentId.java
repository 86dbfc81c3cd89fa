package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** An appointment's id; the same id through every status and reschedule. */
public record AppointmentId(UUID value) {
    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AppointmentId of(String text) {
        return new AppointmentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
