package com.qleven.domain.clients;

import java.util.Objects;
import java.util.UUID;

/** A client's id, unique within the whole platform; a center finds only its own. */
public record ClientId(UUID value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
