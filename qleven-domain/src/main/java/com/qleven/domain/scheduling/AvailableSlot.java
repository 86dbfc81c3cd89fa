package com.qleven.domain.scheduling;

import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A start at which the service can be booked with {@code professional}, and the room (null when the
 * service needs none) and the piece of each needed equipment kind booking would assign, in the
 * order of the service's kinds. {@code end - start} is the treatment's real duration in instants,
 * across a daylight-saving change too.
 */
public record AvailableSlot(Instant start, Instant end, UserId professional, RoomId room,
                            List<EquipmentId> equipment) {
    public AvailableSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(professional, "professional");
        equipment = List.copyOf(equipment);
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
