package com.qleven.application.scheduling;

import com.qleven.application.scheduling.AvailabilityFinder.Gathered;
import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentChange;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AvailableSlot;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.in.AppointmentListQuery;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.out.AppointmentQuery;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads, lists and moves appointments through the domain's state machine (an illegal move is a
 * 409), each change one unit of work with its audit event: the holds follow the appointment (freed
 * on cancel, moved on reschedule), and a freed slot is offered to the first matching waiting client
 * in the same unit. Professionals read and act on their own agenda only.
 */
public final class AppointmentsService {
    private final Transactions transactions;
    private final SchedulingAccess access;
    private final AvailabilityFinder finder;
    private final Appointments appointments;
    private final AppointmentSeal seal;
    private final WaitlistService waitlist;
    private final AuditTrail audit;
    private final Clock clock;
    private final Consumer<AppointmentChanged> listeners;

    AppointmentsService(Transactions transactions, SchedulingAccess access, AvailabilityFinder finder,
                        Appointments appointments, AppointmentSeal seal, WaitlistService waitlist, AuditTrail audit,
                        Clock clock, Consumer<AppointmentChanged> listeners) {
        this.transactions = transactions;
        this.access = access;
        this.finder = finder;
        this.appointments = appointments;
        this.seal = seal;
        this.waitlist = waitlist;
        this.audit = audit;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** One step of the lifecycle, given the appointment, who acts, when, and the center's rules. */
    @FunctionalInterface
    interface Step {
        AppointmentChange apply(Appointment appointment, Actor by, Instant now, CenterRules rules);
    }

    public AppointmentView get(Principal principal, AppointmentId id) {
        Required.field(id, "id");
        SchedulingAccess.requireAnyAgenda(principal);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            StoredAppointment stored = load(tenant, id);
            SchedulingAccess.requireAgenda(principal, stored.professional());
            ZoneId zone = access.rules(tenant).zone();
            SchedulingAccess.record(audit, principal, "appointment.read", SchedulingAccess.APPOINTMENT,
                    Optional.of(id.value()), 1, clock.instant());
            return AppointmentView.of(seal.open(stored), stored.version(), zone);
        });
    }

    /** Every appointment of a series, by start; a professional reads a series of their own agenda only. */
    public List<AppointmentView> series(Principal principal, SeriesId id) {
        Required.field(id, "id");
        SchedulingAccess.requireAnyAgenda(principal);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            List<StoredAppointment> found = appointments.bySeries(tenant, id);
            if (found.isEmpty()) {
                throw new NotFoundException("appointment series");
            }
            found.forEach(a -> SchedulingAccess.requireAgenda(principal, a.professional()));
            ZoneId zone = access.rules(tenant).zone();
            seal.preload(found);
            SchedulingAccess.record(audit, principal, "appointment.list", SchedulingAccess.APPOINTMENT,
                    Optional.empty(), found.size(), clock.instant());
            return found.stream().map(s -> AppointmentView.of(seal.open(s), s.version(), zone)).toList();
        });
    }

    /**
     * The appointments starting on the local dates, by start then id, a page per statement; a
     * professional's list is their own agenda whatever they ask.
     */
    public Page<AppointmentView> list(Principal principal, AppointmentListQuery query, PageRequest page) {
        List<FieldError> errors = new ArrayList<>();
        AvailabilityService.requireDates(errors, query.from(), query.to());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<UserId> professional = SchedulingAccess.agendaOf(principal, query.professional());
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            ZoneId zone = access.rules(tenant).zone();
            TimeRange starts = new TimeRange(query.from().atStartOfDay(zone).toInstant(),
                    query.to().plusDays(1).atStartOfDay(zone).toInstant());
            Page<StoredAppointment> found = appointments.list(tenant,
                    new AppointmentQuery(starts, professional, query.client()), page);
            seal.preload(found.items());
            SchedulingAccess.record(audit, principal, "appointment.list", SchedulingAccess.APPOINTMENT,
                    Optional.empty(), found.items().size(), clock.instant());
            return new Page<>(found.items().stream()
                    .map(s -> AppointmentView.of(seal.open(s), s.version(), zone)).toList(), found.next());
        });
    }

    public AppointmentView confirm(Principal principal, AppointmentId id) {
        return change(principal, id, "appointment.confirm", (a, by, now, rules) -> a.confirm(by, now));
    }

    public AppointmentView checkIn(Principal principal, AppointmentId id) {
        return change(principal, id, "appointment.check_in", (a, by, now, rules) -> a.checkIn(by, now));
    }

    public AppointmentView complete(Principal principal, AppointmentId id) {
        return complete(principal, id, true);
    }

    /** Completes it; {@code redeemPackage} false tells billing the staff chose not to redeem a package for it. */
    public AppointmentView complete(Principal principal, AppointmentId id, boolean redeemPackage) {
        return change(principal, id, "appointment.complete", (a, by, now, rules) -> a.complete(by, now),
                redeemPackage);
    }

    public AppointmentView noShow(Principal principal, AppointmentId id) {
        return change(principal, id, "appointment.no_show", (a, by, now, rules) -> a.noShow(by, now));
    }

    /** Cancels with a reason (sealed); the freed slot goes to the first matching waiting client. */
    public AppointmentView cancel(Principal principal, AppointmentId id, String reason) {
        return change(principal, id, "appointment.cancel",
                (a, by, now, rules) -> a.cancel(reason, by, now, rules.settings().cancellationWindow()));
    }

    /**
     * Moves the appointment to a new start on the grid that availability offers (its own holds
     * aside): the professional named, else the same one if free then, else the first free one.
     */
    public AppointmentView reschedule(Principal principal, RescheduleCommand command) {
        Required.field(command.appointment(), "id");
        if (command.start() == null) {
            throw new ValidationException("start", "is required");
        }
        Optional<UserId> named = SchedulingAccess.agendaOf(principal, command.professional());
        TenantId tenant = principal.requireTenant();
        return change(principal, command.appointment(), "appointment.reschedule", (a, by, now, rules) -> {
            BookingService.requireStart(rules, command.start(), now);
            Service service = finder.service(tenant, a.service());
            LocalDate day = LocalDate.ofInstant(command.start(), rules.zone());
            // A named professional: only their agenda is read, once checked an active member.
            Gathered g = named.isPresent() ? finder.gatherFor(tenant, rules, service, day, day, named.get())
                    : finder.gather(tenant, rules, service, day, day);
            StoredAppointment own = seal.seal(tenant, a, 1);
            Gathered free = g.withBusy(AvailabilityFinder.without(g.busy(), own));
            Optional<AvailableSlot> slot = named.isPresent()
                    ? AvailabilityFinder.at(free, command.start(), named, now)
                    : AvailabilityFinder.at(free, command.start(), Optional.of(a.professional()), now)
                    .or(() -> AvailabilityFinder.at(free, command.start(), Optional.empty(), now));
            return a.reschedule(service, slot.orElseThrow(() -> BookingService.notOffered(command.start(), Map.of())),
                    by, now, Duration.ZERO);
        });
    }

    private AppointmentView change(Principal principal, AppointmentId id, String action, Step step) {
        return change(principal, id, action, step, true);
    }

    private AppointmentView change(Principal principal, AppointmentId id, String action, Step step,
                                   boolean redeemPackage) {
        Required.field(id, "id");
        SchedulingAccess.requireAnyAgenda(principal);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            StoredAppointment stored = load(tenant, id);
            SchedulingAccess.requireAgenda(principal, stored.professional());
            CenterRules rules = access.rules(tenant);
            AppointmentChange change = step.apply(seal.open(stored), Actor.staff(principal.userId()), now, rules);
            Appointment next = change.appointment();
            if (!appointments.update(seal.seal(tenant, next, stored.version() + 1), stored.version())) {
                throw new ConflictException("the appointment changed meanwhile; read it again",
                        Map.of("currentStatus", stored.status().wireName()));
            }
            SchedulingAccess.record(audit, principal, action, SchedulingAccess.APPOINTMENT, Optional.of(id.value()),
                    1, now);
            if (change.event() instanceof AppointmentEvent.AppointmentCancelled c) {
                waitlist.offerFreed(principal, tenant, rules, c.freed(), now);
            } else if (change.event() instanceof AppointmentEvent.AppointmentRescheduled r) {
                waitlist.offerFreed(principal, tenant, rules, r.freed(), now);
            }
            listeners.accept(new AppointmentChanged(principal, tenant, next, change.event(), redeemPackage));
            return AppointmentView.of(next, stored.version() + 1, rules.zone());
        });
    }

    private StoredAppointment load(TenantId tenant, AppointmentId id) {
        return appointments.byId(tenant, id).orElseThrow(() -> new NotFoundException("appointment"));
    }
}
