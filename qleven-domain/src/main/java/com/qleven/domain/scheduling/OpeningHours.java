package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When the center receives clients: weekly hours and closed days. No weekly hours set means open
 * whenever someone works; a closed day offers nothing whatever the weekly hours say.
 */
public record OpeningHours(WeeklyHours weekly, SortedSet<LocalDate> closedDays) {
    public OpeningHours {
        if (weekly == null) {
            throw new ValidationException("openingHours.weekly", "is required");
        }
        if (closedDays == null) {
            throw new ValidationException("openingHours.closedDays", "is required");
        }
        closedDays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(closedDays));
    }

    /** Open whenever someone works, never closed. */
    public static OpeningHours always() {
        return new OpeningHours(WeeklyHours.none(), new TreeSet<>());
    }

    /**
     * Wire values, naming {@code openingHours.weekly[i].start}, {@code openingHours.closedDays[i]} and
     * so on, all at once.
     */
    public static OpeningHours parse(List<WeeklyHours.Entry> weekly, List<String> closedDays) {
        List<FieldError> errors = new ArrayList<>();
        WeeklyHours hours = WeeklyHours.none();
        try {
            hours = weekly == null ? WeeklyHours.none() : WeeklyHours.parse(weekly);
        } catch (ValidationException e) {
            errors.addAll(e.under("openingHours").errors());
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        List<String> given = closedDays == null ? List.of() : closedDays;
        for (int i = 0; i < given.size(); i++) {
            String text = given.get(i);
            try {
                if (text == null || text.length() != 10) {
                    throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(text), 0);
                }
                days.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("openingHours.closedDays[" + i + "]", "must be a local date YYYY-MM-DD"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new OpeningHours(hours, days);
    }

    public boolean isClosed(LocalDate date) {
        return closedDays.contains(date);
    }

    /** The day's open windows: none on a closed day, the whole day when no weekly hours are set. */
    public List<TimeWindow> windowsOn(LocalDate date) {
        if (isClosed(date)) {
            return List.of();
        }
        return weekly.isEmpty() ? List.of(TimeWindow.wholeDay()) : weekly.windowsOn(date.getDayOfWeek());
    }
}
