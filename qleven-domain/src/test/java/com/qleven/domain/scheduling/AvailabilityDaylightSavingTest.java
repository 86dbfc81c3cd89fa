package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.aService;
import static com.qleven.domain.scheduling.SchedulingFixtures.everyDay;
import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nights the clocks move in the two test zones, taken from the JDK's tz rules rather than
 * guessed: Europe/Madrid's last Sundays of March and October 2027, and Africa/Casablanca's 2027
 * changes around Ramadan (its standard offset is +01 and it falls back to +00 for the month).
 */
class AvailabilityDaylightSavingTest {
    private static final UserId ANA = professional(1);

    static Stream<Arguments> transitions2027() {
        List<Arguments> out = new ArrayList<>();
        for (String zone : List.of("Europe/Madrid", "Africa/Casablanca")) {
            ZoneId id = ZoneId.of(zone);
            Instant cursor = Instant.parse("2027-01-01T00:00:00Z");
            ZoneOffsetTransition t;
            while ((t = id.getRules().nextTransition(cursor)) != null
                    && t.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"))) {
                out.add(Arguments.of(zone, t));
                cursor = t.getInstant();
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions2027")
    void both_zones_change_twice_in_2027_once_each_way(String zone, ZoneOffsetTransition transition) {
        long sameZone = transitions2027().filter(a -> a.get()[0].equals(zone)).count();
        long gaps = transitions2027().filter(a -> a.get()[0].equals(zone))
                .filter(a -> ((ZoneOffsetTransition) a.get()[1]).isGap()).count();
        assertThat(sameZone).isEqualTo(2);
        assertThat(gaps).isEqualTo(1);
        if (zone.equals("Europe/Madrid")) {
            LocalDate date = transition.getDateTimeBefore().toLocalDate();
            assertThat(date.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
            assertThat(date.plusWeeks(1).getMonth()).isNotEqualTo(date.getMonth());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions2027")
    void every_existing_grid_time_once_per_occurrence_and_every_slot_its_real_duration(
            String zone, ZoneOffsetTransition transition) {
        ZoneId id = ZoneId.of(zone);
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        Service service = aService().duration(45).buffers(5, 10).build();
        List<AvailableSlot> slots = Availability.search(AvailabilityRequest.builder().zone(id).service(service)
                .professionals(List.of(StaffSchedule.weekly(ANA, everyDay("00:00", "24:00"))))
                .dates(day, day).build());

        // Independently: every real minute of that local day whose wall-clock time is on the grid.
        List<Instant> expected = new ArrayList<>();
        Instant t = day.atStartOfDay(id).toInstant().minus(Duration.ofHours(3));
        for (; t.isBefore(day.plusDays(1).atStartOfDay(id).toInstant()); t = t.plusSeconds(60)) {
            ZonedDateTime local = t.atZone(id);
            if (local.toLocalDate().equals(day) && local.getMinute() % 15 == 0) {
                expected.add(t);
            }
        }
        assertThat(slots).extracting(AvailableSlot::start).containsExactlyElementsOf(expected);
        assertThat(slots).allSatisfy(s ->
                assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(45)));
        assertThat(new HashSet<>(slots.stream().map(AvailableSlot::start).toList())).hasSize(slots.size());

        long hours = Duration.between(day.atStartOfDay(id), day.plusDays(1).atStartOfDay(id)).toHours();
        assertThat(slots).hasSize((int) hours * 4);
        LocalDateTime after = transition.getDateTimeAfter();
        if (transition.isGap()) {
            assertThat(hours).isEqualTo(23);
            // The grid times inside the jump are skipped, not moved onto the landing time (which
            // the duplicate check above would catch): the landing time is there once.
            assertThat(slots).extracting(s -> s.start().atZone(id).toLocalTime())
                    .containsOnlyOnce(after.toLocalTime());
        } else {
            assertThat(hours).isEqualTo(25);
            // The repeated hour: each of its grid times twice, an hour of real time apart.
            LocalTime repeated = after.toLocalTime().plusMinutes(15);
            List<Instant> twice = slots.stream().map(AvailableSlot::start)
                    .filter(s -> s.atZone(id).toLocalTime().equals(repeated)).toList();
            assertThat(twice).hasSize(2);
            assertThat(Duration.between(twice.get(0), twice.get(1))).isEqualTo(Duration.ofHours(1));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions2027")
    void hours_that_start_inside_the_jump_open_when_the_clock_lands(String zone, ZoneOffsetTransition transition) {
        if (!transition.isGap()) {
            return;
        }
        ZoneId id = ZoneId.of(zone);
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        LocalTime inside = transition.getDateTimeBefore().toLocalTime().plusMinutes(30);
        StaffSchedule ana = new StaffSchedule(ANA, WeeklyHours.none(),
                List.of(new DatedHours(day, List.of(new TimeWindow(inside, inside.plusHours(3))))), List.of());
        List<AvailableSlot> slots = Availability.search(AvailabilityRequest.builder().zone(id)
                .service(aService().duration(60).build()).professionals(List.of(ana)).dates(day, day).build());
        assertThat(slots.get(0).start()).isEqualTo(transition.getInstant());
        // Hours from 02:30 (inside the jump) to 05:30 are two real hours, from the landing at 03:00.
        Instant lastEnd = slots.get(slots.size() - 1).end();
        assertThat(lastEnd).isEqualTo(ZonedDateTime.of(day, inside.plusHours(3), id).toInstant());
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1)));
    }
}
