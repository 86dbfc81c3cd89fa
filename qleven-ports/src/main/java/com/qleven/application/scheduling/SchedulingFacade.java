package com.qleven.application.scheduling;

import com.qleven.application.Foundation;
import com.qleven.application.clients.ClientContacts;
import com.qleven.application.clients.ClientIntake;
import com.qleven.application.clients.ClientFirstNames;
import com.qleven.application.clients.BookableClients;
import com.qleven.application.clients.ClientLookup;
import com.qleven.application.clients.ProcessingCheckService;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.TaxRateCheck;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.RecordConsentFromChannel;
import com.qleven.ports.scheduling.in.AppointmentListQuery;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.ClientReplies;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.in.CalendarFeedLink;
import com.qleven.ports.scheduling.in.CalendarFeedState;
import com.qleven.ports.scheduling.in.CenterView;
import com.qleven.ports.scheduling.in.EquipmentMaintenance;
import com.qleven.ports.scheduling.in.EquipmentStatusChanged;
import com.qleven.ports.scheduling.in.PublicBooking;
import com.qleven.ports.scheduling.in.ManageCalendarFeeds;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.in.ServiceCommand;
import com.qleven.ports.scheduling.in.ServiceView;
import com.qleven.ports.scheduling.in.TimeOffView;
import com.qleven.ports.scheduling.in.AcceptedOffer;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.in.WaitlistCommand;
import com.qleven.ports.scheduling.in.WaitlistView;
import com.qleven.ports.scheduling.out.CalendarRenderer;
import com.qleven.ports.scheduling.out.SchedulingStore;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.shared.out.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Scheduling: the center's scheduling settings, its catalogue of services, rooms and equipment,
 * the staff's working hours and time off, availability, appointments and the waitlist: {@code
 * qleven.scheduling()}. Every verb checks the principal's permission itself.
 */
public final class SchedulingFacade {
    private final com.qleven.ports.scheduling.out.Appointments clientActivityStore;
    private final CenterSettingsService settings;
    private final CatalogueService catalogue;
    private final StaffSchedulesService staff;
    private final List<Consumer<EquipmentStatusChanged>> equipmentListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<AppointmentChanged>> appointmentListeners = new CopyOnWriteArrayList<>();
    private final AvailabilityService availability;
    private final BookingService booking;
    private final AppointmentsService appointments;
    private final WaitlistService waitlist;
    private final AppointmentsRegistry registry;
    private final PublicBookingService publicBooking;
    private final ManageCalendarFeeds calendarFeeds;

