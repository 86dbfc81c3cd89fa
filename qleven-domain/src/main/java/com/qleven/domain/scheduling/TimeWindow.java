package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span of local wall-clock time within one day, start inclusive, end exclusive, in whole minutes.
 * An {@code end} of {@code 00:00} means the end of the day (the wire's {@code "24:00"}), so a window
 * can reach midnight without losing its last minute; a window never crosses midnight.
 */
public record TimeWindow(LocalTime start, LocalTime end) {
    public static final int MINUTES_PER_DAY = 24 * 60;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    public TimeWindow {
        List<FieldError> errors = new ArrayList<>();
        if (start == null) {
            errors.add(new FieldError("start", "is required"));
        } else if (start.getSecond() != 0 || start.getNano() != 0) {
            errors.add(new FieldError("start", "must be whole minutes (HH:mm)"));
        }
        if (end == null) {
            errors.add(new FieldError("end", "is required"));
        } else if (end.getSecond() != 0 || end.getNano() != 0) {
            errors.add(new FieldError("end", "must be whole minutes (HH:mm)"));
        }
        if (errors.isEmpty() && endMinute(end) <= start.getHour() * 60 + start.getMinute()) {
            errors.add(new FieldError("end", "must be after start"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The whole day, for a center that sets no opening hours. */
    public static TimeWindow wholeDay() {
        return new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Minutes after local midnight at which the window opens. */
    public int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Minutes after local midnight at which the window closes (1440 for the end of the day). */
    public int endMinute() {
        return endMinute(end);
    }

    public boolean overlaps(TimeWindow other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    /** {@code "HH:mm"} as the wire writes it; {@code "24:00"} for the end of the day. */
    public String endText() {
        return endMinute() == MINUTES_PER_DAY ? "24:00" : end.format(HH_MM);
    }

    /**
     * A wire local time ({@code "HH:mm"}) naming {@code field} when malformed; {@code "24:00"} is
     * accepted only where {@code endOfDayAllowed} (an end) and reads as {@code 00:00}.
     */
    public static LocalTime parseTime(String text, String field, boolean endOfDayAllowed) {
        Objects.requireNonNull(field, "field");
        if (text == null) {
            throw new ValidationException(field, "is required");
        }
        if (endOfDayAllowed && text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            if (text.length() != 5) {
                throw new DateTimeParseException("length", text, 0);
            }
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a local time HH:mm");
        }
    }

    private static int endMinute(LocalTime end) {
        int minute = end.getHour() * 60 + end.getMinute();
        return minute == 0 ? MINUTES_PER_DAY : minute;
    }
}
