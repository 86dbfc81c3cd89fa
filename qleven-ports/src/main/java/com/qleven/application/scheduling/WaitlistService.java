package com.qleven.application.scheduling;

import com.qleven.application.clients.ClientContacts;
import com.qleven.application.clients.ClientLookup;
import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.scheduling.in.AcceptedOffer;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.WaitlistCommand;
import com.qleven.ports.scheduling.in.WaitlistView;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.WaitlistEntries;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The waitlist: the desk puts a client on it for a service and a window of local dates; when a
 * cancellation or a move frees a slot, the first matching waiting client gets an offer held for the
 * center's time, in the same unit of work, shown to staff and mailed to the client when they have
 * an email and their processing is not restricted.
 */
public final class WaitlistService {
    /** Centers taken from the queue of open offers per look-up of the sweep. */
    static final int SWEEP_CENTERS = 100;
    /** Lapsed offers passed per unit of work of the sweep. */
    static final int SWEEP_BATCH = 100;
    /** A claimed center whose sweep failed is tried again after this long. */
    static final Duration SWEEP_LEASE = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(WaitlistService.class.getName());

    private final Transactions transactions;
    private final SchedulingAccess access;
    private final AvailabilityFinder finder;
    private final WaitlistEntries entries;
    private final WaitlistOffersDue offersDue;
    private final Appointments appointments;
    private final ClientLookup clients;
    private final ClientContacts contacts;
    private final ProcessingCheck processing;
    private final MailQueue mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final BookingService booking;

    WaitlistService(Transactions transactions, SchedulingAccess access, AvailabilityFinder finder,
                    WaitlistEntries entries, WaitlistOffersDue offersDue, Appointments appointments,
                    ClientLookup clients, ClientContacts contacts, ProcessingCheck processing,
                    MailQueue mail, AuditTrail audit, Clock clock, IdGenerator ids, BookingService booking) {
        this.transactions = transactions;
        this.access = access;
        this.finder = finder;
        this.entries = entries;
        this.offersDue = offersDue;
        this.appointments = appointments;
        this.clients = clients;
        this.contacts = contacts;
        this.processing = processing;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.booking = booking;
    }

    public WaitlistView add(Principal principal, WaitlistCommand command) {
        Permissions.require(principal, Permission.MANAGE_WAITLIST);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The record validates the members (400 naming each) before anything is read.
        new WaitlistEntry(new WaitlistEntryId(ids.next()), command.client(), command.service(), command.from(),
                command.to(), command.professional().orElse(null), com.qleven.domain.scheduling.WaitlistStatus.WAITING,
                null, now);
        return transactions.inTenant(tenant, () -> {
            CenterRules rules = access.rules(tenant);
            Service service = finder.service(tenant, command.service());
            if (!clients.exists(tenant, command.client())) {
                throw new UnprocessableException("clientId", "is not a client of this center");
            }
            command.professional().ifPresent(p -> {
                access.requireMember(tenant, p, "professionalId");
                if (!service.performableBy(p)) {
                    throw new UnprocessableException("professionalId", "this professional does not perform the service");
                }
            });
            processing.requireProcessable(tenant, command.client());
            WaitlistEntry entry = WaitlistEntry.create(new WaitlistEntryId(ids.next()), command.client(),
                    command.service(), command.from(), command.to(), command.professional().orElse(null), now,
                    rules.zone());
            entries.add(tenant, entry);
            SchedulingAccess.record(audit, principal, "waitlist.add", SchedulingAccess.WAITLIST,
                    Optional.of(entry.id().value()), 1, now);
            return new WaitlistView(entry, rules.zone());
        });
    }

