package com.qleven.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final UserId ANA = new UserId(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    private static TimeWindow w(String start, String end) {
        return new TimeWindow(TimeWindow.parseTime(start, "start", false), TimeWindow.parseTime(end, "end", true));
    }

    @Test
    void working_hours_with_a_break_and_overlaps_refused_naming_the_interval() {
        WeeklyHours hours = WeeklyHours.parse(List.of(
                new WeeklyHours.Entry("monday", "09:00", "13:00"),
                new WeeklyHours.Entry("monday", "15:00", "19:00")));
        assertThat(hours.windowsOn(java.time.DayOfWeek.MONDAY)).containsExactly(w("09:00", "13:00"), w("15:00", "19:00"));
        assertThatThrownBy(() -> WeeklyHours.parse(List.of(
                new WeeklyHours.Entry("tuesday", "09:00", "13:00"),
                new WeeklyHours.Entry("monday", "09:00", "13:00"),
                new WeeklyHours.Entry("tuesday", "12:59", "14:00"))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("weekly[2].start"));
        assertThatThrownBy(() -> WeeklyHours.parse(List.of(new WeeklyHours.Entry("monday", "09:00", "09:00"))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("weekly[0].end"));
        assertThatThrownBy(() -> WeeklyHours.parse(List.of(new WeeklyHours.Entry("monday", "24:00", "09:00"))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("weekly[0].start"));
    }

    @Test
    void a_dated_exception_replaces_the_day_and_a_day_off_has_no_windows() {
        WeeklyHours hours = WeeklyHours.parse(List.of(new WeeklyHours.Entry("monday", "09:00", "13:00")));
        LocalDate monday = LocalDate.of(2027, 1, 4);
        StaffSchedule schedule = new StaffSchedule(ANA, hours,
                List.of(new DatedHours(monday, List.of(w("16:00", "20:00"))), DatedHours.dayOff(monday.plusWeeks(1))),
                List.of());
        assertThat(schedule.windowsOn(monday)).containsExactly(w("16:00", "20:00"));
        assertThat(schedule.windowsOn(monday.plusWeeks(1))).isEmpty();
        assertThat(schedule.windowsOn(monday.plusWeeks(2))).containsExactly(w("09:00", "13:00"));
        assertThatThrownBy(() -> new StaffSchedule(ANA, hours,
                List.of(DatedHours.dayOff(monday), DatedHours.dayOff(monday)), List.of()))
                .satisfies(e -> assertThat(fields(e)).containsExactly("exceptions[1].date"));
        assertThatThrownBy(() -> new DatedHours(monday, List.of(w("09:00", "12:00"), w("11:00", "13:00"))))
                .satisfies(e -> assertThat(fields(e)).containsExactly("windows[1].start"));
    }

    @Test
    void time_off_is_a_real_instant_range_with_a_reason() {
        Instant start = Instant.parse("2027-03-01T08:00:00Z");
        TimeOff off = new TimeOff(new TimeOffId(UUID.randomUUID()), ANA, start, start.plusSeconds(3600), " Dentist ");
        assertThat(off.reason()).isEqualTo("Dentist");
        assertThat(off.range()).isEqualTo(new TimeRange(start, start.plusSeconds(3600)));
        assertThatThrownBy(() -> new TimeOff(new TimeOffId(UUID.randomUUID()), ANA, start, start, ""))
                .satisfies(e -> assertThat(fields(e)).containsExactly("end", "reason"));
        assertThatThrownBy(() -> new TimeOff(new TimeOffId(UUID.randomUUID()), ANA, start,
                start.plus(java.time.Duration.ofDays(367)), "sabbatical"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("end"));
        assertThatThrownBy(() -> new StaffSchedule(new UserId(UUID.randomUUID()), WeeklyHours.none(), List.of(), List.of(off)))
                .satisfies(e -> assertThat(fields(e)).containsExactly("timeOff[0]"));
    }

    @Test
    void time_ranges_are_half_open_so_touching_ranges_do_not_overlap() {
        Instant t = Instant.parse("2027-03-01T08:00:00Z");
        TimeRange a = new TimeRange(t, t.plusSeconds(60));
        TimeRange b = new TimeRange(t.plusSeconds(60), t.plusSeconds(120));
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.overlaps(new TimeRange(t.plusSeconds(59), t.plusSeconds(61)))).isTrue();
        assertThat(a.contains(t.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> new TimeRange(t, t)).satisfies(e -> assertThat(fields(e)).containsExactly("end"));
        assertThat(LocalTime.MIDNIGHT).isEqualTo(w("00:00", "24:00").end());
    }
}