    /**
     * Wires the context's services, each with the narrow ports it uses: {@code taxRates} is
     * billing's check of a rate code ({@code qleven.billing().taxRateCheck()}), {@code consents}
     * consent's recording of a decision from a channel ({@code qleven.consent()::recordFromChannel}),
     * which online booking records the accepted notices with, {@code publicBookingLimits} the limits
     * of online booking per address and per phone, and {@code renderer} writes the calendar feeds
     * (without one, {@link #readCalendarFeed} throws {@link IllegalStateException}).
     */
    public SchedulingFacade(Foundation f, TaxRateCheck taxRates, RecordConsentFromChannel consents,
                            PublicBookingService.Limits publicBookingLimits, Optional<CalendarRenderer> renderer) {
        Objects.requireNonNull(f, "foundation");
        Objects.requireNonNull(publicBookingLimits, "publicBookingLimits");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(taxRates, "taxRates");
        Objects.requireNonNull(renderer, "renderer");
        Transactions transactions = f.store().shared().transactions();
        settings = new CenterSettingsService(transactions, f.store().tenancy().centers(),
                f.store().scheduling().settings(), f.audit(), f.clock());
        catalogue = new CatalogueService(transactions, f.store().tenancy().centers(),
                f.store().tenancy().memberships(), f.store().scheduling().catalogue(), taxRates, f.audit(), f.clock(),
                f.ids(), event -> equipmentListeners.forEach(l -> l.accept(event)));
        staff = new StaffSchedulesService(transactions, f.store().tenancy().memberships(),
                f.store().scheduling().staffSchedules(), f.cipher(), f.audit(), f.clock(), f.ids());
        SchedulingStore store = f.store().scheduling();
        clientActivityStore = store.appointments();
        SchedulingAccess access = new SchedulingAccess(store.settings(),
                f.store().tenancy().memberships());
        AvailabilityFinder finder = new AvailabilityFinder(store.catalogue(), store.staffSchedules(),
                store.appointments());
        ClientLookup clients = new ClientLookup(f.store().clients().clients(), f.cipher());
        ProcessingCheck processing = new ProcessingCheckService(transactions,
                f.store().clients().clientRestrictions());
        AppointmentSeal seal = new AppointmentSeal(f.cipher());
        availability = new AvailabilityService(transactions, access, finder, f.clock());
        Consumer<AppointmentChanged> raise = changed -> appointmentListeners.forEach(l -> l.accept(changed));
        booking = new BookingService(transactions, access, finder, store.appointments(),
                new BookableClients(f.store().clients().clientRestrictions()), seal,
                f.audit(), f.clock(), f.ids(), raise);
        waitlist = new WaitlistService(transactions, access, finder, store.waitlist(), store.waitlistOffersDue(),
                store.appointments(), clients,
                new ClientContacts(f.store().clients().clients(), f.cipher()), processing, f.mail(), f.audit(),
                f.clock(), f.ids(), booking);
        appointments = new AppointmentsService(transactions, access, finder, store.appointments(), seal, waitlist,
                f.audit(), f.clock(), raise);
        registry = new AppointmentsRegistry(store.appointments(), f.cipher(), f.clock(), access, waitlist);
        // Online booking ---------------------------------------------------------------------------
        publicBooking = new PublicBookingService(transactions, store.settings(), access, finder, store.catalogue(),
                store.appointments(), store.manageLinks(), new ClientIntake(f.store().clients().clients(),
                        f.store().clients().clientDuplicates(), f.cipher(), f.ids()),
                processing, f.store().consent().consentNotices(), consents, f.store().shared().rateLimits(),
                f.cipher(), f.phoneNumbers(), seal, waitlist, f.mail(), f.audit(), f.clock(), f.ids(), f.publicUrl(),
                publicBookingLimits, raise);
        calendarFeeds = new CalendarFeedsService(transactions, f.store().scheduling().calendarFeeds(),
                f.store().tenancy().memberships(), f.store().scheduling().appointments(),
                f.store().scheduling().catalogue(), new ClientFirstNames(f.store().clients().clients(), f.cipher()),
                f.store().shared().rateLimits(), f.cipher(), f.audit(), renderer, f.publicUrl(), f.clock());
    }

    // Settings ------------------------------------------------------------------------------------

    /** The center's profile and scheduling settings; a center that never set them gets (and keeps) the defaults. */
    public CenterView center(Principal principal) {
        return settings.get(principal);
    }

    /**
     * Applies a merge patch of {@code slug}, {@code locale}, {@code slotMinutes}, {@code openingHours}
     * ({@code weekly}, {@code closedDays}), {@code cancellationWindowHours} and {@code
     * waitlistOfferHoldMinutes} (administrators); a slug another center holds is a conflict naming {@code slug}.
     */
    public CenterView updateCenter(Principal principal, Map<String, Object> mergePatch) {
        return settings.update(principal, mergePatch);
    }

    /** The center's settings within the caller's unit of work, for the other scheduling use cases. */
    public SchedulingSettings settingsOf(TenantId center) {
        return settings.settingsOf(center);
    }

    // Catalogue -----------------------------------------------------------------------------------

    /**
     * Creates a service (administrators) from its members as a JSON object has them: {@code name},
     * {@code durationMinutes}, {@code bufferBeforeMinutes}, {@code bufferAfterMinutes}, {@code price}
     * ({@code amountMinor}, {@code currency}), {@code taxRate}, {@code roomRequired}, {@code
     * equipmentKinds}, {@code professionalIds} (empty: any professional).
     */
    /** Adds a treatment to the catalogue (administrators), its members named by the builder. */
    public ServiceView createService(Principal principal, ServiceCommand command) {
        Required.field(command, "command");
        return catalogue.createService(principal, command.members());
    }

    /** As above, from the members of a JSON body as received (the HTTP API's way). */
    public ServiceView createService(Principal principal, Map<String, Object> members) {
        return catalogue.createService(principal, members);
    }

