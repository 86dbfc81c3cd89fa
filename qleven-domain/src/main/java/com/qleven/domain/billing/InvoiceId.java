package com.qleven.domain.billing;

import java.util.Objects;
import java.util.UUID;

/** An invoice's or credit note's id, unique within the whole platform; a center finds only its own. */
public record InvoiceId(UUID value) {
    public InvoiceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
