package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One weekly interval of local time: {@code {"day":"monday","start":"09:00","end":"13:00"}}. A
 * break is the gap between two intervals of the same day.
 */
public record WeeklyInterval(DayOfWeek day, TimeWindow window) {
    public WeeklyInterval {
        if (day == null) {
            throw new ValidationException("day", "is required");
        }
        if (window == null) {
            throw new ValidationException("start", "is required");
        }
    }

    public static WeeklyInterval of(DayOfWeek day, LocalTime start, LocalTime end) {
        return new WeeklyInterval(day, new TimeWindow(start, end));
    }

    /** Wire values, naming {@code day}, {@code start} or {@code end}, all at once. */
    public static WeeklyInterval parse(String day, String start, String end) {
        List<FieldError> errors = new ArrayList<>();
        DayOfWeek parsedDay = null;
        if (day == null) {
            errors.add(new FieldError("day", "is required"));
        } else {
            parsedDay = parseDay(day);
            if (parsedDay == null) {
                errors.add(new FieldError("day", "must be one of monday … sunday"));
            }
        }
        LocalTime from = collect(errors, () -> TimeWindow.parseTime(start, "start", false));
        LocalTime to = collect(errors, () -> TimeWindow.parseTime(end, "end", true));
        TimeWindow window = null;
        if (from != null && to != null) {
            window = collect(errors, () -> new TimeWindow(from, to));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new WeeklyInterval(parsedDay, window);
    }

    /** The wire name of the day: {@code monday} … {@code sunday}. */
    public String dayName() {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek parseDay(String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(text)) {
                return d;
            }
        }
        return null;
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
