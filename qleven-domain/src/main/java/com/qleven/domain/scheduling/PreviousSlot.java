package com.qleven.domain.scheduling;

import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where an appointment was before a reschedule, kept in its history: the times, professional, room
 * and equipment it held, and who moved it when.
 */
public record PreviousSlot(Instant start, Instant end, UserId professional, RoomId room, List<EquipmentId> equipment,
                           Instant movedAt, Actor movedBy) {
    public PreviousSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(professional, "professional");
        equipment = List.copyOf(equipment);
        Objects.requireNonNull(movedAt, "movedAt");
        Objects.requireNonNull(movedBy, "movedBy");
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
