package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A service's (treatment's) id; a center finds only its own. */
public record ServiceId(UUID value) {
    public ServiceId {
        Objects.requireNonNull(value, "value");
    }

    public static ServiceId of(String text) {
        return new ServiceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
