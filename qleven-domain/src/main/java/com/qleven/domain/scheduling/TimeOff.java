package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's absence as real instants (holidays, training, a doctor's visit): nothing is offered
 * with them inside it, whatever their hours say. At most a year long, so one entry cannot silently
 * close an agenda for good.
 */
public record TimeOff(TimeOffId id, UserId professional, Instant start, Instant end, String reason) {
    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    public static final int MAX_REASON = 500;

    public TimeOff {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        if (professional == null) {
            errors.add(new FieldError("userId", "is required"));
        }
        if (start == null) {
            errors.add(new FieldError("start", "is required"));
        }
        if (end == null) {
            errors.add(new FieldError("end", "is required"));
        } else if (start != null && !end.isAfter(start)) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (start != null && Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            errors.add(new FieldError("end", "must be at most 366 days after start"));
        }
        reason = Texts.required(errors, "reason", reason, MAX_REASON);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
