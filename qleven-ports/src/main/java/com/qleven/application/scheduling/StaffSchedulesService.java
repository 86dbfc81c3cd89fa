package com.qleven.application.scheduling;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.TimeOff;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.in.TimeOffView;
import com.qleven.ports.scheduling.out.MemberSchedule;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Memberships;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' working hours, dated exceptions and time off. Administrators and receptionists set
 * anyone's (they run every agenda), every member their own; every member reads them, since booking
 * goes by them. A time off's reason may be health data: sealed under a data key of the member's
 * schedule and opened only for the member and the center's administrators. The member named must
 * belong to the center (404 otherwise, as an id in a path).
 */
public final class StaffSchedulesService {
    static final String KEY_KIND = "staff_schedule";
    private static final String PURPOSE = "scheduling";
    /** The longest span of time off one list reads. */
    private static final int MAX_LIST_DAYS = 400;
    /** The days after {@code from} a list spans when the caller names no end. */
    private static final int DEFAULT_LIST_DAYS = 365;

    private final Transactions transactions;
    private final Memberships memberships;
    private final StaffSchedules schedules;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    public StaffSchedulesService(Transactions transactions, Memberships memberships, StaffSchedules schedules,
                                 FieldCipher cipher, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.memberships = memberships;
        this.schedules = schedules;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** Replaces the member's weekly hours, parsed from wire intervals (naming {@code weekly[i].start} …). */
    public WeeklyHours putWeekly(Principal principal, UserId member, List<WeeklyHours.Entry> weekly) {
        Required.field(member, "member");
        TenantId tenant = mayManage(principal, member);
        WeeklyHours hours = WeeklyHours.parse(weekly);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            requireMember(tenant, member);
            schedules.putWeekly(tenant, member, hours, now);
            record(principal, "staff.working_hours_set", member, now);
            return hours;
        });
    }

    /** The member's weekly hours; none when never set. */
    public WeeklyHours weekly(Principal principal, UserId member) {
        Required.field(member, "member");
        Permissions.require(principal, Permission.VIEW_SCHEDULES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            requireMember(tenant, member);
            LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
            Instant at = clock.instant();
            MemberSchedule schedule = schedules.schedules(tenant, Optional.of(List.of(member)), today, today,
                    new TimeRange(at, at.plusSeconds(1))).get(member);
            return schedule == null ? WeeklyHours.none() : schedule.weekly();
        });
    }

    /** Sets the member's hours of one local date (no windows: a day off), replacing any exception of that date. */
    public DatedHours putException(Principal principal, UserId member, LocalDate date, List<TimeWindow> windows) {
        Required.field(member, "member");
        TenantId tenant = mayManage(principal, member);
        DatedHours hours = new DatedHours(date, windows);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            requireMember(tenant, member);
            schedules.putException(tenant, member, hours);
            record(principal, "staff.exception_set", member, now);
            return hours;
        });
    }

    /** Records time off; the reason is sealed and the answer carries it only for who may read it. */
    public TimeOffView addTimeOff(Principal principal, UserId member, Instant start, Instant end, String reason) {
        Required.field(member, "member");
        TenantId tenant = mayManage(principal, member);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TimeOff timeOff = new TimeOff(new TimeOffId(ids.next()), member, micros(start), micros(end), reason);
        return transactions.inTenant(tenant, () -> {
            requireMember(tenant, member);
            byte[] sealed = cipher.encrypt(new KeyScope(KEY_KIND, member.value()),
                    aad(tenant, timeOff.id()), timeOff.reason());
            schedules.addTimeOff(tenant, new StoredTimeOff(timeOff.id(), member, timeOff.start(), timeOff.end(),
                    sealed, now));
            record(principal, "staff.time_off_add", member, now);
            return new TimeOffView(timeOff.id(), member, timeOff.start(), timeOff.end(),
                    mayReadReason(principal, member) ? Optional.of(timeOff.reason()) : Optional.empty(), now);
        });
    }

    /**
     * The member's time off overlapping the dates {@code from}–{@code to} (UTC days, at most
     * {@value #MAX_LIST_DAYS} of them; by default today and the {@value #DEFAULT_LIST_DAYS} days
     * after), by start.
     */
    public List<TimeOffView> timeOff(Principal principal, UserId member, Optional<LocalDate> fromDate,
                                     Optional<LocalDate> toDate) {
        Required.field(member, "member");
        Required.field(fromDate, "from");
        Required.field(toDate, "to");
        Permissions.require(principal, Permission.VIEW_SCHEDULES);
        TenantId tenant = principal.requireTenant();
        LocalDate from = fromDate.orElseGet(() -> LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        LocalDate to = toDate.orElseGet(() -> from.plusDays(DEFAULT_LIST_DAYS));
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required"));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) >= MAX_LIST_DAYS) {
            errors.add(new FieldError("to", "must be less than " + MAX_LIST_DAYS + " days after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TimeRange range = new TimeRange(from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        boolean reasons = mayReadReason(principal, member);
        return transactions.inTenant(tenant, () -> {
            requireMember(tenant, member);
            List<StoredTimeOff> stored = schedules.timeOff(tenant, member, range);
            if (reasons) {
                cipher.preload(stored.stream().map(StoredTimeOff::sealedReason).toList());
                record(principal, "staff.time_off_read", member, clock.instant());
            }
            return stored.stream().map(t -> new TimeOffView(t.id(), t.professional(), t.start(), t.end(),
                    reasons ? Optional.of(cipher.decrypt(aad(tenant, t.id()), t.sealedReason())) : Optional.empty(),
                    t.createdAt())).toList();
        });
    }

    /** The center, once the principal may change this member's schedule. */
    private static TenantId mayManage(Principal principal, UserId member) {
        TenantId tenant = principal.requireTenant();
        if (principal.userId().equals(member)) {
            Permissions.require(principal, Permission.MANAGE_OWN_SCHEDULE);
        } else {
            Permissions.require(principal, Permission.MANAGE_SCHEDULES);
        }
        return tenant;
    }

    private static boolean mayReadReason(Principal principal, UserId member) {
        return principal.userId().equals(member) || principal.role() == Role.ADMINISTRATOR;
    }

    /** Staff of the center: an active membership the person accepted. */
    private void requireMember(TenantId tenant, UserId member) {
        Optional<Membership> membership = memberships.find(tenant, member);
        if (membership.isEmpty() || !membership.get().active() || membership.get().pending()) {
            throw new NotFoundException("member");
        }
    }

    private void record(Principal principal, String action, UserId member, Instant at) {
        audit.record(AuditEvent.by(principal, action, "member", Optional.of(member.value()), PURPOSE, 1, at));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String aad(TenantId tenant, TimeOffId id) {
        return KEY_KIND + "|reason|" + tenant + "|" + id.value();
    }

}
