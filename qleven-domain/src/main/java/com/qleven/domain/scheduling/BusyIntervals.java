package com.qleven.domain.scheduling;

import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is already taken, per professional, room and piece of equipment, as real instants that
 * already include the buffers of the appointments holding them (the intervals the exclusion
 * constraint guards). Order and overlaps do not matter: the search sorts and joins them once.
 */
public record BusyIntervals(Map<UserId, List<TimeRange>> professionals, Map<RoomId, List<TimeRange>> rooms,
                            Map<EquipmentId, List<TimeRange>> equipment) {
    public BusyIntervals {
        professionals = copy(professionals);
        rooms = copy(rooms);
        equipment = copy(equipment);
    }

    public static BusyIntervals none() {
        return new BusyIntervals(Map.of(), Map.of(), Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<TimeRange> of(UserId professional) {
        return professionals.getOrDefault(professional, List.of());
    }

    public List<TimeRange> of(RoomId room) {
        return rooms.getOrDefault(room, List.of());
    }

    public List<TimeRange> of(EquipmentId piece) {
        return equipment.getOrDefault(piece, List.of());
    }

    private static <K> Map<K, List<TimeRange>> copy(Map<K, List<TimeRange>> map) {
        Map<K, List<TimeRange>> out = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(Objects.requireNonNull(k, "resource"), List.copyOf(v)));
        }
        return Map.copyOf(out);
    }

    /** Collects intervals resource by resource, as rows arrive from a query. */
    public static final class Builder {
        private final Map<UserId, List<TimeRange>> professionals = new HashMap<>();
        private final Map<RoomId, List<TimeRange>> rooms = new HashMap<>();
        private final Map<EquipmentId, List<TimeRange>> equipment = new HashMap<>();

        private Builder() {
        }

        public Builder professional(UserId id, TimeRange busy) {
            professionals.computeIfAbsent(id, k -> new ArrayList<>()).add(Objects.requireNonNull(busy, "busy"));
            return this;
        }

        public Builder room(RoomId id, TimeRange busy) {
            rooms.computeIfAbsent(id, k -> new ArrayList<>()).add(Objects.requireNonNull(busy, "busy"));
            return this;
        }

        public Builder equipment(EquipmentId id, TimeRange busy) {
            equipment.computeIfAbsent(id, k -> new ArrayList<>()).add(Objects.requireNonNull(busy, "busy"));
            return this;
        }

        public BusyIntervals build() {
            return new BusyIntervals(professionals, rooms, equipment);
        }
    }
}
