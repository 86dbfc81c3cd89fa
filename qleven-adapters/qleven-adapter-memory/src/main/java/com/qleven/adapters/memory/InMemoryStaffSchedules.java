package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.MemberSchedule;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Weekly hours, dated exceptions and time off in memory; visible and writable only in their center's unit. */
final class InMemoryStaffSchedules implements StaffSchedules {
    private record Member(TenantId tenant, UserId user) {
    }

    private record Day(TenantId tenant, UserId user, LocalDate date) {
    }

    private record Off(TenantId tenant, TimeOffId id) {
    }

    private static final Comparator<StoredTimeOff> BY_START = Comparator.comparing(StoredTimeOff::start)
            .thenComparing(t -> t.id().value(), InMemoryStore::compareAsPostgres);

    private final InMemoryTransactions tx;
    private final InMemoryMemberships memberships;
    private final Map<Member, WeeklyHours> weekly = new HashMap<>();
    private final Map<Day, DatedHours> exceptions = new HashMap<>();
    private final Map<Off, StoredTimeOff> timeOff = new HashMap<>();

    InMemoryStaffSchedules(InMemoryTransactions tx, InMemoryMemberships memberships) {
        this.tx = tx;
        this.memberships = memberships;
    }

    @Override
    public void putWeekly(TenantId tenant, UserId member, WeeklyHours hours, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            tx.put(weekly, new Member(tenant, member), hours);
        });
    }

    @Override
    public void putException(TenantId tenant, UserId member, DatedHours hours) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            tx.put(exceptions, new Day(tenant, member, hours.date()), hours);
        });
    }

    @Override
    public boolean removeException(TenantId tenant, UserId member, LocalDate date) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Day key = new Day(tenant, member, date);
            boolean found = exceptions.containsKey(key);
            tx.remove(exceptions, key);
            return found;
        });
    }

    @Override
    public void addTimeOff(TenantId tenant, StoredTimeOff off) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Off key = new Off(tenant, off.id());
            if (timeOff.containsKey(key)) {
                throw new ConflictException("cannot add time off: it conflicts with what is already stored");
            }
            tx.put(timeOff, key, off);
        });
    }

    @Override
    public boolean removeTimeOff(TenantId tenant, TimeOffId id) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Off key = new Off(tenant, id);
            boolean found = timeOff.containsKey(key);
            tx.remove(timeOff, key);
            return found;
        });
    }

    @Override
    public List<StoredTimeOff> timeOff(TenantId tenant, UserId member, TimeRange range) {
        return tx.within(() -> !tx.visible(tenant) ? List.<StoredTimeOff>of() : timeOff.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(t -> t.professional().equals(member) && t.range().overlaps(range))
                .sorted(BY_START)
                .toList());
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

    private Map<UserId, MemberSchedule> read(TenantId tenant, Optional<Collection<UserId>> members,
                                             LocalDate from, LocalDate to, TimeRange range, boolean activeOnly) {
        return tx.within(() -> {
            Map<UserId, MemberSchedule> out = new HashMap<>();
            if (!tx.visible(tenant)) {
                return out;
            }
            Set<UserId> wanted = new LinkedHashSet<>();
            if (members.isPresent()) {
                wanted.addAll(members.get());
            } else {
                weekly.keySet().stream().filter(k -> k.tenant().equals(tenant)).forEach(k -> wanted.add(k.user()));
                exceptions.keySet().stream()
                        .filter(k -> k.tenant().equals(tenant) && !k.date().isBefore(from) && !k.date().isAfter(to))
                        .forEach(k -> wanted.add(k.user()));
            }
            if (activeOnly) {
                wanted.removeIf(member -> memberships.find(tenant, member).filter(m -> m.active() && !m.pending())
                        .isEmpty());
            }
            for (UserId member : wanted) {
                List<DatedHours> days = exceptions.entrySet().stream()
                        .filter(e -> e.getKey().tenant().equals(tenant) && e.getKey().user().equals(member)
                                && !e.getKey().date().isBefore(from) && !e.getKey().date().isAfter(to))
                        .map(Map.Entry::getValue)
                        .sorted(Comparator.comparing(DatedHours::date))
                        .toList();
                out.put(member, new MemberSchedule(member,
                        weekly.getOrDefault(new Member(tenant, member), WeeklyHours.none()), days,
                        timeOff(tenant, member, range)));
            }
            return out;
        });
    }
}
