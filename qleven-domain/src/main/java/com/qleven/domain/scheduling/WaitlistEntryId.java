package com.qleven.domain.scheduling;

import java.util.Objects;
import java.util.UUID;

/** A waitlist entry's id: one client waiting for one service in one date window. */
public record WaitlistEntryId(UUID value) {
    public WaitlistEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static WaitlistEntryId of(String text) {
        return new WaitlistEntryId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
