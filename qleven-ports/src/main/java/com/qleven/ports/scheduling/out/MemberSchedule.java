package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.UserId;
import java.util.List;
import java.util.Objects;

/**
 * What one member's schedule holds over a searched range: weekly hours (none when never set), the
 * dated exceptions within the range's days, ordered by date, and the time off overlapping the
 * range, ordered by start.
 */
public record MemberSchedule(UserId member, WeeklyHours weekly, List<DatedHours> exceptions,
                             List<StoredTimeOff> timeOff) {
    public MemberSchedule {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(weekly, "weekly");
        exceptions = List.copyOf(exceptions);
        timeOff = List.copyOf(timeOff);
    }
}
