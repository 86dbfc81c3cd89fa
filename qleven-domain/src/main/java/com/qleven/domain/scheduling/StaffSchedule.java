package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When one member can be booked: weekly hours in the center's local time, dated exceptions that
 * replace a day's hours, and time off. Anyone with hours is bookable, whatever their role.
 */
public record StaffSchedule(UserId professional, WeeklyHours weekly, List<DatedHours> exceptions,
                            List<TimeOff> timeOff) {
    public StaffSchedule {
        List<FieldError> errors = new ArrayList<>();
        if (professional == null) {
            errors.add(new FieldError("userId", "is required"));
        }
        if (weekly == null) {
            errors.add(new FieldError("weekly", "is required"));
        }
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        timeOff = timeOff == null ? List.of() : List.copyOf(timeOff);
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < exceptions.size(); i++) {
            Integer earlier = seen.putIfAbsent(exceptions.get(i).date(), i);
            if (earlier != null) {
                errors.add(new FieldError("exceptions[" + i + "].date", "repeats exceptions[" + earlier + "]"));
            }
        }
        for (int i = 0; i < timeOff.size(); i++) {
            if (professional != null && !timeOff.get(i).professional().equals(professional)) {
                errors.add(new FieldError("timeOff[" + i + "]", "belongs to another member"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static StaffSchedule weekly(UserId professional, WeeklyHours weekly) {
        return new StaffSchedule(professional, weekly, List.of(), List.of());
    }

    /** The local windows worked on {@code date}: the exception's if there is one, else the weekday's. */
    public List<TimeWindow> windowsOn(LocalDate date) {
        for (DatedHours exception : exceptions) {
            if (exception.date().equals(date)) {
                return exception.windows();
            }
        }
        return weekly.windowsOn(date.getDayOfWeek());
    }
}
