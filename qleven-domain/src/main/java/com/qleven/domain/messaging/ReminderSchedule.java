package com.qleven.domain.messaging;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When a center reminds its clients of an appointment: offsets before the start (24 h and 2 h by
 * default). {@link #remindersFor} is a pure function of the start, the center's zone, whether the
 * appointment is still open and now, so moving an appointment is recomputing and replacing its
 * reminders; a cancelled one has none, and none is ever in the past.
 * <p>Offsets of whole days are calendar days in the center's zone: "24 h before" a 10:00 appointment
 * is 10:00 the day before, also across a daylight-saving change (when the day before was 23 or 25
 * hours long) — the time the client expects. A wall time the change skips moves forward (02:30 on the
 * last Sunday of March in Madrid is 03:30); a repeated one takes the earlier. The rest of an offset
 * (the 2 h) is elapsed time.
 */
public record ReminderSchedule(List<Duration> offsets) {
    /** At most this many reminders per appointment, and none further ahead than {@link #MAX_OFFSET}. */
    public static final int MAX_REMINDERS = 5;
    public static final Duration MAX_OFFSET = Duration.ofDays(14);
    public static final Duration MIN_OFFSET = Duration.ofMinutes(5);

    public ReminderSchedule {
        if (offsets == null) {
            throw new ValidationException("reminderOffsets", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (offsets.size() > MAX_REMINDERS) {
            errors.add(new FieldError("reminderOffsets", "at most " + MAX_REMINDERS + " reminders"));
        }
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < offsets.size(); i++) {
            Duration d = offsets.get(i);
            String field = "reminderOffsets[" + i + "]";
            if (d == null) {
                errors.add(new FieldError(field, "is required"));
            } else if (d.compareTo(MIN_OFFSET) < 0 || d.compareTo(MAX_OFFSET) > 0) {
                errors.add(new FieldError(field, "must be 5 minutes to 14 days before the start"));
            } else if (!seen.add(d)) {
                errors.add(new FieldError(field, "a second reminder at the same offset"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // Longest first: the order reminders go out.
        offsets = offsets.stream().sorted(Comparator.reverseOrder()).toList();
    }

    /** The default: 24 hours and 2 hours before. */
    public static ReminderSchedule standard() {
        return new ReminderSchedule(List.of(Duration.ofHours(24), Duration.ofHours(2)));
    }

    /** One reminder: which offset it stands for and when it goes. */
    public record Reminder(Duration offset, Instant at) {
        public Reminder {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The reminders of an appointment starting at {@code start}, earliest first: none when it is not
     * open (cancelled, or already checked in or over), and only those not before {@code now} (a
     * reminder whose time passed while the appointment was booked late is dropped, not sent late).
     */
    public List<Reminder> remindersFor(Instant start, ZoneId zone, boolean open, Instant now) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (!open || !start.isAfter(now)) {
            return List.of();
        }
        ZonedDateTime local = start.atZone(zone);
        List<Reminder> reminders = new ArrayList<>();
        for (Duration offset : offsets) {
            Instant at = before(local, offset);
            if (!at.isBefore(now) && at.isBefore(start)) {
                reminders.add(new Reminder(offset, at));
            }
        }
        reminders.sort(Comparator.comparing(Reminder::at));
        return List.copyOf(reminders);
    }

    private static Instant before(ZonedDateTime start, Duration offset) {
        long days = offset.toDays();
        Duration rest = offset.minusDays(days);
        // Shifted on the local date-time and resolved in the zone again (a gap moves forward by its
        // length, an overlap takes the earlier offset): the calendar-day meaning.
        ZonedDateTime dayShifted = start.toLocalDateTime().minusDays(days).atZone(start.getZone());
        return dayShifted.toInstant().minus(rest);
    }
}
