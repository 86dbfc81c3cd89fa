package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A room's id; a center finds only its own. */
public record RoomId(UUID value) {
    public RoomId {
        Objects.requireNonNull(value, "value");
    }

    public static RoomId of(String text) {
        return new RoomId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
