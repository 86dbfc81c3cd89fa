package com.qleven.ports.scheduling.in;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What an availability search found: one slot per start and professional, by start then
 * professional, and the center's zone, in whose offsets the slots are answered.
 */
public record AvailabilityView(ZoneId zone, List<Slot> slots) {
    /** A start at which the service can be booked with {@code professional}; it ends at {@code end}. */
    public record Slot(Instant start, Instant end, UserId professional) {
        public Slot {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(professional, "professional");
        }
    }

    public AvailabilityView {
        Objects.requireNonNull(zone, "zone");
        slots = List.copyOf(slots);
    }
}
