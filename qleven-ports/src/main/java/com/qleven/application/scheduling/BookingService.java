package com.qleven.application.scheduling;

import com.qleven.application.clients.BookableClients;
import com.qleven.application.scheduling.AvailabilityFinder.Gathered;
import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentChange;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.Availability;
import com.qleven.domain.scheduling.AvailableSlot;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.SeriesRule;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Books an appointment, or a recurring series all or nothing, in one unit of work: the start must be
 * on the center's grid and offered by the same search availability runs (recomputed for that start
 * only), the professional chosen or the first free one assigned, the room and equipment assigned;
 * the store's exclusion constraint has the last word, so a concurrent booking that won the same
 * resource makes this one a 409 naming it. A restricted client is not booked.
 */
public final class BookingService {
    private final Transactions transactions;
    private final SchedulingAccess access;
    private final AvailabilityFinder finder;
    private final Appointments appointments;
    private final BookableClients clients;
    private final AppointmentSeal seal;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final Consumer<AppointmentChanged> listeners;

    BookingService(Transactions transactions, SchedulingAccess access, AvailabilityFinder finder,
                   Appointments appointments, BookableClients clients, AppointmentSeal seal,
                   AuditTrail audit, Clock clock, IdGenerator ids, Consumer<AppointmentChanged> listeners) {
        this.transactions = transactions;
        this.access = access;
        this.finder = finder;
        this.appointments = appointments;
        this.clients = clients;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.listeners = listeners;
    }

