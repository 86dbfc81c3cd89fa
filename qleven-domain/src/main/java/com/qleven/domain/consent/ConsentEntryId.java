package com.qleven.domain.consent;

import java.util.Objects;
import java.util.UUID;

/** One entry of the consent ledger. */
public record ConsentEntryId(UUID value) {
    public ConsentEntryId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
