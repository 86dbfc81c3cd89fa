package com.qleven.domain.privacy;

import java.util.Objects;
import java.util.UUID;

/** A data-subject request's id, unique within the whole platform; a center finds only its own. */
public record PrivacyRequestId(UUID value) {
    public PrivacyRequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
