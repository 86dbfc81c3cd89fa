package com.qleven.domain.clients;

import java.util.Objects;
import java.util.UUID;

/** A possible-duplicate flag's id: two clients of a center that staff should compare. */
public record ClientDuplicateId(UUID value) {
    public ClientDuplicateId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
