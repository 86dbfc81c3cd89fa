package com.qleven.domain.billing;

import java.util.Objects;
import java.util.UUID;

/** A prepaid package of the center's catalogue (what is on sale); a center finds only its own. */
public record PackageId(UUID value) {
    public PackageId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
