package com.qleven.domain.billing;

import java.util.Objects;
import java.util.UUID;

/** A package sold to a client (its balance, expiry and sale invoice); a center finds only its own. */
public record ClientPackageId(UUID value) {
    public ClientPackageId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
