package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' schedules in a center: weekly hours (in the center's local time), dated exceptions and
 * time off (reasons sealed). {@link #schedules} reads everything availability needs for any number
 * of members and days in one statement. Writes join the unit of work open on the thread.
 */
public interface StaffSchedules {

    /** Replaces the member's weekly hours (empty hours: not bookable on weekly hours). */
    void putWeekly(TenantId tenant, UserId member, WeeklyHours weekly, Instant at);

    /** Sets (or replaces) the member's hours of one date. */
    void putException(TenantId tenant, UserId member, DatedHours hours);

    /** Removes the member's exception of that date; false when there is none. */
    boolean removeException(TenantId tenant, UserId member, LocalDate date);

    void addTimeOff(TenantId tenant, StoredTimeOff timeOff);

    /** Removes one time off; false when the center has none of that id. */
    boolean removeTimeOff(TenantId tenant, TimeOffId id);

    /** The member's time off overlapping {@code range}, by start. */
    List<StoredTimeOff> timeOff(TenantId tenant, UserId member, TimeRange range);

    /**
     * In one statement, the schedules of {@code members} (empty: of every member who has weekly
     * hours or an exception in the days) over the local dates {@code from}–{@code to} inclusive and
     * the instants of {@code range} (the same span, as real time). A member asked for with nothing
     * stored gets an empty schedule.
     */
    Map<UserId, MemberSchedule> schedules(TenantId tenant, Optional<Collection<UserId>> members,
                                          LocalDate from, LocalDate to, TimeRange range);

    /**
     * {@link #schedules}, of the center's active members only, in one statement: an account whose
     * membership is deactivated or pending, another center's and an unknown id get no entry, so that
     * a caller can tell an active member with nothing stored (an empty schedule) from someone who is
     * no member. With {@code members} empty: every active member who has weekly hours or an
     * exception in the days. What availability searches, without a separate read of the members.
     */
    Map<UserId, MemberSchedule> activeSchedules(TenantId tenant, Optional<Collection<UserId>> members,
                                                LocalDate from, LocalDate to, TimeRange range);
}
