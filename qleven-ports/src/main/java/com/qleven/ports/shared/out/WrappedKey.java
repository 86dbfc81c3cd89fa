package com.qleven.ports.shared.out;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A data key encrypted ("wrapped") by a master key, as it is stored. Never holds a plain key. */
public record WrappedKey(UUID id, KeyScope scope, String masterKeyId, byte[] wrapped, Instant createdAt) {
    public WrappedKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        Objects.requireNonNull(wrapped, "wrapped");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
