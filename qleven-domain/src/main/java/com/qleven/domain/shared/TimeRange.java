package com.qleven.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of real time, {@code [start, end)}: two ranges that only touch do not overlap,
 * as PostgreSQL's {@code tstzrange} with {@code &&} sees them.
 */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new ValidationException("end", "must be after start");
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
