package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.aService;
import static com.qleven.domain.scheduling.SchedulingFixtures.equipment;
import static com.qleven.domain.scheduling.SchedulingFixtures.everyDay;
import static com.qleven.domain.scheduling.SchedulingFixtures.piece;
import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static com.qleven.domain.scheduling.SchedulingFixtures.room;
import static com.qleven.domain.scheduling.SchedulingFixtures.time;
import static com.qleven.domain.scheduling.SchedulingFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AvailabilityTest {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** A Monday. */
    static final LocalDate DAY = LocalDate.of(2027, 1, 4);
    static final UserId ANA = professional(1);
    static final UserId BOB = professional(2);

    private static AvailabilityRequest.Builder oneDay(Service service, StaffSchedule... staff) {
        return AvailabilityRequest.builder().zone(MADRID).service(service).professionals(List.of(staff))
                .dates(DAY, DAY);
    }

    private static List<LocalTime> startTimes(List<AvailableSlot> slots) {
        return slots.stream().map(s -> s.start().atZone(MADRID).toLocalTime()).toList();
    }

    private static Instant at(String localTime) {
        return ZonedDateTime.of(DAY, time(localTime), MADRID).toInstant();
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(at(from), at(to));
    }

    private static List<LocalTime> times(String... texts) {
        return java.util.Arrays.stream(texts).map(SchedulingFixtures::time).toList();
    }

    @Test
    void every_grid_start_where_the_treatment_fits_in_the_hours() {
        List<AvailableSlot> slots = Availability.search(
                oneDay(aService().duration(60).build(), StaffSchedule.weekly(ANA, everyDay("09:00", "11:00"))).build());
        assertThat(startTimes(slots)).isEqualTo(times("09:00", "09:15", "09:30", "09:45", "10:00"));
        assertThat(slots).allSatisfy(s -> {
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(60));
            assertThat(s.professional()).isEqualTo(ANA);
            assertThat(s.room()).isNull();
            assertThat(s.equipment()).isEmpty();
        });
    }

    @Test
    void a_break_is_a_gap_no_treatment_crosses() {
        List<AvailableSlot> slots = Availability.search(oneDay(aService().duration(30).build(),
                StaffSchedule.weekly(ANA, everyDay("09:00", "10:00", "10:30", "11:30"))).build());
        assertThat(startTimes(slots)).isEqualTo(times("09:00", "09:15", "09:30", "10:30", "10:45", "11:00"));
    }

    @Test
    void buffers_are_held_inside_the_hours_and_kept_free_of_other_appointments() {
        Service service = aService().duration(30).buffers(15, 15).build();
        BusyIntervals busy = BusyIntervals.builder().professional(ANA, range("10:00", "11:00")).build();
        List<AvailableSlot> slots = Availability.search(
                oneDay(service, StaffSchedule.weekly(ANA, everyDay("09:00", "12:30"))).busy(busy).build());
        // [start-15, start+45) must avoid [10:00, 11:00) and stay in [09:00, 12:30).
        assertThat(startTimes(slots)).isEqualTo(times("09:15", "11:15", "11:30", "11:45"));
        assertThat(slots.get(0).end()).isEqualTo(at("09:45"));
    }

    @Test
    void time_off_blocks_like_an_appointment() {
        TimeOff dentist = new TimeOff(new TimeOffId(new java.util.UUID(5, 5)), ANA, at("09:30"), at("10:15"), "Dentist");
        StaffSchedule ana = new StaffSchedule(ANA, everyDay("09:00", "11:00"), List.of(), List.of(dentist));
        assertThat(startTimes(Availability.search(oneDay(aService().duration(30).build(), ana).build())))
                .isEqualTo(times("09:00", "10:15", "10:30"));
    }

    @Test
    void a_dated_exception_replaces_the_weekly_hours() {
        StaffSchedule ana = new StaffSchedule(ANA, everyDay("09:00", "11:00"),
                List.of(new DatedHours(DAY, List.of(window("16:00", "17:00")))), List.of());
        assertThat(startTimes(Availability.search(oneDay(aService().duration(30).build(), ana).build())))
                .isEqualTo(times("16:00", "16:15", "16:30"));
        StaffSchedule off = new StaffSchedule(ANA, everyDay("09:00", "11:00"), List.of(DatedHours.dayOff(DAY)), List.of());
        assertThat(Availability.search(oneDay(aService().build(), off).build())).isEmpty();
    }

    @Test
    void opening_hours_bound_the_hours_and_a_closed_day_offers_nothing() {
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("08:00", "20:00"));
        OpeningHours opening = new OpeningHours(everyDay("10:00", "11:00"), new TreeSet<>(Set.of(DAY.plusDays(1))));
        List<AvailableSlot> slots = Availability.search(AvailabilityRequest.builder().zone(MADRID)
                .service(aService().duration(30).build()).professionals(List.of(ana)).openingHours(opening)
                .dates(DAY, DAY.plusDays(2)).build());
        assertThat(slots).extracting(s -> s.start().atZone(MADRID).toLocalDateTime()).containsExactly(
                DAY.atTime(10, 0), DAY.atTime(10, 15), DAY.atTime(10, 30),
                DAY.plusDays(2).atTime(10, 0), DAY.plusDays(2).atTime(10, 15), DAY.plusDays(2).atTime(10, 30));
    }

    @Test
    void the_grid_is_the_centers_and_hours_off_the_grid_start_at_its_next_line() {
        List<AvailableSlot> slots = Availability.search(oneDay(aService().duration(30).build(),
                StaffSchedule.weekly(ANA, everyDay("09:10", "10:40"))).slotMinutes(20).build());
        assertThat(startTimes(slots)).isEqualTo(times("09:20", "09:40", "10:00"));
        assertThat(Availability.isOnGrid(at("09:40"), MADRID, 20)).isTrue();
        assertThat(Availability.isOnGrid(at("09:45"), MADRID, 20)).isFalse();
        assertThat(Availability.isOnGrid(at("09:40").plusSeconds(1), MADRID, 20)).isFalse();
    }

    @Test
    void one_entry_per_start_and_professional_ordered_by_start_then_professional() {
        List<AvailableSlot> slots = Availability.search(oneDay(aService().duration(60).build(),
                StaffSchedule.weekly(BOB, everyDay("09:00", "10:15")),
                StaffSchedule.weekly(ANA, everyDay("09:00", "10:00"))).build());
        assertThat(slots).extracting(s -> s.start().atZone(MADRID).toLocalTime() + " " + (s.professional() == ANA ? "ana" : "bob"))
                .containsExactly("09:00 ana", "09:00 bob", "09:15 bob");
    }

    @Test
    void a_restricted_service_offers_only_its_professionals_and_refuses_another_by_name() {
        Service onlyAna = aService().onlyBy(ANA).duration(60).build();
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("09:00", "10:00"));
        StaffSchedule bob = StaffSchedule.weekly(BOB, everyDay("09:00", "10:00"));
        assertThat(Availability.search(oneDay(onlyAna, ana, bob).build()))
                .extracting(AvailableSlot::professional).containsExactly(ANA);
        assertThatThrownBy(() -> Availability.search(oneDay(onlyAna, ana, bob).onlyProfessional(BOB).build()))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("professionalId"));
        assertThat(Availability.search(oneDay(aService().duration(60).build(), ana, bob).onlyProfessional(BOB).build()))
                .extracting(AvailableSlot::professional).containsExactly(BOB);
        assertThatThrownBy(() -> Availability.search(oneDay(aService().inactive().build(), ana).build()))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("serviceId"));
    }

    @Test
    void a_room_is_assigned_and_a_taken_room_is_contended_across_professionals() {
        Service service = aService().duration(60).needsRoom().build();
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("09:00", "12:00"));
        StaffSchedule bob = StaffSchedule.weekly(BOB, everyDay("09:00", "12:00"));
        // Bob's appointment elsewhere holds room 1: Ana, free herself, cannot use it either.
        BusyIntervals roomBusy = BusyIntervals.builder().room(room(1), range("09:30", "10:30"))
                .professional(BOB, range("09:30", "10:30")).build();
        List<AvailableSlot> oneRoom = Availability.search(oneDay(service, ana, bob).rooms(List.of(room(1)))
                .busy(roomBusy).build());
        assertThat(oneRoom).extracting(s -> s.start().atZone(MADRID).toLocalTime() + " " + (s.professional() == ANA ? "ana" : "bob"))
                .containsExactly("10:30 ana", "10:30 bob", "10:45 ana", "10:45 bob", "11:00 ana", "11:00 bob");
        assertThat(oneRoom).extracting(AvailableSlot::room).containsOnly(room(1));
        List<AvailableSlot> twoRooms = Availability.search(oneDay(service, ana).rooms(List.of(room(1), room(2)))
                .busy(roomBusy).build());
        assertThat(twoRooms).extracting(s -> s.start().atZone(MADRID).toLocalTime() + " room " + (s.room().equals(room(1)) ? 1 : 2))
                .containsExactly("09:00 room 2", "09:15 room 2", "09:30 room 2", "09:45 room 2", "10:00 room 2",
                        "10:15 room 2", "10:30 room 1", "10:45 room 1", "11:00 room 1");
    }

    @Test
    void no_room_means_nothing_for_a_service_that_needs_one() {
        assertThat(Availability.search(oneDay(aService().needsRoom().build(),
                StaffSchedule.weekly(ANA, everyDay("09:00", "11:00"))).build())).isEmpty();
    }

    @Test
    void equipment_in_maintenance_offers_nothing_and_each_kind_gets_one_free_piece() {
        Service service = aService().duration(60).needs("laser").needs("cooler").build();
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("09:00", "10:00"));
        List<Equipment> maintenance = List.of(equipment(1, "laser", EquipmentStatus.MAINTENANCE),
                equipment(2, "cooler", EquipmentStatus.AVAILABLE));
        assertThat(Availability.search(oneDay(service, ana).equipment(maintenance).build())).isEmpty();

        List<Equipment> machines = List.of(equipment(1, "laser", EquipmentStatus.MAINTENANCE),
                equipment(3, "laser", EquipmentStatus.AVAILABLE), equipment(4, "laser", EquipmentStatus.AVAILABLE),
                equipment(2, "cooler", EquipmentStatus.AVAILABLE));
        BusyIntervals laser3Busy = BusyIntervals.builder().equipment(piece(3), range("08:00", "09:30")).build();
        List<AvailableSlot> slots = Availability.search(oneDay(service, ana).equipment(machines).busy(laser3Busy).build());
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).equipment()).containsExactly(piece(4), piece(2));

        BusyIntervals coolerBusy = BusyIntervals.builder().equipment(piece(2), range("09:59", "10:01")).build();
        assertThat(Availability.search(oneDay(service, ana).equipment(machines).busy(coolerBusy).build())).isEmpty();
    }

    @Test
    void nothing_before_now_is_offered() {
        List<AvailableSlot> slots = Availability.search(oneDay(aService().duration(30).build(),
                StaffSchedule.weekly(ANA, everyDay("09:00", "10:00"))).notBefore(at("09:20")).build());
        assertThat(startTimes(slots)).isEqualTo(times("09:30"));
    }

    @Test
    void the_range_is_inclusive_at_most_92_days_and_to_is_not_before_from() {
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("09:00", "10:00"));
        AvailabilityRequest.Builder request = AvailabilityRequest.builder().zone(MADRID)
                .service(aService().duration(60).build()).professionals(List.of(ana));
        assertThat(Availability.search(request.dates(DAY, DAY.plusDays(91)).build())).hasSize(92);
        assertThatThrownBy(() -> request.dates(DAY, DAY.plusDays(92)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("to"));
        assertThatThrownBy(() -> request.dates(DAY, DAY.minusDays(1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("to"));
        assertThatThrownBy(() -> request.dates(null, null).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from", "to"));
    }

    @Test
    void a_buffer_may_reach_across_midnight_into_hours_that_continue() {
        Service service = aService().duration(30).buffers(0, 30).build();
        StaffSchedule ana = StaffSchedule.weekly(ANA, everyDay("22:00", "24:00", "00:00", "01:00"));
        List<AvailableSlot> slots = Availability.search(oneDay(service, ana).build());
        assertThat(slots.get(slots.size() - 1).start().atZone(MADRID).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(DAY, LocalTime.of(23, 45)));
    }
}
