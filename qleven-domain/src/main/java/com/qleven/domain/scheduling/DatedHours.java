package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated exception to a member's weekly hours: on {@code date} they work these windows instead
 * (none: a day off). Windows never overlap; touching ones are joined.
 */
public record DatedHours(LocalDate date, List<TimeWindow> windows) {
    public DatedHours {
        List<FieldError> errors = new ArrayList<>();
        if (date == null) {
            errors.add(new FieldError("date", "is required"));
        }
        if (windows == null) {
            errors.add(new FieldError("windows", "is required"));
        } else {
            for (int i = 0; i < windows.size(); i++) {
                if (windows.get(i) == null) {
                    errors.add(new FieldError("windows[" + i + "]", "is required"));
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    if (windows.get(j) != null && windows.get(j).overlaps(windows.get(i))) {
                        errors.add(new FieldError("windows[" + i + "].start", "overlaps windows[" + j + "]"));
                        break;
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        windows = WeeklyHours.joined(windows);
    }

    /** A whole day off. */
    public static DatedHours dayOff(LocalDate date) {
        return new DatedHours(date, List.of());
    }
}
