package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.aService;
import static com.qleven.domain.scheduling.SchedulingFixtures.equipment;
import static com.qleven.domain.scheduling.SchedulingFixtures.everyDay;
import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static com.qleven.domain.scheduling.SchedulingFixtures.room;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The in-memory half of issue 9's availability benchmark: 30 professionals, 10 rooms, 10,000
 * appointments over 60 days, one service needing a room and a machine, searched over 7 days across
 * all professionals. The target for the whole search (SQL included) is 20 ms. A benchmark, not a
 * test: it prints what it measured and is not part of {@code mvn verify}; run it with {@code mvn -pl
 * qleven-domain test -Dtest=AvailabilityBenchmarkTest -Dqleven.bench=true}.
 */
@EnabledIfSystemProperty(named = "qleven.bench", matches = "true")
class AvailabilityBenchmarkTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void thirty_professionals_ten_rooms_ten_thousand_appointments_seven_days() {
        Random random = new Random(9L);
        LocalDate first = LocalDate.of(2027, 3, 1);
        List<StaffSchedule> staff = new ArrayList<>();
        for (int p = 1; p <= 30; p++) {
            staff.add(StaffSchedule.weekly(professional(p), everyDay("09:00", "14:00", "15:00", "20:00")));
        }
        List<RoomId> rooms = new ArrayList<>();
        for (int r = 1; r <= 10; r++) {
            rooms.add(room(r));
        }
        List<Equipment> machines = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            machines.add(equipment(e, "laser", e == 4 ? EquipmentStatus.MAINTENANCE : EquipmentStatus.AVAILABLE));
        }
        BusyIntervals.Builder busy = BusyIntervals.builder();
        for (int a = 0; a < 10_000; a++) {
            Instant start = first.plusDays(random.nextInt(60)).atTime(9, 0).atZone(MADRID).toInstant()
                    .plus(Duration.ofMinutes(15L * random.nextInt(40)));
            TimeRange range = new TimeRange(start, start.plus(Duration.ofMinutes(30 + 15L * random.nextInt(4))));
            busy.professional(professional(1 + random.nextInt(30)), range);
            busy.room(room(1 + random.nextInt(10)), range);
            if (random.nextInt(4) == 0) {
                busy.equipment(SchedulingFixtures.piece(1 + random.nextInt(4)), range);
            }
        }
        AvailabilityRequest request = AvailabilityRequest.builder().zone(MADRID)
                .service(aService().duration(45).buffers(5, 10).needsRoom().needs("laser").build())
                .professionals(staff).rooms(rooms).equipment(machines).busy(busy.build())
                .dates(first.plusDays(20), first.plusDays(26)).build();

        int slots = 0;
        for (int warm = 0; warm < 200; warm++) {
            slots = Availability.search(request).size();
        }
        long[] nanos = new long[50];
        for (int run = 0; run < nanos.length; run++) {
            long t0 = System.nanoTime();
            slots = Availability.search(request).size();
            nanos[run] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double median = nanos[nanos.length / 2] / 1e6;
        double p90 = nanos[nanos.length * 9 / 10] / 1e6;
        System.out.printf("availability in memory: 30 professionals, 10 rooms, 10000 appointments, 7 days: "
                + "%d slots, median %.2f ms, p90 %.2f ms%n", slots, median, p90);
        assertThat(slots).isPositive();
    }
}
