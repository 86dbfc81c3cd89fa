package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.TimeOff;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.MemberSchedule;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Weekly hours (one row per member), dated exceptions (one row per member and date) and time off
 * (reason sealed), under row-level security. {@link #schedules} is one statement: the three tables'
 * rows for the members and range, told apart by a {@code part} column.
 */
final class PostgresStaffSchedules implements StaffSchedules {
    private static final RowMapper<StoredTimeOff> TIME_OFF = (rs, ctx) -> new StoredTimeOff(
            new TimeOffId(Sql.uuid(rs, "id")), new UserId(Sql.uuid(rs, "user_id")), Sql.instant(rs, "start_at"),
            Sql.instant(rs, "end_at"), rs.getBytes("reason"), Sql.instant(rs, "created_at"));
    /** Time off is at most 366 days long ({@link TimeOff#MAX_LENGTH}), so its start bounds the index scan. */
    private static final java.time.Duration LONGEST_TIME_OFF = TimeOff.MAX_LENGTH.plusDays(1);

    private final PostgresTransactions tx;

    PostgresStaffSchedules(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void putWeekly(TenantId tenant, UserId member, WeeklyHours weekly, Instant at) {
        tx.withHandle(Optional.of(tenant), "set weekly hours", h -> h.createUpdate("""
                        INSERT INTO public.staff_weekly_hours (tenant_id, user_id, weekly, updated_at)
                        VALUES (:tenant, :user, :weekly, :at)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET weekly = EXCLUDED.weekly,
                            updated_at = EXCLUDED.updated_at""")
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .bindArray("weekly", String.class, Columns.weekly(weekly))
                .bind("at", at)
                .execute());
    }

    @Override
    public void putException(TenantId tenant, UserId member, DatedHours hours) {
        tx.withHandle(Optional.of(tenant), "set a day's hours", h -> h.createUpdate("""
                        INSERT INTO public.staff_hour_exceptions (tenant_id, user_id, day, windows)
                        VALUES (:tenant, :user, :day, :windows)
                        ON CONFLICT (tenant_id, user_id, day) DO UPDATE SET windows = EXCLUDED.windows""")
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .bind("day", hours.date())
                .bindArray("windows", String.class, Columns.windows(hours.windows()))
                .execute());
    }

    @Override
    public boolean removeException(TenantId tenant, UserId member, LocalDate date) {
        return tx.withHandle(Optional.of(tenant), "remove a day's hours", h -> h.createUpdate("""
                        DELETE FROM public.staff_hour_exceptions
                        WHERE tenant_id = :tenant AND user_id = :user AND day = :day""")
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .bind("day", date)
                .execute()) == 1;
    }

    @Override
    public void addTimeOff(TenantId tenant, StoredTimeOff timeOff) {
        tx.withHandle(Optional.of(tenant), "add time off", h -> h.createUpdate("""
                        INSERT INTO public.staff_time_off (tenant_id, id, user_id, start_at, end_at, reason, created_at)
                        VALUES (:tenant, :id, :user, :start, :end, :reason, :at)""")
                .bind("tenant", tenant.value())
                .bind("id", timeOff.id().value())
                .bind("user", timeOff.professional().value())
                .bind("start", timeOff.start())
                .bind("end", timeOff.end())
                .bind("reason", timeOff.sealedReason())
                .bind("at", timeOff.createdAt())
                .execute());
    }

    @Override
    public boolean removeTimeOff(TenantId tenant, TimeOffId id) {
        return tx.withHandle(Optional.of(tenant), "remove time off", h -> h.createUpdate(
                        "DELETE FROM public.staff_time_off WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .execute()) == 1;
    }

    @Override
    public List<StoredTimeOff> timeOff(TenantId tenant, UserId member, TimeRange range) {
        return tx.withHandle(Optional.of(tenant), "list time off", h -> h.createQuery("""
                        SELECT id, user_id, start_at, end_at, reason, created_at FROM public.staff_time_off
                        WHERE tenant_id = :tenant AND user_id = :user AND start_at < :to AND end_at > :from
                          AND start_at > :earliest
                        ORDER BY start_at, id""")
                .bind("earliest", range.start().minus(LONGEST_TIME_OFF))
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .bind("from", range.start())
                .bind("to", range.end())
                .map(TIME_OFF)
                .list());
    }

    @Override
    public Map<UserId, MemberSchedule> schedules(TenantId tenant, Optional<Collection<UserId>> members,
                                                 LocalDate from, LocalDate to, TimeRange range) {
        return read(tenant, members, from, to, range, false);
    }

    @Override
    public Map<UserId, MemberSchedule> activeSchedules(TenantId tenant, Optional<Collection<UserId>> members,
                                                       LocalDate from, LocalDate to, TimeRange range) {
        return read(tenant, members, from, to, range, true);
    }

    /**
     * One statement: the weekly hours, exceptions and time off of the members (of the active
     * members among them when {@code activeOnly}, with a fourth part naming the active members asked
     * for, so that one with nothing stored still gets an empty schedule and a non-member none).
     */
    private Map<UserId, MemberSchedule> read(TenantId tenant, Optional<Collection<UserId>> members,
                                             LocalDate from, LocalDate to, TimeRange range, boolean activeOnly) {
        boolean all = members.isEmpty();
        List<java.util.UUID> ids = members.map(m -> m.stream().map(UserId::value).toList()).orElse(List.of());
        if (!all && ids.isEmpty()) {
            return Map.of();
        }
        String asked = all ? "" : " AND user_id = ANY(:members)";
        String who = !activeOnly ? asked : " AND user_id IN (SELECT user_id FROM public.memberships"
                + " WHERE tenant_id = :tenant AND active AND NOT pending" + asked + ")";
        String activeAsked = !activeOnly || all ? ""
                : " UNION ALL SELECT 'member', user_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                + " FROM public.memberships WHERE tenant_id = :tenant AND active AND NOT pending" + asked;
        String sql = "SELECT 'weekly' AS part, user_id, weekly AS texts, NULL::date AS day, NULL::uuid AS id,"
                + " NULL::timestamptz AS start_at, NULL::timestamptz AS end_at, NULL::bytea AS reason,"
                + " NULL::timestamptz AS created_at"
                + " FROM public.staff_weekly_hours WHERE tenant_id = :tenant" + who
                + " UNION ALL SELECT 'exception', user_id, windows, day, NULL, NULL, NULL, NULL, NULL"
                + " FROM public.staff_hour_exceptions WHERE tenant_id = :tenant" + who
                + " AND day BETWEEN :fromDay AND :toDay"
                + " UNION ALL SELECT 'timeoff', user_id, NULL, NULL, id, start_at, end_at, reason, created_at"
                + " FROM public.staff_time_off WHERE tenant_id = :tenant" + who
                + " AND start_at < :to AND end_at > :from AND start_at > :earliest" + activeAsked;
        record Part(String part, UserId member, List<String> texts, LocalDate day, StoredTimeOff timeOff) {
        }
        List<Part> parts = tx.withHandle(Optional.of(tenant), "read staff schedules", h -> {
            var query = h.createQuery(sql)
                    .bind("tenant", tenant.value())
                    .bind("fromDay", from)
                    .bind("toDay", to)
                    .bind("from", range.start())
                    .bind("to", range.end())
                    .bind("earliest", range.start().minus(LONGEST_TIME_OFF));
            if (!all) {
                query.bindArray("members", UUID.class, ids);
            }
            return query.map((rs, ctx) -> {
                String part = rs.getString("part");
                UserId member = new UserId(Sql.uuid(rs, "user_id"));
                return switch (part) {
                    case "member" -> new Part(part, member, List.of(), null, null);
                    case "timeoff" -> new Part(part, member, List.of(), null, TIME_OFF.map(rs, ctx));
                    case "exception" -> new Part(part, member, Columns.texts(rs, "texts"),
                            rs.getObject("day", LocalDate.class), null);
                    default -> new Part(part, member, Columns.texts(rs, "texts"), null, null);
                };
            }).list();
        });
        Set<UserId> wanted = new LinkedHashSet<>();
        if (!activeOnly) {
            members.ifPresent(m -> wanted.addAll(m));
        }
        Map<UserId, WeeklyHours> weekly = new HashMap<>();
        Map<UserId, List<DatedHours>> exceptions = new HashMap<>();
        Map<UserId, List<StoredTimeOff>> timeOff = new HashMap<>();
        for (Part p : parts) {
            switch (p.part()) {
                case "weekly" -> {
                    weekly.put(p.member(), Columns.weekly(p.texts()));
                    wanted.add(p.member());
                }
                case "exception" -> {
                    exceptions.computeIfAbsent(p.member(), k -> new ArrayList<>())
                            .add(new DatedHours(p.day(), Columns.windows(p.texts())));
                    wanted.add(p.member());
                }
                case "member" -> wanted.add(p.member());
                default -> timeOff.computeIfAbsent(p.member(), k -> new ArrayList<>()).add(p.timeOff());
            }
        }
        Map<UserId, MemberSchedule> out = new HashMap<>();
        for (UserId member : wanted) {
            List<DatedHours> days = new ArrayList<>(exceptions.getOrDefault(member, List.of()));
            days.sort(java.util.Comparator.comparing(DatedHours::date));
            List<StoredTimeOff> off = new ArrayList<>(timeOff.getOrDefault(member, List.of()));
            off.sort(java.util.Comparator.comparing(StoredTimeOff::start)
                    .thenComparing(t -> t.id().value().toString()));
            out.put(member, new MemberSchedule(member, weekly.getOrDefault(member, WeeklyHours.none()), days, off));
        }
        return out;
    }
}
