package com.qleven.domain.billing;

import java.util.Objects;
import java.util.UUID;

/** A payment's, refund's or deposit's id, unique within the whole platform; a center finds only its own. */
public record PaymentId(UUID value) {
    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
