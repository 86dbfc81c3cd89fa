package com.qleven.domain.scheduling;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/** A slot an appointment gave back (cancelled or moved): what the waitlist tries to fill. */
public record FreedSlot(ServiceId service, UserId professional, Instant start, Instant end) {
    public FreedSlot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