    public ServiceView service(Principal principal, ServiceId id) {
        return catalogue.service(principal, id);
    }

    public List<ServiceView> services(Principal principal) {
        return catalogue.services(principal);
    }

    /** Applies a merge patch (administrators), if the service still has {@code expectedTag} when given. */
    /**
     * Changes the members the builder names, only if the service is still at {@code expectedTag}
     * when one is given (its ETag).
     */
    public ServiceView updateService(Principal principal, ServiceId id, ServiceCommand changes,
                                     Optional<String> expectedTag) {
        Required.field(changes, "changes");
        return catalogue.updateService(principal, id, changes.members(), expectedTag);
    }

    /** As above, with a JSON merge patch as received ({@code null} clears a member). */
    public ServiceView updateService(Principal principal, ServiceId id, Map<String, Object> mergePatch,
                                     Optional<String> expectedTag) {
        return catalogue.updateService(principal, id, mergePatch, expectedTag);
    }

    public Room createRoom(Principal principal, String name) {
        return catalogue.createRoom(principal, name);
    }

    public List<Room> rooms(Principal principal) {
        return catalogue.rooms(principal);
    }

    public Equipment createEquipment(Principal principal, String name, String kind) {
        return catalogue.createEquipment(principal, name, kind);
    }

    public List<Equipment> equipment(Principal principal) {
        return catalogue.equipment(principal);
    }

    /** Puts a machine in maintenance or back (any member); the change is audited and raised to the listeners. */
    public Equipment setEquipmentStatus(Principal principal, EquipmentId id, EquipmentStatus status) {
        return catalogue.setEquipmentStatus(principal, id, status);
    }

    /**
     * The system verb a device's maintenance rules use: puts a machine in maintenance without a
     * principal and names the appointments still to come on it (read by pages of the center's
     * appointments over {@link EquipmentMaintenance#HORIZON_DAYS} days: once per transition, so rare).
     */
    public EquipmentMaintenance equipmentMaintenance() {
        return (tenant, equipment, at) -> {
            if (!catalogue.putInMaintenanceByDevice(tenant, equipment, at)) {
                return Optional.empty();
            }
            List<EquipmentMaintenance.Affected> affected = new java.util.ArrayList<>();
            com.qleven.domain.shared.TimeRange window = new com.qleven.domain.shared.TimeRange(
                    at.minus(java.time.Duration.ofDays(1)), at.plus(java.time.Duration.ofDays(EquipmentMaintenance.HORIZON_DAYS)));
            Optional<String> cursor = Optional.empty();
            do {
                com.qleven.domain.shared.Page<com.qleven.ports.scheduling.out.StoredAppointment> page =
                        clientActivityStore.list(tenant, com.qleven.ports.scheduling.out.AppointmentQuery.within(window),
                                new com.qleven.domain.shared.PageRequest(com.qleven.domain.shared.PageRequest.MAX_LIMIT,
                                        cursor));
                for (var a : page.items()) {
                    boolean active = a.status() == com.qleven.domain.scheduling.AppointmentStatus.BOOKED
                            || a.status() == com.qleven.domain.scheduling.AppointmentStatus.CONFIRMED
                            || a.status() == com.qleven.domain.scheduling.AppointmentStatus.CHECKED_IN;
                    if (active && a.end().isAfter(at) && a.equipment().contains(equipment)) {
                        affected.add(new EquipmentMaintenance.Affected(a.id(), a.start()));
                    }
                }
                cursor = page.next();
            } while (cursor.isPresent());
            affected.sort(java.util.Comparator.comparing(EquipmentMaintenance.Affected::start));
            return Optional.of(List.copyOf(affected));
        };
    }

