package com.qleven.domain.privacy;

import java.util.Objects;
import java.util.UUID;

/** A personal-data breach's id in the platform's incident register. */
public record IncidentId(UUID value) {
    public IncidentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
