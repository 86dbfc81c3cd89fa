package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A piece of equipment's id (one machine, not a kind); a center finds only its own. */
public record EquipmentId(UUID value) {
    public EquipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static EquipmentId of(String text) {
        return new EquipmentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