    public WaitlistView get(Principal principal, WaitlistEntryId id) {
        Permissions.require(principal, Permission.MANAGE_WAITLIST);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            WaitlistEntry entry = entries.byId(tenant, id)
                    .orElseThrow(() -> new com.qleven.domain.shared.NotFoundException("waitlist entry"));
            CenterRules rules = access.rules(tenant);
            SchedulingAccess.record(audit, principal, "waitlist.read", SchedulingAccess.WAITLIST,
                    Optional.of(id.value()), 1, clock.instant());
            return new WaitlistView(entry, rules.zone());
        });
    }

    /** The center's waitlist in queue order, offers included, a page per statement. */
    public Page<WaitlistView> list(Principal principal, PageRequest page) {
        Permissions.require(principal, Permission.MANAGE_WAITLIST);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            CenterRules rules = access.rules(tenant);
            Page<WaitlistEntry> found = entries.list(tenant, page);
            SchedulingAccess.record(audit, principal, "waitlist.list", SchedulingAccess.WAITLIST, Optional.empty(),
                    found.items().size(), clock.instant());
            return new Page<>(found.items().stream().map(e -> new WaitlistView(e, rules.zone())).toList(),
                    found.next());
        });
    }

    /**
     * Accepts the entry's offer in one unit of work: books the offered slot for the entry's client
     * through the same path as a booking by the desk (the start still offered, with the offer's
     * professional; the client not restricted; the store's exclusion constraint a 409 naming the
     * resource), then marks the entry booked, naming the appointment ({@code waitlist.accept}
     * besides the booking's {@code appointment.book}). An entry not offered, or whose hold is over by
     * the clock though the sweep has not passed it on yet, is a 409 naming its {@code currentStatus}.
     * The desk accepts any offer; a professional only an offer of a slot on their own agenda.
     */
    public AcceptedOffer accept(Principal principal, WaitlistEntryId id) {
        Required.field(id, "id");
        boolean desk = Permissions.allows(principal.role(), Permission.MANAGE_WAITLIST);
        if (!desk) {
            Permissions.require(principal, Permission.ACCEPT_OWN_WAITLIST_OFFERS);
        }
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            WaitlistEntry entry = load(tenant, id);
            if (!desk && (entry.offer() == null || !entry.offer().slot().professional().equals(principal.userId()))) {
                throw new ForbiddenException("the role " + principal.role().wireName()
                        + " may accept offers on its own agenda only");
            }
            entry.requireAcceptable(now);
            FreedSlot slot = entry.offer().slot();
            if (!slot.start().isAfter(now)) {
                throw new ConflictException("the offered slot has begun", Map.of("currentStatus",
                        entry.status().wireName(), "start", slot.start().toString()));
            }
            Optional<UserId> professional = SchedulingAccess.agendaOf(principal, Optional.of(slot.professional()));
            AppointmentView appointment = booking.bookInUnit(principal, tenant, entry.client(), entry.service(),
                    slot.start(), professional, now);
            WaitlistEntry accepted = entry.accept(now, appointment.id());
            store(tenant, accepted);
            SchedulingAccess.record(audit, principal, "waitlist.accept", SchedulingAccess.WAITLIST,
                    Optional.of(id.value()), 1, now);
            return new AcceptedOffer(new WaitlistView(accepted, appointment.zone()), appointment);
        });
    }

    /**
     * The client turned the offer down: the entry goes back to waiting in its place (they still want
     * another slot; {@link #withdraw} takes them off) and is never offered that slot again, and the
     * slot, while still free and not begun, is offered at once to the next matching waiting client,
     * mailed as after a cancellation ({@code waitlist.decline}, then {@code waitlist.offer}). An
     * entry not offered is a 409 naming its {@code currentStatus}.
     */
    public WaitlistView decline(Principal principal, WaitlistEntryId id) {
        return answer(principal, id, "waitlist.decline", WaitlistEntry::decline);
    }

    /**
     * Takes the entry off the waitlist (waiting or offered → withdrawn); the slot an offered entry
     * held passes on as after a decline ({@code waitlist.withdraw}). Other states are a 409 naming
     * their {@code currentStatus}.
     */
    public WaitlistView withdraw(Principal principal, WaitlistEntryId id) {
        return answer(principal, id, "waitlist.withdraw", WaitlistEntry::withdraw);
    }

    private WaitlistView answer(Principal principal, WaitlistEntryId id, String action,
                                java.util.function.UnaryOperator<WaitlistEntry> step) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.MANAGE_WAITLIST);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            WaitlistEntry entry = load(tenant, id);
            WaitlistEntry next = step.apply(entry);
            store(tenant, next);
            SchedulingAccess.record(audit, principal, action, SchedulingAccess.WAITLIST, Optional.of(id.value()), 1,
                    now);
            CenterRules rules = access.rules(tenant);
            if (entry.offer() != null) {
                passOn(Optional.of(principal), tenant, rules, entry.offer().slot(), now);
            }
            return new WaitlistView(next, rules.zone());
        });
    }

    private WaitlistEntry load(TenantId tenant, WaitlistEntryId id) {
        return entries.lock(tenant, id).orElseThrow(() -> new NotFoundException("waitlist entry"));
    }

    private void store(TenantId tenant, WaitlistEntry entry) {
        if (!entries.update(tenant, entry)) {
            throw new IllegalStateException("the waitlist entry " + entry.id() + " vanished in its own unit");
        }
    }

    /** A slot an offer gave back goes to the next matching waiting client while no one took it meanwhile. */
    private void passOn(Optional<Principal> principal, TenantId tenant, CenterRules rules, FreedSlot slot,
                        Instant now) {
        if (slot.start().isAfter(now) && stillFree(tenant, slot)) {
            offerFreed(principal, tenant, rules, slot, now);
        }
    }

    /**
     * Passes on, in the center's unit of work, up to {@code limit} offers whose hold ended
     * unanswered: each entry goes back to waiting in its place (audited with no actor, since no one
     * acted), and its slot, when the professional is still free over it and it has not begun, is
     * offered to the next matching waiting client, who is mailed as after a cancellation. The
     * entry whose offer lapsed is never offered the same slot again.
     *
     * @return how many lapsed offers were passed on (a full batch means the caller should call again)
     */
    public int passLapsedOffers(TenantId tenant, int limit) {
        return passLapsedOffers(tenant, limit, false);
    }

    /**
     * Passes on the lapsed offers of every center that has one, found in the global queue of open
     * offers ({@link WaitlistOffersDue}) rather than by looking at every center: up to {@value
     * #SWEEP_CENTERS} centers claimed per look-up (leased for {@link #SWEEP_LEASE}, so that hosts side
     * by side share the work and a failing center is retried after the lease), each center passed in
     * units of work of its own, {@value #SWEEP_BATCH} offers a unit, as {@link #passLapsedOffers}
     * does. A center that fails is logged (its id and the error's class) and the others go on.
     *
     * @return how many lapsed offers were passed on across the centers
     */
    public int passAllLapsedOffers() {
        int passed = 0;
        while (true) {
            Instant now = clock.instant();
            List<TenantId> due = transactions.global(() -> offersDue.claimDue(now, now.plus(SWEEP_LEASE),
                    SWEEP_CENTERS));
            int pass = 0;
            for (TenantId center : due) {
                try {
                    int batch;
                    do {
                        batch = passLapsedOffers(center, SWEEP_BATCH, true);
                        pass += batch;
                    } while (batch == SWEEP_BATCH);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "event=waitlist_sweep_failed tenant=" + center
                            + " error=" + e.getClass().getName());
                }
            }
            passed += pass;
            // A full look-up may hide more centers; one that passed nothing means the rest are held
            // by other units (their offers locked), which the next sweep finds again.
            if (due.size() < SWEEP_CENTERS || pass == 0) {
                return passed;
            }
        }
    }

    /**
     * One unit of work of {@link #passLapsedOffers(TenantId, int)}; {@code refresh} (the sweep,
     * which moved the center's time in the queue to its lease) sets the center's time again from its
     * open offers when the batch was not full.
     */
    private int passLapsedOffers(TenantId tenant, int limit, boolean refresh) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            List<WaitlistEntry> lapsed = entries.lapsedOffers(tenant, now, limit);
            if (!lapsed.isEmpty()) {
                CenterRules rules = access.rules(tenant);
                for (WaitlistEntry entry : lapsed) {
                    FreedSlot slot = entry.offer().slot();
                    WaitlistEntry waiting = entry.lapse(now);
                    if (!entries.update(tenant, waiting)) {
                        throw new IllegalStateException("the waitlist entry " + entry.id()
                                + " vanished in its own unit");
                    }
                    audit.record(new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(),
                            "waitlist.lapse", SchedulingAccess.WAITLIST, Optional.of(entry.id().value()),
                            SchedulingAccess.PURPOSE, 1, now));
                    passOn(Optional.empty(), tenant, rules, slot, now);
                }
            }
            if (refresh && lapsed.size() < limit) {
                offersDue.refresh(tenant);
            }
            return lapsed.size();
        });
    }

    /** True when nothing of the slot's professional overlaps the slot any more (one statement). */
    private boolean stillFree(TenantId tenant, FreedSlot slot) {
        TimeRange range = new TimeRange(slot.start(), slot.end());
        return appointments.busy(tenant, Set.of(slot.professional()), Set.of(), Set.of(), range)
                .of(slot.professional()).stream().noneMatch(range::overlaps);
    }

    /**
     * Withdraws, in the caller's unit of work, every entry of {@code client} still waiting or
     * offered, so that an erased client is never offered a slot (their own freed ones included).
     */
    void withdrawAllOf(TenantId tenant, com.qleven.domain.clients.ClientId client) {
        for (WaitlistEntry e : entries.openOf(tenant, client)) {
            entries.update(tenant, e.withdraw());
        }
    }

    /**
     * Offers a freed slot to the first matching waiting client, in the caller's unit of work: held
     * for the center's time, on the audit trail, and mailed when the client can be written to. A
     * slot that has already begun is offered to nobody.
     */
    void offerFreed(Principal principal, TenantId tenant, CenterRules rules, FreedSlot slot, Instant now) {
        offerFreed(Optional.of(principal), tenant, rules, slot, now);
    }

    /** As above, for a slot the client freed through a manage link: the offer is audited with no actor. */
    void offerFreed(Optional<Principal> principal, TenantId tenant, CenterRules rules, FreedSlot slot, Instant now) {
        if (!slot.start().isAfter(now)) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(slot.start(), rules.zone());
        entries.firstFor(tenant, slot, day).ifPresent(waiting -> {
            WaitlistEntry offered = waiting.offer(slot, now, rules.settings().waitlistOfferHold());
            if (!entries.update(tenant, offered)) {
                throw new IllegalStateException("the waitlist entry " + waiting.id() + " vanished in its own unit");
            }
            audit.record(principal.map(p -> AuditEvent.by(p, "waitlist.offer", SchedulingAccess.WAITLIST,
                    Optional.of(offered.id().value()), SchedulingAccess.PURPOSE, 1, now))
                    .orElseGet(() -> new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(),
                            "waitlist.offer", SchedulingAccess.WAITLIST, Optional.of(offered.id().value()),
                            SchedulingAccess.PURPOSE, 1, now)));
            if (!processing.restricted(tenant, offered.client())) {
                contacts.of(tenant, offered.client()).email().ifPresent(to -> mail(to, rules, offered));
            }
        });
    }

    private void mail(EmailAddress to, CenterRules rules, WaitlistEntry offered) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(rules.settings().locale()).withZone(rules.zone());
        Instant expires = offered.offer().expiresAt();
        String center = rules.name().length() > 120 ? rules.name().substring(0, 120) : rules.name();
        String subject = center + ": a place has opened for you";
        String text = "A place you were waiting for at " + rules.name() + " has opened: "
                + when.format(offered.offer().slot().start()) + ".\n\nIt is held for you until "
                + when.format(expires) + ". Call the center to book it.\n";
        mail.enqueue(new MailMessage(to, subject.replaceAll("\\p{Cntrl}", " "), text), expires);
    }
}
