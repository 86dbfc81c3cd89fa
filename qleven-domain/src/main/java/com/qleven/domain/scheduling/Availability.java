package com.qleven.domain.scheduling;

import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The availability search: every start on the center's local wall-clock grid, within the inclusive
 * local date range, at which a professional, a room if the service needs one and one piece of each
 * needed equipment kind are all free for buffer before + treatment + buffer after, and that whole
 * span lies inside the professional's hours and the center's opening hours. One entry per start and
 * professional, ordered by start then professional id, each naming the room and pieces booking would
 * assign (the first free ones in the order given).
 *
 * <p>Daylight saving (API.md): the grid is local wall-clock minutes ({@code :00, :15, …}); a local
 * time that does not exist that night is skipped; a local time that happens twice gives two distinct
 * starts; every slot lasts its real duration in instants. An hours boundary that falls in a gap
 * opens or closes when the clock jumps; one in the repeated hour opens at its first occurrence and
 * closes at its second.
 *
 * <p>Cost: each resource's busy intervals are sorted and joined once, then every resource is swept
 * with one cursor that only moves forward, because the grid's starts and their occupied spans both
 * increase. With B busy intervals, G grid starts in the range, P professionals, R rooms and E
 * pieces of needed equipment, a search costs O(B log B + G · (P + R + E)); no step scans the
 * appointments per slot.
 */
public final class Availability {
    private static final long NANOS = 1_000_000_000L;

    private Availability() {
    }

    /** Searches as the class describes. An inactive service or a professional who may not perform it is a 422. */
    public static List<AvailableSlot> search(AvailabilityRequest request) {
        Service service = request.service();
        if (!service.active()) {
            throw new UnprocessableException("serviceId", "the service is not active");
        }
        if (request.professional() != null && !service.performableBy(request.professional())) {
            throw new UnprocessableException("professionalId", "this professional does not perform the service");
        }
        List<StaffSchedule> candidates = candidates(request);
        if (candidates.isEmpty()) {
            return List.of();
        }
        ZoneRules rules = request.zone().getRules();
        long before = service.bufferBeforeMinutes() * 60L * NANOS;
        long treatment = service.durationMinutes() * 60L * NANOS;
        long after = service.bufferAfterMinutes() * 60L * NANOS;

        long[] grid = grid(request, rules);
        int g = grid.length;
        if (g == 0) {
            return List.of();
        }

        // Rooms and equipment do not depend on the professional: decide them once per start.
        RoomId[] roomAt = new RoomId[g];
        EquipmentId[][] piecesAt = new EquipmentId[g][];
        boolean[] resourcesFree = resources(request, grid, before, treatment, after, roomAt, piecesAt);

        Intervals opening = openingIntervals(request, rules);
        List<AvailableSlot> slots = new ArrayList<>();
        int p = candidates.size();
        Cursor[] working = new Cursor[p];
        Cursor[] busy = new Cursor[p];
        for (int i = 0; i < p; i++) {
            StaffSchedule schedule = candidates.get(i);
            working[i] = new Cursor(workingIntervals(request, schedule, rules).intersect(opening));
            List<TimeRange> taken = new ArrayList<>(request.busy().of(schedule.professional()));
            schedule.timeOff().forEach(off -> taken.add(off.range()));
            busy[i] = new Cursor(Intervals.joined(taken));
        }
        for (int k = 0; k < g; k++) {
            if (!resourcesFree[k]) {
                continue;
            }
            long start = grid[k];
            long from = start - before;
            long to = start + treatment + after;
            for (int i = 0; i < p; i++) {
                if (working[i].covers(from, to) && busy[i].free(from, to)) {
                    slots.add(new AvailableSlot(instant(start), instant(start + treatment),
                            candidates.get(i).professional(), roomAt[k],
                            piecesAt[k] == null ? List.of() : Arrays.asList(piecesAt[k])));
                }
            }
        }
        return List.copyOf(slots);
    }

    /**
     * True when {@code start} falls on the center's grid: whole minutes, a local minute of the day
     * the grid divides. A booking off the grid is refused naming {@code start}.
     */
    public static boolean isOnGrid(Instant start, ZoneId zone, int slotMinutes) {
        ZonedDateTime local = start.atZone(zone);
        if (local.getSecond() != 0 || local.getNano() != 0) {
            return false;
        }
        return (local.getHour() * 60 + local.getMinute()) % slotMinutes == 0;
    }