    public AppointmentView book(Principal principal, BookAppointmentCommand command) {
        requireFields(command.client(), command.service(), command.start(), List.of());
        Optional<UserId> professional = SchedulingAccess.agendaOf(principal, command.professional());
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> bookInUnit(principal, tenant, command.client(), command.service(),
                command.start(), professional, now));
    }

    /**
     * The booking itself, in the caller's unit of work (the waitlist's accept books an offered slot
     * this way): {@code professional} is what {@link SchedulingAccess#agendaOf} left of the request.
     */
    AppointmentView bookInUnit(Principal principal, TenantId tenant, ClientId client,
                               com.qleven.domain.scheduling.ServiceId service, Instant start,
                               Optional<UserId> professional, Instant now) {
        Prepared p = prepare(tenant, client, service, start, professional, now);
        LocalDate day = LocalDate.ofInstant(start, p.rules().zone());
        Gathered g = gather(tenant, p, day, day, professional);
        AvailableSlot slot = AvailabilityFinder.at(g, start, professional, now)
                .orElseThrow(() -> notOffered(start, Map.of()));
        AppointmentChange change = Appointment.book(new AppointmentId(ids.next()), client, p.service(), slot,
                null, Actor.staff(principal.userId()), now);
        Appointment booked = change.appointment();
        appointments.add(seal.seal(tenant, booked, 1));
        SchedulingAccess.record(audit, principal, "appointment.book", SchedulingAccess.APPOINTMENT,
                Optional.of(booked.id().value()), 1, now);
        listeners.accept(AppointmentChanged.bookedByStaff(principal, tenant, booked, change.event(), false));
        return AppointmentView.of(booked, 1, p.rules().zone());
    }

    /**
     * Books every occurrence of the series or none: each must be offered (409 naming the first that
     * is not, by index from 0 and start) and each is inserted with its holds in the one unit, which a
     * refused hold rolls back whole.
     */
    public List<AppointmentView> bookSeries(Principal principal, BookSeriesCommand command) {
        List<FieldError> ruleErrors = new ArrayList<>();
        SeriesRule rule = null;
        try {
            rule = new SeriesRule(command.everyWeeks(), command.count());
        } catch (ValidationException e) {
            ruleErrors.addAll(e.errors());
        }
        requireFields(command.client(), command.service(), command.start(), ruleErrors);
        SeriesRule series = rule;
        Optional<UserId> professional = SchedulingAccess.agendaOf(principal, command.professional());
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            Prepared p = prepare(tenant, command.client(), command.service(), command.start(), professional, now);
            List<Instant> starts = series.expand(command.start(), p.rules().zone()).startsOrThrow();
            LocalDate first = LocalDate.ofInstant(starts.get(0), p.rules().zone());
            LocalDate last = LocalDate.ofInstant(starts.get(starts.size() - 1), p.rules().zone());
            Gathered g = gather(tenant, p, first, last, professional);
            SeriesId seriesId = new SeriesId(ids.next());
            Actor by = Actor.staff(principal.userId());
            BusyIntervals busy = g.busy();
            List<AppointmentChange> changes = new ArrayList<>(starts.size());
            for (int i = 0; i < starts.size(); i++) {
                Instant start = starts.get(i);
                AvailableSlot slot = AvailabilityFinder.at(g.withBusy(busy), start, professional, now)
                        .orElseThrow(whenNotOffered(start, occurrence(changes.size(), start)));
                busy = AvailabilityFinder.with(busy, slot, p.service());
                changes.add(Appointment.book(new AppointmentId(ids.next()), command.client(), p.service(), slot,
                        seriesId, by, now));
            }
            List<Appointment> booked = changes.stream().map(AppointmentChange::appointment).toList();
            for (int i = 0; i < booked.size(); i++) {
                try {
                    appointments.add(seal.seal(tenant, booked.get(i), 1));
                } catch (ConflictException taken) {
                    Map<String, Object> details = new HashMap<>(taken.details());
                    details.putAll(occurrence(i, booked.get(i).start()));
                    throw new ConflictException("occurrence " + (i + 1) + " of the series is taken: "
                            + taken.getMessage(), details);
                }
            }
            audit.recordAll(booked.stream().map(a -> AuditEvent.by(principal, "appointment.book",
                    SchedulingAccess.APPOINTMENT, Optional.of(a.id().value()), SchedulingAccess.PURPOSE, 1, now))
                    .toList());
            // In start order, so a listener hears the first occurrence first and the rest as later ones.
            for (int i = 0; i < changes.size(); i++) {
                listeners.accept(AppointmentChanged.bookedByStaff(principal, tenant, changes.get(i).appointment(),
                        changes.get(i).event(), i > 0));
            }
            return booked.stream().map(a -> AppointmentView.of(a, 1, p.rules().zone())).toList();
        });
    }

    /**
     * The center's rules and the service, once the start and the client are checked; a named
     * professional is checked an active member with their schedule ({@link #gather}).
     */
    private record Prepared(CenterRules rules, Service service) {
    }

    private Prepared prepare(TenantId tenant, ClientId client, com.qleven.domain.scheduling.ServiceId serviceId,
                             Instant start, Optional<UserId> professional, Instant now) {
        SchedulingAccess.RulesAndService read = access.rulesWith(tenant, serviceId);
        CenterRules rules = read.rules();
        requireStart(rules, start, now);
        Service service = read.service();
        BookableClients.Standing standing = clients.require(tenant, client, "clientId");
        standing.requireProcessable();
        return new Prepared(rules, service);
    }

    /**
     * What the search needs: of the named professional alone (a 422 naming {@code professionalId}
     * when they are no active member of the center), or of every professional who may be assigned.
     */
    private Gathered gather(TenantId tenant, Prepared p, LocalDate from, LocalDate to, Optional<UserId> professional) {
        return professional.isPresent()
                ? finder.gatherFor(tenant, p.rules(), p.service(), from, to, professional.get())
                : finder.gather(tenant, p.rules(), p.service(), from, to);
    }

    /** A start on the center's grid and in the future, or a 400 naming {@code start}. */
    static void requireStart(CenterRules rules, Instant start, Instant now) {
        int grid = rules.settings().slotMinutes();
        if (!Availability.isOnGrid(start, rules.zone(), grid)) {
            throw new ValidationException("start", "must be on the center's " + grid + "-minute grid in its local time");
        }
        if (!start.isAfter(now)) {
            throw new ValidationException("start", "must be in the future");
        }
    }

    static ConflictException notOffered(Instant start, Map<String, Object> more) {
        Map<String, Object> details = new HashMap<>(more);
        details.put("start", start.toString());
        return new ConflictException("this start is not available for the service", details);
    }

    private static java.util.function.Supplier<ConflictException> whenNotOffered(Instant start,
                                                                              Map<String, Object> more) {
        return () -> notOffered(start, more);
    }

    private static Map<String, Object> occurrence(int index, Instant start) {
        return Map.of("index", index, "start", start.toString());
    }

    private static void requireFields(ClientId client, com.qleven.domain.scheduling.ServiceId service, Instant start,
                                      List<FieldError> more) {
        List<FieldError> errors = new ArrayList<>();
        if (client == null) {
            errors.add(new FieldError("clientId", "is required"));
        }
        if (service == null) {
            errors.add(new FieldError("serviceId", "is required"));
        }
        if (start == null) {
            errors.add(new FieldError("start", "is required"));
        }
        errors.addAll(more);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
