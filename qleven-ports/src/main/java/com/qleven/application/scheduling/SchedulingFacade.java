package com.qleven.application.scheduling;

import com.qleven.application.Foundation;
import com.qleven.application.clients.ClientContacts;
import com.qleven.application.clients.ClientLookup;
import com.qleven.application.clients.ProcessingCheckService;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.scheduling.in.AppointmentListQuery;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.in.WaitlistCommand;
import com.qleven.ports.scheduling.in.WaitlistView;
import com.qleven.ports.scheduling.out.SchedulingStore;
import com.qleven.ports.shared.out.Transactions;
import java.util.List;
import java.util.Objects;

/**
 * Scheduling: the center's scheduling settings, its catalogue of services, rooms and equipment,
 * the staff's working hours and time off, availability, appointments and the waitlist: {@code
 * qleven.scheduling()}. Every verb checks the principal's permission itself.
 */
public final class SchedulingFacade {
    private final Foundation foundation;
    private final AvailabilityService availability;
    private final BookingService booking;
    private final AppointmentsService appointments;
    private final WaitlistService waitlist;
    private final AppointmentsRegistry registry;

    /** Wires the context's services, each with the narrow ports it uses. */
    public SchedulingFacade(Foundation f) {
        this.foundation = Objects.requireNonNull(f, "foundation");
        Transactions transactions = f.store().shared().transactions();
        SchedulingStore store = f.store().scheduling();
        SchedulingAccess access = new SchedulingAccess(f.store().tenancy().centers(), store.settings(),
                f.store().tenancy().memberships());
        AvailabilityFinder finder = new AvailabilityFinder(store.catalogue(), store.staffSchedules(),
                f.store().tenancy().memberships(), store.appointments());
        ClientLookup clients = new ClientLookup(f.store().clients().clients(), f.cipher());
        ProcessingCheck processing = new ProcessingCheckService(transactions,
                f.store().clients().clientRestrictions());
        AppointmentSeal seal = new AppointmentSeal(f.cipher());
        availability = new AvailabilityService(transactions, access, finder, f.clock());
        booking = new BookingService(transactions, access, finder, store.appointments(), clients, processing, seal,
                f.audit(), f.clock(), f.ids());
        waitlist = new WaitlistService(transactions, access, finder, store.waitlist(), clients,
                new ClientContacts(f.store().clients().clients(), f.cipher()), processing, f.mail(), f.audit(),
                f.clock(), f.ids());
        appointments = new AppointmentsService(transactions, access, finder, store.appointments(), seal, waitlist,
                f.audit(), f.clock());
        registry = new AppointmentsRegistry(store.appointments(), f.cipher(), f.clock());
    }

    /** Every start at which the service can be booked within the local dates, per professional. */
    public AvailabilityView availability(Principal principal, AvailabilityQuery query) {
        return availability.search(principal, query);
    }

    /** Books one appointment: the start offered by availability, resources assigned, in one unit. */
    public AppointmentView book(Principal principal, BookAppointmentCommand command) {
        return booking.book(principal, command);
    }

    /** Books a recurring series all or nothing. */
    public List<AppointmentView> bookSeries(Principal principal, BookSeriesCommand command) {
        return booking.bookSeries(principal, command);
    }

    public AppointmentView appointment(Principal principal, AppointmentId id) {
        return appointments.get(principal, id);
    }

    public Page<AppointmentView> appointments(Principal principal, AppointmentListQuery query, PageRequest page) {
        return appointments.list(principal, query, page);
    }

    public AppointmentView confirm(Principal principal, AppointmentId id) {
        return appointments.confirm(principal, id);
    }

    public AppointmentView checkIn(Principal principal, AppointmentId id) {
        return appointments.checkIn(principal, id);
    }

    public AppointmentView complete(Principal principal, AppointmentId id) {
        return appointments.complete(principal, id);
    }

    public AppointmentView noShow(Principal principal, AppointmentId id) {
        return appointments.noShow(principal, id);
    }

    /** Cancels with a reason; the freed slot is offered to the first matching waiting client. */
    public AppointmentView cancel(Principal principal, AppointmentId id, String reason) {
        return appointments.cancel(principal, id, reason);
    }

    public AppointmentView reschedule(Principal principal, RescheduleCommand command) {
        return appointments.reschedule(principal, command);
    }

    public WaitlistView addToWaitlist(Principal principal, WaitlistCommand command) {
        return waitlist.add(principal, command);
    }

    public Page<WaitlistView> waitlist(Principal principal, PageRequest page) {
        return waitlist.list(principal, page);
    }

    /** The context's section of the privacy registry: the client's appointments, exported and erased. */
    public AppointmentsRegistry privacyRegistry() {
        return registry;
    }
}
