package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders in the center's zone, including Madrid's daylight-saving changes of 2026 (summer time
 * from 02:00 CET on Sunday 29 March, back at 03:00 CEST on Sunday 25 October).
 */
class ReminderScheduleTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Duration H24 = Duration.ofHours(24);
    private static final Duration H2 = Duration.ofHours(2);
    private static final Instant LONG_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private final ReminderSchedule standard = ReminderSchedule.standard();

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    private List<Instant> times(Instant start, Instant now) {
        return standard.remindersFor(start, MADRID, true, now).stream().map(ReminderSchedule.Reminder::at).toList();
    }

    @Test
    void theDefaultIs24HoursAnd2HoursBeforeEarliestFirst() {
        Instant start = utc("2026-05-06T08:00:00Z"); // 10:00 CEST
        assertThat(standard.remindersFor(start, MADRID, true, LONG_BEFORE)).containsExactly(
                new ReminderSchedule.Reminder(H24, utc("2026-05-05T08:00:00Z")),
                new ReminderSchedule.Reminder(H2, utc("2026-05-06T06:00:00Z")));
    }

    @Test
    void theDayBeforeASpringForwardIsTheSameWallTimeThoughOnly23HoursEarlier() {
        // Sunday 29 March 10:00 CEST; the reminder is Saturday 10:00 CET, 23 hours before.
        assertThat(times(utc("2026-03-29T08:00:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-03-28T09:00:00Z"), utc("2026-03-29T06:00:00Z"));
        // Monday 30 March 10:00 CEST: Sunday 10:00 is after the change, a plain 24 hours.
        assertThat(times(utc("2026-03-30T08:00:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-03-29T08:00:00Z"), utc("2026-03-30T06:00:00Z"));
    }

    @Test
    void aWallTimeTheSpringForwardSkipsMovesForward() {
        // Monday 30 March 02:30 CEST: Sunday 02:30 does not exist in Madrid, so 03:30 CEST (01:30 UTC).
        assertThat(times(utc("2026-03-30T00:30:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-03-29T01:30:00Z"), utc("2026-03-29T22:30:00Z"));
        // Sunday 29 March 03:30 CEST: two elapsed hours before is 00:30 CET, three hours earlier on the clock.
        assertThat(times(utc("2026-03-29T01:30:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-03-28T02:30:00Z"), utc("2026-03-28T23:30:00Z"));
    }

    @Test
    void theDayBeforeAFallBackIsTheSameWallTimeThough25HoursEarlier() {
        // Sunday 25 October 10:00 CET; the reminder is Saturday 10:00 CEST, 25 hours before.
        assertThat(times(utc("2026-10-25T09:00:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-10-24T08:00:00Z"), utc("2026-10-25T07:00:00Z"));
    }

    @Test
    void aWallTimeTheFallBackRepeatsTakesTheEarlierOne() {
        // Monday 26 October 02:30 CET: Sunday 02:30 happens twice; the first, CEST, is 00:30 UTC.
        assertThat(times(utc("2026-10-26T01:30:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-10-25T00:30:00Z"), utc("2026-10-25T23:30:00Z"));
        // Sunday 25 October 03:30 CET: the day before is Saturday 03:30 CEST; two elapsed hours before
        // is the first 02:30 (CEST), one hour earlier on the clock.
        assertThat(times(utc("2026-10-25T02:30:00Z"), LONG_BEFORE))
                .containsExactly(utc("2026-10-24T01:30:00Z"), utc("2026-10-25T00:30:00Z"));
    }

    @Test
    void neverInThePast() {
        Instant start = utc("2026-05-06T08:00:00Z");
        // Booked 5 hours ahead: the 24 h reminder is gone, the 2 h one stays.
        assertThat(times(start, start.minus(Duration.ofHours(5)))).containsExactly(utc("2026-05-06T06:00:00Z"));
        // A reminder due exactly now is still sent.
        assertThat(times(start, utc("2026-05-06T06:00:00Z"))).containsExactly(utc("2026-05-06T06:00:00Z"));
        assertThat(times(start, utc("2026-05-06T06:00:00.001Z"))).isEmpty();
        assertThat(times(start, start)).isEmpty();
        assertThat(times(start, start.plusSeconds(1))).isEmpty();
    }

    @Test
    void noneForACancelledOrOtherwiseClosedAppointment() {
        assertThat(standard.remindersFor(utc("2026-05-06T08:00:00Z"), MADRID, false, LONG_BEFORE)).isEmpty();
    }

    @Test
    void movingTheAppointmentMovesItsReminders() {
        Instant before = utc("2026-05-06T08:00:00Z");
        Instant moved = utc("2026-05-08T15:30:00Z");
        Instant now = utc("2026-05-05T12:00:00Z"); // after the first 24 h reminder of the old time
        assertThat(times(before, now)).containsExactly(utc("2026-05-06T06:00:00Z"));
        assertThat(times(moved, now)).containsExactly(utc("2026-05-07T15:30:00Z"), utc("2026-05-08T13:30:00Z"));
    }

    @Test
    void offsetsWithDaysAndHoursShiftTheDayThenTheHours() {
        ReminderSchedule s = new ReminderSchedule(List.of(Duration.ofHours(26), Duration.ofMinutes(30)));
        // Sunday 29 March 10:00 CEST: a day before is Saturday 10:00 CET (09:00 UTC), two hours more 07:00 UTC.
        assertThat(s.remindersFor(utc("2026-03-29T08:00:00Z"), MADRID, true, LONG_BEFORE))
                .extracting(ReminderSchedule.Reminder::at)
                .containsExactly(utc("2026-03-28T07:00:00Z"), utc("2026-03-29T07:30:00Z"));
        assertThat(s.offsets()).containsExactly(Duration.ofHours(26), Duration.ofMinutes(30));
    }

    @Test
    void badOffsetsNameTheirPlace() {
        assertThatThrownBy(() -> new ReminderSchedule(Arrays.asList(H2, Duration.ofMinutes(1), H2, null,
                Duration.ofDays(15))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("reminderOffsets[1]", "reminderOffsets[2]", "reminderOffsets[3]",
                                "reminderOffsets[4]"));
        assertThatThrownBy(() -> new ReminderSchedule(List.of(Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(3), Duration.ofHours(4), Duration.ofHours(5), Duration.ofHours(6))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reminderOffsets"));
        assertThat(new ReminderSchedule(List.of()).remindersFor(utc("2026-05-06T08:00:00Z"), MADRID, true, LONG_BEFORE))
                .isEmpty();
    }
}
