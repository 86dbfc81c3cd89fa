package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.equipment;
import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static com.qleven.domain.scheduling.SchedulingFixtures.room;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.billing.Money;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweep against the plainest possible reading of the rule, on random centers (fixed seed):
 * a start is offered when every minute from buffer before to buffer after is worked, open, and
 * free for the professional, a room and one piece of each kind, checked minute by minute against
 * every interval with no sorting, joining or cursor.
 */
class AvailabilityOracleTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    private static final int[] GRIDS = {5, 10, 15, 20, 30, 60};
    private static final String[] KINDS = {"laser", "cooler"};

    @Test
    void the_sweep_offers_exactly_what_the_minute_by_minute_rule_offers() {
        Random random = new Random(20270328L);
        int offered = 0;
        for (int round = 0; round < 150; round++) {
            AvailabilityRequest request = randomRequest(random);
            List<AvailableSlot> fast = Availability.search(request);
            List<AvailableSlot> plain = oracle(request);
            assertThat(fast).as("round %d", round).containsExactlyElementsOf(plain);
            offered += fast.size();
        }
        // The random centers must offer something, or the comparison proves nothing.
        assertThat(offered).isGreaterThan(1000);
    }

    private static AvailabilityRequest randomRequest(Random random) {
        // Around the spring change in some rounds, anywhere in 2027 in others.
        LocalDate from = random.nextBoolean() ? LocalDate.of(2027, 3, 26).plusDays(random.nextInt(4))
                : LocalDate.of(2027, 1, 1).plusDays(random.nextInt(360));
        LocalDate to = from.plusDays(random.nextInt(4));
        List<StaffSchedule> staff = new ArrayList<>();
        int people = 1 + random.nextInt(4);
        for (int p = 1; p <= people; p++) {
            UserId id = professional(p);
            List<WeeklyInterval> weekly = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                weekly.addAll(randomDay(random).stream().map(w -> new WeeklyInterval(day, w)).toList());
            }
            List<DatedHours> exceptions = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                exceptions.add(new DatedHours(from.plusDays(random.nextInt(4)), randomDay(random)));
            }
            List<TimeOff> off = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                Instant start = minuteIn(random, from, to);
                off.add(new TimeOff(new TimeOffId(UUID.randomUUID()), id, start,
                        start.plusSeconds(60L * (15 + random.nextInt(240))), "off"));
            }
            staff.add(new StaffSchedule(id, new WeeklyHours(weekly), exceptions, off));
        }
        Set<UserId> allowed = new LinkedHashSet<>();
        if (random.nextInt(3) == 0) {
            allowed.add(professional(1 + random.nextInt(people)));
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String kind : KINDS) {
            if (random.nextInt(3) == 0) {
                kinds.add(kind);
            }
        }
        Service service = new Service(new ServiceId(UUID.randomUUID()), "s", 5 * (3 + random.nextInt(22)),
                5 * random.nextInt(5), 5 * random.nextInt(5), new Money(100, Currency.getInstance("EUR")), "21",
                random.nextBoolean(), kinds, allowed, true);
        List<RoomId> rooms = new ArrayList<>();
        for (int r = 1; r <= random.nextInt(4); r++) {
            rooms.add(room(r));
        }
        List<Equipment> machines = new ArrayList<>();
        for (int e = 1; e <= random.nextInt(5); e++) {
            machines.add(equipment(e, KINDS[random.nextInt(KINDS.length)],
                    random.nextInt(4) == 0 ? EquipmentStatus.MAINTENANCE : EquipmentStatus.AVAILABLE));
        }
        BusyIntervals.Builder busy = BusyIntervals.builder();
        for (int i = 0; i < random.nextInt(40); i++) {
            // Mostly on five-minute lines, as booked appointments are, so spans often just touch.
            Instant start = minuteIn(random, from, to);
            if (random.nextInt(4) > 0) {
                start = start.minusSeconds(start.getEpochSecond() % 300);
            }
            TimeRange range = new TimeRange(start, start.plusSeconds(60L * (5 + random.nextInt(120))));
            switch (random.nextInt(3)) {
                case 0 -> busy.professional(professional(1 + random.nextInt(people)), range);
                case 1 -> busy.room(room(1 + random.nextInt(3)), range);
                default -> busy.equipment(SchedulingFixtures.piece(1 + random.nextInt(4)), range);
            }
        }
        OpeningHours opening = OpeningHours.always();
        if (random.nextBoolean()) {
            TreeSet<LocalDate> closed = new TreeSet<>();
            if (random.nextBoolean()) {
                closed.add(from.plusDays(random.nextInt(4)));
            }
            opening = new OpeningHours(SchedulingFixtures.everyDay("08:00", "14:00", "16:00", "20:30"), closed);
        }
        return AvailabilityRequest.builder().zone(ZONE).slotMinutes(GRIDS[random.nextInt(GRIDS.length)])
                .openingHours(opening).service(service).professionals(staff).rooms(rooms).equipment(machines)
                .busy(busy.build()).dates(from, to)
                .onlyProfessional(random.nextInt(5) == 0 && service.performableBy(professional(1)) ? professional(1) : null)
                .build();
    }

    /** Zero to two windows on half hours between 07:00 and 21:00, apart from each other. */
    private static List<TimeWindow> randomDay(Random random) {
        List<TimeWindow> out = new ArrayList<>();
        int cursor = 14 + random.nextInt(6);
        for (int i = random.nextInt(3); i > 0 && cursor < 40; i--) {
            int end = Math.min(42, cursor + 1 + random.nextInt(12));
            out.add(new TimeWindow(LocalTime.of(cursor / 2, cursor % 2 * 30), LocalTime.of(end / 2, end % 2 * 30)));
            cursor = end + 1 + random.nextInt(3);
        }
        return out;
    }

    private static Instant minuteIn(Random random, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZONE).toInstant();
        long minutes = java.time.Duration.between(start, to.plusDays(1).atStartOfDay(ZONE).toInstant()).toMinutes();
        return start.plusSeconds(60L * random.nextInt((int) minutes));
    }

    private static List<AvailableSlot> oracle(AvailabilityRequest request) {
        Service service = request.service();
        List<AvailableSlot> out = new ArrayList<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            for (int minute = 0; minute < 1440; minute += request.slotMinutes()) {
                LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
                for (ZoneOffset offset : ZONE.getRules().getValidOffsets(local)) {
                    Instant start = local.toInstant(offset);
                    List<Instant> minutes = new ArrayList<>();
                    Instant u = start.minusSeconds(60L * service.bufferBeforeMinutes());
                    Instant end = start.plusSeconds(60L * (service.durationMinutes() + service.bufferAfterMinutes()));
                    for (; u.isBefore(end); u = u.plusSeconds(60)) {
                        minutes.add(u);
                    }
                    if (!minutes.stream().allMatch(m -> open(request, m))) {
                        continue;
                    }
                    RoomId room = null;
                    if (service.roomRequired()) {
                        room = request.rooms().stream()
                                .filter(r -> minutes.stream().allMatch(m -> free(request.busy().of(r), m)))
                                .findFirst().orElse(null);
                        if (room == null) {
                            continue;
                        }
                    }
                    List<EquipmentId> pieces = new ArrayList<>();
                    for (String kind : service.equipmentKinds()) {
                        request.equipment().stream()
                                .filter(e -> e.kind().equals(kind) && e.status() == EquipmentStatus.AVAILABLE)
                                .filter(e -> minutes.stream().allMatch(m -> free(request.busy().of(e.id()), m)))
                                .findFirst().ifPresent(e -> pieces.add(e.id()));
                    }
                    if (pieces.size() < service.equipmentKinds().size()) {
                        continue;
                    }
                    for (StaffSchedule s : request.professionals()) {
                        if (!service.performableBy(s.professional())
                                || (request.professional() != null && !request.professional().equals(s.professional()))) {
                            continue;
                        }
                        boolean ok = minutes.stream().allMatch(m -> worked(s, m) && free(request.busy().of(s.professional()), m)
                                && s.timeOff().stream().noneMatch(t -> t.range().contains(m)));
                        if (ok) {
                            out.add(new AvailableSlot(start, start.plusSeconds(60L * service.durationMinutes()),
                                    s.professional(), room, pieces));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(AvailableSlot::start).thenComparing(s -> s.professional().value()));
        return out;
    }

    private static boolean open(AvailabilityRequest request, Instant minute) {
        ZonedDateTime local = minute.atZone(ZONE);
        return inside(request.openingHours().windowsOn(local.toLocalDate()), local);
    }

    private static boolean worked(StaffSchedule schedule, Instant minute) {
        ZonedDateTime local = minute.atZone(ZONE);
        return inside(schedule.windowsOn(local.toLocalDate()), local);
    }

    private static boolean inside(List<TimeWindow> windows, ZonedDateTime local) {
        int m = local.getHour() * 60 + local.getMinute();
        return windows.stream().anyMatch(w -> m >= w.startMinute() && m < w.endMinute());
    }

    private static boolean free(List<TimeRange> busy, Instant minute) {
        return busy.stream().noneMatch(b -> b.contains(minute));
    }
}
