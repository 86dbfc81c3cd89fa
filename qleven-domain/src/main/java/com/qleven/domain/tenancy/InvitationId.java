package com.qleven.domain.tenancy;

import java.util.Objects;
import java.util.UUID;

/** An invitation's id. */
public record InvitationId(UUID value) {
    public InvitationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