    private static List<StaffSchedule> candidates(AvailabilityRequest request) {
        Map<UserId, StaffSchedule> unique = new LinkedHashMap<>();
        for (StaffSchedule s : request.professionals()) {
            if (request.service().performableBy(s.professional())
                    && (request.professional() == null || request.professional().equals(s.professional()))) {
                unique.putIfAbsent(s.professional(), s);
            }
        }
        List<StaffSchedule> out = new ArrayList<>(unique.values());
        out.sort(Comparator.comparing(s -> s.professional().value()));
        return out;
    }

    /** Every grid start of the range, as sorted instants (nanoseconds since the epoch). */
    private static long[] grid(AvailabilityRequest request, ZoneRules rules) {
        int step = request.slotMinutes();
        long notBefore = request.notBefore() == null ? Long.MIN_VALUE : nanos(request.notBefore());
        long[] out = new long[64];
        int n = 0;
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            List<TimeWindow> open = request.openingHours().windowsOn(day);
            if (open.isEmpty()) {
                continue;
            }
            LocalDateTime midnight = day.atStartOfDay();
            for (int minute = 0; minute < TimeWindow.MINUTES_PER_DAY; minute += step) {
                if (!inside(open, minute)) {
                    continue;
                }
                LocalDateTime local = midnight.plusMinutes(minute);
                for (ZoneOffset offset : rules.getValidOffsets(local)) {
                    long t = nanos(local.toInstant(offset));
                    if (t >= notBefore) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = t;
                    }
                }
            }
        }
        long[] grid = Arrays.copyOf(out, n);
        Arrays.sort(grid);
        return grid;
    }

    private static boolean inside(List<TimeWindow> windows, int minute) {
        for (TimeWindow w : windows) {
            if (minute >= w.startMinute() && minute < w.endMinute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each start, the first free room (when needed) and the first free piece of each kind;
     * false where one is missing, so no professional is tried there.
     */
    private static boolean[] resources(AvailabilityRequest request, long[] grid, long before, long treatment,
                                       long after, RoomId[] roomAt, EquipmentId[][] piecesAt) {
        Service service = request.service();
        boolean[] free = new boolean[grid.length];
        Arrays.fill(free, true);
        List<RoomId> rooms = service.roomRequired() ? request.rooms() : List.of();
        Cursor[] roomCursors = new Cursor[rooms.size()];
        for (int r = 0; r < rooms.size(); r++) {
            roomCursors[r] = new Cursor(Intervals.joined(request.busy().of(rooms.get(r))));
        }
        List<String> kinds = new ArrayList<>(service.equipmentKinds());
        List<List<Equipment>> pieces = new ArrayList<>();
        List<Cursor[]> pieceCursors = new ArrayList<>();
        for (String kind : kinds) {
            List<Equipment> ofKind = request.equipment().stream()
                    .filter(e -> e.bookable() && e.kind().equals(kind)).toList();
            Cursor[] cursors = new Cursor[ofKind.size()];
            for (int e = 0; e < ofKind.size(); e++) {
                cursors[e] = new Cursor(Intervals.joined(request.busy().of(ofKind.get(e).id())));
            }
            pieces.add(ofKind);
            pieceCursors.add(cursors);
        }
        for (int k = 0; k < grid.length; k++) {
            long from = grid[k] - before;
            long to = grid[k] + treatment + after;
            if (service.roomRequired()) {
                RoomId room = null;
                for (int r = 0; r < roomCursors.length && room == null; r++) {
                    if (roomCursors[r].free(from, to)) {
                        room = rooms.get(r);
                    }
                }
                if (room == null) {
                    free[k] = false;
                    continue;
                }
                roomAt[k] = room;
            }
            if (!kinds.isEmpty()) {
                EquipmentId[] chosen = new EquipmentId[kinds.size()];
                for (int kind = 0; kind < kinds.size() && free[k]; kind++) {
                    Cursor[] cursors = pieceCursors.get(kind);
                    for (int e = 0; e < cursors.length && chosen[kind] == null; e++) {
                        if (cursors[e].free(from, to)) {
                            chosen[kind] = pieces.get(kind).get(e).id();
                        }
                    }
                    free[k] = chosen[kind] != null;
                }
                piecesAt[k] = chosen;
            }
        }
        return free;
    }

    private static Intervals openingIntervals(AvailabilityRequest request, ZoneRules rules) {
        return dayWindows(request, rules, day -> request.openingHours().windowsOn(day));
    }

    private static Intervals workingIntervals(AvailabilityRequest request, StaffSchedule schedule, ZoneRules rules) {
        Map<LocalDate, List<TimeWindow>> exceptions = new HashMap<>();
        schedule.exceptions().forEach(e -> exceptions.put(e.date(), e.windows()));
        Map<java.time.DayOfWeek, List<TimeWindow>> weekly = schedule.weekly().byDay();
        return dayWindows(request, rules,
                day -> exceptions.getOrDefault(day, weekly.getOrDefault(day.getDayOfWeek(), List.of())));
    }

    /**
     * The windows of each day of the range, and of the day either side (a buffer may reach across
     * midnight), as joined instant intervals.
     */
    private static Intervals dayWindows(AvailabilityRequest request, ZoneRules rules,
                                        java.util.function.Function<LocalDate, List<TimeWindow>> windowsOn) {
        List<long[]> spans = new ArrayList<>();
        for (LocalDate day = request.from().minusDays(1); !day.isAfter(request.to().plusDays(1));
             day = day.plusDays(1)) {
            for (TimeWindow w : windowsOn.apply(day)) {
                long start = boundary(day, w.startMinute(), true, rules);
                long end = boundary(day, w.endMinute(), false, rules);
                if (end > start) {
                    spans.add(new long[]{start, end});
                }
            }
        }
        return Intervals.joinedSpans(spans);
    }

    /**
     * A local hours boundary as an instant: in a gap, the instant the clock jumps; in the repeated
     * hour, the first occurrence for a start and the second for an end, so the window holds both.
     */
    private static long boundary(LocalDate day, int minute, boolean start, ZoneRules rules) {
        LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition == null) {
            return nanos(local.toInstant(rules.getOffset(local)));
        }
        if (transition.isGap()) {
            return nanos(transition.getInstant());
        }
        return nanos(local.toInstant(start ? transition.getOffsetBefore() : transition.getOffsetAfter()));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * NANOS + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** Sorted, disjoint, non-touching intervals of nanoseconds since the epoch. */
    private record Intervals(long[] starts, long[] ends) {
        static Intervals joined(Collection<TimeRange> ranges) {
            List<long[]> spans = new ArrayList<>(ranges.size());
            for (TimeRange r : ranges) {
                spans.add(new long[]{nanos(r.start()), nanos(r.end())});
            }
            return joinedSpans(spans);
        }

        static Intervals joinedSpans(List<long[]> spans) {
            spans.sort(Comparator.comparingLong(s -> s[0]));
            long[] starts = new long[spans.size()];
            long[] ends = new long[spans.size()];
            int n = 0;
            for (long[] s : spans) {
                if (n > 0 && s[0] <= ends[n - 1]) {
                    ends[n - 1] = Math.max(ends[n - 1], s[1]);
                } else {
                    starts[n] = s[0];
                    ends[n] = s[1];
                    n++;
                }
            }
            return new Intervals(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }

        /** The parts both cover, by one merge of the two sorted lists. */
        Intervals intersect(Intervals other) {
            List<long[]> out = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < starts.length && j < other.starts.length) {
                long s = Math.max(starts[i], other.starts[j]);
                long e = Math.min(ends[i], other.ends[j]);
                if (s < e) {
                    out.add(new long[]{s, e});
                }
                if (ends[i] < other.ends[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return joinedSpans(out);
        }
    }

    /**
     * A forward-only reader of one resource's intervals. Valid only for queries whose starts never
     * decrease, which the sorted grid guarantees; an interval ending at or before a query's start can
     * never matter again, so it is passed for good.
     */
    private static final class Cursor {
        private final long[] starts;
        private final long[] ends;
        private int next;

        Cursor(Intervals intervals) {
            this.starts = intervals.starts();
            this.ends = intervals.ends();
        }

        /** No interval overlaps {@code [from, to)}. */
        boolean free(long from, long to) {
            skipBefore(from);
            return next == starts.length || starts[next] >= to;
        }

        /** One interval holds all of {@code [from, to)}. */
        boolean covers(long from, long to) {
            skipBefore(from);
            return next < starts.length && starts[next] <= from && ends[next] >= to;
        }

        private void skipBefore(long from) {
            while (next < ends.length && ends[next] <= from) {
                next++;
            }
        }
    }
}
