package com.qleven.domain.privacy;

import java.util.Objects;
import java.util.UUID;

/** A sub-processor's id in the platform's register. */
public record SubprocessorId(UUID value) {
    public SubprocessorId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
