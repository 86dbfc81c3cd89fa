package com.qleven.domain.scheduling;

import java.time.Instant;
import java.util.Objects;

/** A freed slot held for one waiting client until {@code expiresAt} (the center's hold after the offer). */
public record WaitlistOffer(FreedSlot slot, Instant offeredAt, Instant expiresAt) {
    public WaitlistOffer {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(offeredAt)) {
            throw new IllegalArgumentException("an offer is held for some time");
        }
    }

    /** True from {@code expiresAt} on: the hold is over and the slot may go to the next client. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
