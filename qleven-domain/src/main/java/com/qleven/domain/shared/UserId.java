package com.qleven.domain.shared;

import java.util.Objects;
import java.util.UUID;

/** An account's id: a person who signs in, possibly in several centers. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
