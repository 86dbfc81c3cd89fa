package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A recurring series' id, shared by every appointment booked with it. */
public record SeriesId(UUID value) {
    public SeriesId {
        Objects.requireNonNull(value, "value");
    }

    public static SeriesId of(String text) {
        return new SeriesId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