    /**
     * Registers a listener called inside the unit of work of every change of a machine's status
     * (the hook by which booked appointments on a machine gone into maintenance get flagged).
     */
    public void onEquipmentStatusChanged(Consumer<EquipmentStatusChanged> listener) {
        equipmentListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Registers a listener called inside the unit of work of every step of an appointment's lifecycle:
     * booked (by staff, a series occurrence by occurrence, a waitlist offer accepted, online), confirmed,
     * checked in, completed, no-show, cancelled, rescheduled — by staff, or by the client online (then
     * {@link AppointmentChanged#staff()} is empty). The hook by which billing redeems a package or drafts
     * an invoice on completion and charges a fee per the center's policy, and messaging queues the
     * client's confirmation, reminders and notices. A listener that throws rolls the step back.
     */
    public void onAppointmentChanged(Consumer<AppointmentChanged> listener) {
        appointmentListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // Staff schedules -----------------------------------------------------------------------------

    /** Replaces a member's weekly hours: administrators and receptionists anyone's, every member their own. */
    public WeeklyHours setWorkingHours(Principal principal, UserId member, List<WeeklyHours.Entry> weekly) {
        return staff.putWeekly(principal, member, weekly);
    }

    public WeeklyHours workingHours(Principal principal, UserId member) {
        return staff.weekly(principal, member);
    }

    /** Sets a member's hours of one date (no windows: a day off). */
    public DatedHours setException(Principal principal, UserId member, LocalDate date, List<TimeWindow> windows) {
        return staff.putException(principal, member, date, windows);
    }

    /** Records a member's time off; the reason is sealed, shown only to the member and administrators. */
    public TimeOffView addTimeOff(Principal principal, UserId member, Instant start, Instant end, String reason) {
        return staff.addTimeOff(principal, member, start, end, reason);
    }

    /** A member's time off overlapping the UTC dates {@code from}–{@code to} (default: today and a year on), by start. */
    public List<TimeOffView> timeOff(Principal principal, UserId member, Optional<LocalDate> from,
                                     Optional<LocalDate> to) {
        return staff.timeOff(principal, member, from, to);
    }

    // Calendar feeds (issue 9 item 6) ------------------------------------------------------------

    /**
     * A new calendar-feed link for {@code member}, shown once; the old link stops working.
     * Administrators for anyone, every member for themself.
     */
    public CalendarFeedLink createCalendarFeed(Principal principal, UserId member) {
        return calendarFeeds.createFeed(principal, member);
    }

    /** Whether {@code member} has a live calendar-feed link and since when; never the link itself. */
    public CalendarFeedState calendarFeedState(Principal principal, UserId member) {
        return calendarFeeds.feedState(principal, member);
    }

    /** Revokes {@code member}'s calendar-feed link; administrators for anyone, every member for themself. */
    public void revokeCalendarFeed(Principal principal, UserId member) {
        calendarFeeds.revokeFeed(principal, member);
    }

    /**
     * The iCalendar text ({@link CalendarRenderer#MEDIA_TYPE}) of the feed a link's token opens: the
     * token is the credential. {@code client} is the caller's address, counted when the token opens
     * nothing.
     */
    public String readCalendarFeed(String token, ClientInfo client) {
        return calendarFeeds.readFeed(token, client);
    }

    // Availability, appointments and the waitlist ---------------------------------------------------

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

    /** Every appointment of a series, by start. */
    public List<AppointmentView> series(Principal principal, com.qleven.domain.scheduling.SeriesId id) {
        return appointments.series(principal, id);
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

    /**
     * Completes the appointment; with {@code redeemPackage} false the staff choose not to redeem a
     * prepaid package for it, and billing drafts an invoice instead.
     */
    public AppointmentView complete(Principal principal, AppointmentId id, boolean redeemPackage) {
        return appointments.complete(principal, id, redeemPackage);
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

    public WaitlistView waitlistEntry(Principal principal, com.qleven.domain.scheduling.WaitlistEntryId id) {
        return waitlist.get(principal, id);
    }

    public Page<WaitlistView> waitlist(Principal principal, PageRequest page) {
        return waitlist.list(principal, page);
    }

    /**
     * Accepts a waitlist offer (administrators, receptionists; a professional an offer on their own
     * agenda): books the offered slot for the entry's client as {@link #book} does and marks the
     * entry booked, in one unit of work. An entry not offered, or whose hold is over, is a conflict
     * naming its {@code currentStatus}.
     */
    public AcceptedOffer acceptWaitlistOffer(Principal principal, com.qleven.domain.scheduling.WaitlistEntryId id) {
        return waitlist.accept(principal, id);
    }

    /**
     * The client declines the offer (administrators, receptionists): the entry waits again in its
     * place, and the slot goes at once to the next matching waiting client, mailed as after a
     * cancellation. An entry not offered is a conflict naming its {@code currentStatus}.
     */
    public WaitlistView declineWaitlistOffer(Principal principal, com.qleven.domain.scheduling.WaitlistEntryId id) {
        return waitlist.decline(principal, id);
    }

    /**
     * Takes an entry waiting or offered off the waitlist (administrators, receptionists); an offered
     * one's slot passes on as after a decline. Other states are a conflict naming {@code currentStatus}.
     */
    public WaitlistView withdrawFromWaitlist(Principal principal, com.qleven.domain.scheduling.WaitlistEntryId id) {
        return waitlist.withdraw(principal, id);
    }

    /**
     * Housekeeping for the embedder's or host's schedule: passes on up to {@code limit} of the
     * center's waitlist offers whose hold ended unanswered, each slot to the next matching waiting
     * client while it is still free; returns how many lapsed (call again while a full batch comes back).
     */
    public int passLapsedWaitlistOffers(TenantId tenant, int limit) {
        return waitlist.passLapsedOffers(tenant, limit);
    }

    /**
     * Housekeeping for the embedder's own timer (the host runs it every {@code
     * QLEVEN_WAITLIST_SWEEP_EVERY}): passes on the lapsed waitlist offers of every center that has
     * one, each center in units of work of its own, found in one read of the global queue of
     * centers with open offers (never a loop over all centers). A center that fails is logged and
     * the others go on; several callers side by side share the work. No principal: no one acts,
     * and the lapses and new offers are audited with no actor.
     *
     * @return how many lapsed offers were passed on
     */
    public int passAllLapsedWaitlistOffers() {
        return waitlist.passAllLapsedOffers();
    }

    // Online booking (no session) ------------------------------------------------------------------

    /** The public page of the center of {@code slug}: its active services and the consent notices it stores. */
    public PublicBooking.CenterPage publicPage(String slug) {
        return publicBooking.page(slug);
    }

    /** Availability for the public: active services only, slots by professional id. */
    public AvailabilityView publicAvailability(String slug, AvailabilityQuery query) {
        return publicBooking.availability(slug, query);
    }

    /**
     * Admits a public booking: the center of the slug (404 when none), the attempt counted against
     * the caller's address (429 past the limit) in a unit of its own.
     */
    public TenantId admitPublicBooking(String slug, String clientAddress) {
        return publicBooking.admit(slug, clientAddress);
    }

    /** Books for a person of the public in the center's one unit of work, with a manage link. */
    public PublicBooking.Booked bookOnline(TenantId center, PublicBooking.BookCommand command) {
        return publicBooking.book(center, command);
    }

    /** The appointment of a manage link, as its client may see it. */
    public PublicBooking.ManagedAppointment managedBooking(String token) {
        return publicBooking.managed(token);
    }

    public PublicBooking.ManagedAppointment confirmManaged(String token) {
        return publicBooking.confirm(token);
    }

    public PublicBooking.ManagedAppointment cancelManaged(String token, String reason) {
        return publicBooking.cancel(token, reason);
    }

    public PublicBooking.ManagedAppointment rescheduleManaged(String token, Instant start) {
        return publicBooking.reschedule(token, start);
    }

    /**
     * A client's confirmation or cancellation of their appointment by id, asked through another
     * channel (a WhatsApp reply button), with the manage link's rules; in the caller's unit.
     */
    public ClientReplies clientReplies() {
        return new ClientReplies() {
            @Override
            public Outcome confirm(TenantId tenant, AppointmentId appointment, ClientId client, Evidence evidence) {
                return publicBooking.confirmByReply(tenant, appointment, client, evidence);
            }

            @Override
            public Outcome cancel(TenantId tenant, AppointmentId appointment, ClientId client, Evidence evidence) {
                return publicBooking.cancelByReply(tenant, appointment, client, evidence);
            }
        };
    }

    /** The context's section of the privacy registry: the client's appointments, exported and erased. */
    public AppointmentsRegistry privacyRegistry() {
        return registry;
    }

    /**
     * What the center's appointments say of each client (last completed visit, services taken,
     * no-shows), for a campaign's segment; in the caller's unit of work, one statement, no permission.
     */
    public com.qleven.ports.scheduling.in.ClientActivity clientActivity() {
        com.qleven.ports.scheduling.out.Appointments appointments = clientActivityStore;
        return appointments::activity;
    }
}
