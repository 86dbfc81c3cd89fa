package com.qleven.application.scheduling;

import com.qleven.application.clients.ClientIntake;
import com.qleven.application.scheduling.AvailabilityFinder.Gathered;
import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentChange;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.AvailableSlot;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.RecordConsentFromChannel;
import com.qleven.ports.consent.out.ConsentNotices;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.ClientReplies;
import com.qleven.ports.scheduling.in.PublicBooking;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Online booking for the public (no session): the center found by its public slug, its active
 * services and the consent notices it stores, availability, a booking, and the client's manage
 * link afterwards. A booking is one unit of work (the client found or created, the appointment
 * with its holds, each accepted consent in the ledger with the exact stored text and channel
 * {@code online_booking}, the manage link's keyed hash, the mail, the audit events) after the
 * per-address rate limit, which counts in a unit of its own so that refused attempts count too;
 * the per-phone limit counts bookings made, in the booking's unit.
 *
 * <p>The notices a center stores are the texts its administrators published for its consent
 * purposes, built-in ones included ({@code ConsentNotices}): the page shows each purpose's latest
 * version, and a booking may accept a purpose only at that version, so a page showing an old text
 * cannot record consent to the new one. The ledger gets that version's exact text.
 */
public final class PublicBookingService {
    static final String ADDRESS_BUCKET = "public_booking_address";
    static final String PHONE_BUCKET = "public_booking_phone";
    static final String TOKEN_INDEX = "scheduling.manage_link";
    static final String SUBJECT = "appointment";
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration PHONE_WINDOW = Duration.ofDays(1);
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final int MAX_CONSENTS = 20;
    private static final String CLIENT_CANCEL_REASON = "cancelled by the client online";

    /** How many attempts one address and bookings one phone may make. */
    public record Limits(int perAddressPerHour, int perPhonePerDay) {
        public static final Limits DEFAULT = new Limits(20, 5);

        public Limits {
            if (perAddressPerHour < 1 || perPhonePerDay < 1) {
                throw new IllegalArgumentException("rate limits are at least 1");
            }
        }
    }

    private final Transactions transactions;
    private final SchedulingSettingsRepository settings;
    private final SchedulingAccess access;
    private final AvailabilityFinder finder;
    private final Catalogue catalogue;
    private final Appointments appointments;
    private final ManageLinks links;
    private final ClientIntake intake;
    private final ProcessingCheck processing;
    private final ConsentNotices notices;
    private final RecordConsentFromChannel consents;
    private final RateLimits rateLimits;
    private final FieldCipher cipher;
    private final PhoneNumbers phones;
    private final AppointmentSeal seal;
    private final WaitlistService waitlist;
    private final MailQueue mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final URI publicUrl;
    private final Limits limits;
    private final Consumer<AppointmentChanged> listeners;
    private final SecureRandom random = new SecureRandom();

    PublicBookingService(Transactions transactions, SchedulingSettingsRepository settings, SchedulingAccess access,
                         AvailabilityFinder finder, Catalogue catalogue, Appointments appointments, ManageLinks links,
                         ClientIntake intake, ProcessingCheck processing, ConsentNotices notices,
                         RecordConsentFromChannel consents, RateLimits rateLimits, FieldCipher cipher,
                         PhoneNumbers phones, AppointmentSeal seal, WaitlistService waitlist, MailQueue mail,
                         AuditTrail audit, Clock clock, IdGenerator ids, URI publicUrl, Limits limits,
                         Consumer<AppointmentChanged> listeners) {
        this.transactions = transactions;
        this.settings = settings;
        this.access = access;
        this.finder = finder;
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.links = links;
        this.intake = intake;
        this.processing = processing;
        this.notices = notices;
        this.consents = consents;
        this.rateLimits = rateLimits;
        this.cipher = cipher;
        this.phones = phones;
        this.seal = seal;
        this.waitlist = waitlist;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.publicUrl = publicUrl;
        this.limits = limits;
        this.listeners = listeners;
    }

    // The center's page --------------------------------------------------------------------------

    /** The center of the slug, its active services and stored notices, in one unit of work. */
    public PublicBooking.CenterPage page(String slug) {
        return inCenterOf(slug, tenant -> {
            CenterRules rules = access.rules(tenant);
            List<PublicBooking.PublicService> services = catalogue.services(tenant).stream()
                    .filter(Service::active)
                    .map(s -> new PublicBooking.PublicService(s.id(), s.name(), s.durationMinutes(), s.price(),
                            s.deposit()))
                    .toList();
            return new PublicBooking.CenterPage(rules.name(), rules.zone(), services, notices(tenant));
        });
    }

    /** Every start at which an active service can be booked within the local dates, by professional id only. */
    public AvailabilityView availability(String slug, AvailabilityQuery query) {
        AvailabilityService.requireRange(query.service() == null, query.from(), query.to());
        return inCenterOf(slug, tenant -> {
            SchedulingAccess.RulesAndService read = access.rulesWith(tenant, query.service());
            CenterRules rules = read.rules();
            Service service = active(read.service());
            query.professional().ifPresent(p -> access.requireMember(tenant, p, "professionalId"));
            Gathered g = finder.gather(tenant, rules, service, query.from(), query.to());
            List<AvailabilityView.Slot> slots = AvailabilityFinder.search(g, query.from(), query.to(),
                    query.professional(), clock.instant()).stream()
                    .map(s -> new AvailabilityView.Slot(s.start(), s.end(), s.professional())).toList();
            return new AvailabilityView(rules.zone(), slots);
        });
    }

    // Booking ------------------------------------------------------------------------------------

    /**
     * Admits a booking attempt: the center of the slug (404 when none) and the attempt counted
     * against the caller's address, in one unit of its own that commits whatever the booking then
     * does; 429 once the address made {@link Limits#perAddressPerHour} attempts within the hour.
     * The center is returned for the booking and for callers that scope work to it (the host's
     * idempotency keys).
     */
    public TenantId admit(String slug, String clientAddress) {
        String checked = requireSlug(slug);
        BlindIndex address = cipher.blindIndex(ADDRESS_BUCKET, Optional.empty(),
                clientAddress == null ? "unknown" : clientAddress);
        Instant now = clock.instant();
        return transactions.global(() -> {
            TenantId tenant = settings.centerBySlug(checked).orElseThrow(() -> new NotFoundException("center"));
            rateLimits.lock(ADDRESS_BUCKET, address);
            RateLimits.Window window = rateLimits.since(ADDRESS_BUCKET, address, now.minus(WINDOW));
            if (window.count() >= limits.perAddressPerHour()) {
                throw limited("too many booking attempts from this address", window, now, WINDOW);
            }
            rateLimits.record(ADDRESS_BUCKET, address, now);
            return tenant;
        });
    }

    /**
     * Books for the person: {@link #admit} must have admitted this request (the host does, before
     * an idempotent replay is looked up); everything else happens in the center's one
     * unit of work, which the caller may have opened to keep an idempotent answer with it.
     */
    public PublicBooking.Booked book(TenantId tenant, PublicBooking.BookCommand command) {
        requireFields(command);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            SchedulingAccess.RulesAndService read = access.rulesWith(tenant, command.service());
            CenterRules rules = read.rules();
            BookingService.requireStart(rules, command.start(), now);
            Service service = active(read.service());
            command.professional().ifPresent(p -> access.requireMember(tenant, p, "professionalId"));
            ClientDetails details = ClientDetails.parse(command.fullName(), command.phone(), command.email(), null,
                    null, raw -> phones.parse("phone", raw, rules.country()),
                    LocalDate.ofInstant(now, rules.zone()));
            List<Accepted> accepted = accepted(tenant, command.consents());
            BlindIndex phone = intake.phoneIndex(tenant, details.phone().orElseThrow());
            rateLimits.lock(PHONE_BUCKET, phone);
            RateLimits.Window window = rateLimits.since(PHONE_BUCKET, phone, now.minus(PHONE_WINDOW));
            if (window.count() >= limits.perPhonePerDay()) {
                throw limited("too many bookings for this phone today", window, now, PHONE_WINDOW);
            }
            ClientIntake.Intake who = intake.intake(tenant, details, new ClientId(ids.next()), now);
            processing.requireProcessable(tenant, who.client());
            LocalDate day = LocalDate.ofInstant(command.start(), rules.zone());
            Gathered g = finder.gather(tenant, rules, service, day, day);
            AvailableSlot slot = AvailabilityFinder.at(g, command.start(), command.professional(), now)
                    .orElseThrow(() -> BookingService.notOffered(command.start(), Map.of()));
            AppointmentChange change = Appointment.book(new AppointmentId(ids.next()), who.client(), service, slot,
                    null, Actor.client(), now);
            Appointment booked = change.appointment();
            appointments.add(seal.seal(tenant, booked, 1));
            for (Accepted a : accepted) {
                consents.record(ChannelConsent.builder().tenant(tenant).client(who.client()).purpose(a.purpose())
                        .decision(ConsentDecision.GRANTED).channel(ConsentChannel.ONLINE_BOOKING)
                        .textVersion(a.textVersion()).text(a.text()).proof("appointment " + booked.id()).build());
            }
            String token = newToken();
            links.add(new ManageLinks.ManageLink(hash(token), tenant, booked.id(), booked.end(), now));
            rateLimits.record(PHONE_BUCKET, phone, now);
            List<AuditEvent> events = new ArrayList<>();
            if (!who.attached()) {
                events.add(event(tenant, "client.create_online", "client", who.client().value(), now));
            }
            events.add(event(tenant, "appointment.book_online", SUBJECT, booked.id().value(), now));
            if (!who.matches().isEmpty()) {
                // Staff see the pairs in their list of possible duplicates; the trail keeps the event.
                intake.flag(tenant, who, Optional.of(booked.id().value()), now);
                events.add(event(tenant, "appointment.possible_duplicate", SUBJECT, booked.id().value(), now));
            }
            audit.recordAll(events);
            URI url = manageUrl(token);
            // After the consents the booking page recorded, so a listener's unit sees them.
            listeners.accept(AppointmentChanged.byClient(tenant, booked, change.event(), Optional.of(url)));
            PublicBooking.ManagedAppointment view = managed(booked, service, rules);
            details.email().ifPresent(to -> mailLink(to, rules, view, url, booked.end()));
            return new PublicBooking.Booked(tenant, view, url, !who.matches().isEmpty());
        });
    }

    // The manage link ----------------------------------------------------------------------------

    /** The appointment of a manage link as its client may see it; an unknown or expired token is a 404. */
    public PublicBooking.ManagedAppointment managed(String token) {
        return byToken(token, (tenant, rules, stored, now) -> {
            Appointment a = seal.open(stored);
            return managed(a, finder.service(tenant, a.service()), rules);
        });
    }

    public PublicBooking.ManagedAppointment confirm(String token) {
        return change(token, "appointment.confirm_online", (a, now, rules, tenant) -> a.confirm(Actor.client(), now));
    }

    /** Cancels within the center's window (a 409 with {@code changeableUntil} after it); the slot goes to the waitlist. */
    public PublicBooking.ManagedAppointment cancel(String token, String reason) {
        String why = reason == null || reason.isBlank() ? CLIENT_CANCEL_REASON : reason;
        return change(token, "appointment.cancel_online", (a, now, rules, tenant) ->
                a.cancel(why, Actor.client(), now, rules.settings().cancellationWindow()));
    }

    /** Moves the appointment to another start availability offers for its service, within the window. */
    public PublicBooking.ManagedAppointment reschedule(String token, Instant start) {
        if (start == null) {
            throw new ValidationException("start", "is required");
        }
        return change(token, "appointment.reschedule_online", (a, now, rules, tenant) -> {
            BookingService.requireStart(rules, start, now);
            Service service = finder.service(tenant, a.service());
            LocalDate day = LocalDate.ofInstant(start, rules.zone());
            Gathered g = finder.gather(tenant, rules, service, day, day);
            Gathered free = g.withBusy(AvailabilityFinder.without(g.busy(), seal.seal(tenant, a, 1)));
            Optional<AvailableSlot> slot = AvailabilityFinder.at(free, start, Optional.of(a.professional()), now)
                    .or(() -> AvailabilityFinder.at(free, start, Optional.empty(), now));
            return a.reschedule(service, slot.orElseThrow(() -> BookingService.notOffered(start, Map.of())),
                    Actor.client(), now, rules.settings().cancellationWindow());
        });
    }

    // Helpers ------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface InCenter<T> {
        T run(TenantId tenant);
    }

    @FunctionalInterface
    private interface Linked<T> {
        T run(TenantId tenant, CenterRules rules, StoredAppointment stored, Instant now);
    }

    @FunctionalInterface
    private interface ClientStep {
        AppointmentChange apply(Appointment appointment, Instant now, CenterRules rules, TenantId tenant);
    }

    /** One transaction: the slug's directory row, then the center's unit bound to it. */
    private <T> T inCenterOf(String slug, InCenter<T> work) {
        String checked = requireSlug(slug);
        return transactions.global(() -> {
            TenantId tenant = settings.centerBySlug(checked).orElseThrow(() -> new NotFoundException("center"));
            transactions.bindTenant(tenant);
            return work.run(tenant);
        });
    }

    /** One transaction: the link's directory row, then its center's unit and the appointment. */
    private <T> T byToken(String token, Linked<T> work) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new NotFoundException("booking");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String tokenHash = hash(token);
        return transactions.global(() -> {
            ManageLinks.ManageLink link = links.byTokenHash(tokenHash, now)
                    .orElseThrow(() -> new NotFoundException("booking"));
            transactions.bindTenant(link.tenant());
            StoredAppointment stored = appointments.byId(link.tenant(), link.appointment())
                    .orElseThrow(() -> new NotFoundException("booking"));
            return work.run(link.tenant(), access.rules(link.tenant()), stored, now);
        });
    }

    private PublicBooking.ManagedAppointment change(String token, String action, ClientStep step) {
        return byToken(token, (tenant, rules, stored, now) -> {
            Appointment next = commit(tenant, rules, stored, now, action,
                    step.apply(seal.open(stored), now, rules, tenant), Optional.of(manageUrl(token)));
            return managed(next, finder.service(tenant, next.service()), rules);
        });
    }

    /**
     * A client's step on a stored appointment, whatever way it came (the manage link, a reply), once
     * the domain's rules made the {@code change}: the optimistic update, the audit, the freed slot
     * offered to the waitlist and the listeners, in the open unit.
     */
    private Appointment commit(TenantId tenant, CenterRules rules, StoredAppointment stored, Instant now,
                               String action, AppointmentChange change, Optional<URI> manageLink) {
        Appointment next = change.appointment();
        if (!appointments.update(seal.seal(tenant, next, stored.version() + 1), stored.version())) {
            throw new ConflictException("the appointment changed meanwhile; read it again",
                    Map.of("currentStatus", stored.status().wireName()));
        }
        audit.record(event(tenant, action, SUBJECT, next.id().value(), now));
        if (change.event() instanceof AppointmentEvent.AppointmentCancelled c) {
            waitlist.offerFreed(Optional.empty(), tenant, rules, c.freed(), now);
        } else if (change.event() instanceof AppointmentEvent.AppointmentRescheduled r) {
            waitlist.offerFreed(Optional.empty(), tenant, rules, r.freed(), now);
        }
        listeners.accept(AppointmentChanged.byClient(tenant, next, change.event(), manageLink));
        return next;
    }

    // A reply through another channel (ClientReplies) -------------------------------------------

    /** The manage link's confirmation, for an appointment found by id: see {@link ClientReplies#confirm}. */
    ClientReplies.Outcome confirmByReply(TenantId tenant, AppointmentId id, ClientId client,
                                         ClientReplies.Evidence evidence) {
        return byReply(tenant, id, client, evidence, "confirm", a -> a.status() == AppointmentStatus.CONFIRMED,
                (a, now, rules, t) -> a.confirm(Actor.client(), now));
    }

    /** The manage link's cancellation, for an appointment found by id: see {@link ClientReplies#cancel}. */
    ClientReplies.Outcome cancelByReply(TenantId tenant, AppointmentId id, ClientId client,
                                        ClientReplies.Evidence evidence) {
        String why = "cancelled by the client by " + evidence.channel() + " reply";
        return byReply(tenant, id, client, evidence, "cancel",
                // Cancelled already by the client (this reply, or the link): their wish holds, nothing to tell.
                a -> a.status() == AppointmentStatus.CANCELLED && a.cancellation() != null
                        && a.cancellation().by().isClient(),
                (a, now, rules, t) -> a.cancel(why, Actor.client(), now, rules.settings().cancellationWindow()));
    }

    private ClientReplies.Outcome byReply(TenantId tenant, AppointmentId id, ClientId client,
                                          ClientReplies.Evidence evidence, String verb,
                                          java.util.function.Predicate<Appointment> already, ClientStep step) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(evidence, "evidence");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            Optional<StoredAppointment> found = appointments.byId(tenant, id).filter(s -> s.client().equals(client));
            if (found.isEmpty()) {
                return ClientReplies.Outcome.of(ClientReplies.Result.NOT_FOUND);
            }
            StoredAppointment stored = found.get();
            Appointment appointment = seal.open(stored);
            if (already.test(appointment)) {
                return ClientReplies.Outcome.of(ClientReplies.Result.ALREADY);
            }
            CenterRules rules = access.rules(tenant);
            AppointmentChange change;
            try {
                change = step.apply(appointment, now, rules, tenant);
            } catch (ConflictException e) {
                // The rules refused (a status that does not allow it, too late): nothing was written.
                return ClientReplies.Outcome.refused(e.getMessage());
            }
            commit(tenant, rules, stored, now, "appointment." + verb + "_by_" + evidence.channel(), change,
                    Optional.empty());
            // The message that asked it, next to the change on the center's chain.
            audit.record(event(tenant, "appointment.evidence", evidence.channel() + "_message", evidence.message(), now));
            return ClientReplies.Outcome.of(ClientReplies.Result.DONE);
        });
    }

    private static PublicBooking.ManagedAppointment managed(Appointment a, Service service, CenterRules rules) {
        return new PublicBooking.ManagedAppointment(a.id(), a.status(), a.start(), a.end(), service.id(),
                service.name(), rules.name(), rules.zone(), a.start().minus(rules.settings().cancellationWindow()),
                Optional.ofNullable(a.depositDue()));
    }

    /** The service when active; an inactive one is refused as if the center had none of its id. */
    private static Service active(Service service) {
        if (!service.active()) {
            throw new UnprocessableException("serviceId", "is not a service of this center");
        }
        return service;
    }

    /** The notices the center stores: each purpose's latest version, the built-in purposes first, then by code. */
    private List<PublicBooking.Notice> notices(TenantId tenant) {
        return notices.latestOfEach(tenant).stream()
                .sorted(java.util.Comparator.comparingInt((NoticeText n) -> builtInRank(n.purpose()))
                        .thenComparing(n -> n.purpose().code()))
                .map(n -> new PublicBooking.Notice(n.purpose().code(), n.textVersion(), n.text()))
                .toList();
    }

    private static int builtInRank(ConsentPurpose purpose) {
        int rank = ConsentPurpose.BUILT_IN.indexOf(purpose);
        return rank < 0 ? ConsentPurpose.BUILT_IN.size() : rank;
    }

    private record Accepted(ConsentPurpose purpose, String textVersion, String text) {
    }

    /**
     * The consents as the center stores their texts: each purpose must be one the center published
     * a notice for, at the version the page showed (its latest); a 422 naming {@code consents[i]}
     * otherwise. The latest versions are read once, whatever the number of consents.
     */
    private List<Accepted> accepted(TenantId tenant, List<PublicBooking.Consent> sent) {
        if (sent == null || sent.isEmpty()) {
            return List.of();
        }
        if (sent.size() > MAX_CONSENTS) {
            throw new ValidationException("consents", "must have at most " + MAX_CONSENTS + " entries");
        }
        // The first refused consent is named: a 422 names one field (API.md).
        List<FieldError> bad = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, NoticeText> latest = new java.util.HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            PublicBooking.Consent c = sent.get(i);
            String field = "consents[" + i + "]";
            if (c == null || c.purpose() == null || c.purpose().isBlank()) {
                throw new ValidationException(field + ".purpose", "is required");
            }
            if (c.textVersion() == null || c.textVersion().isBlank()) {
                throw new ValidationException(field + ".textVersion", "is required");
            }
            if (!seen.add(c.purpose())) {
                throw new ValidationException(field + ".purpose", "is given twice");
            }
        }
        notices.latestOfEach(tenant).forEach(n -> latest.put(n.purpose().code(), n));
        for (int i = 0; i < sent.size(); i++) {
            PublicBooking.Consent c = sent.get(i);
            String field = "consents[" + i + "]";
            NoticeText stored = latest.get(c.purpose());
            if (stored == null) {
                bad.add(new FieldError(field, "the center stores no notice for this purpose"));
            } else if (!stored.textVersion().equals(c.textVersion())) {
                bad.add(new FieldError(field, "the center's notice for this purpose is now version "
                        + stored.textVersion()));
            } else {
                accepted.add(new Accepted(stored.purpose(), stored.textVersion(), stored.text()));
            }
        }
        if (!bad.isEmpty()) {
            throw new UnprocessableException(bad.get(0).field(), bad.get(0).message());
        }
        return accepted;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String hash(String token) {
        return cipher.blindIndex(TOKEN_INDEX, Optional.empty(), token).hex();
    }

    private URI manageUrl(String token) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/public/bookings/" + token);
    }

    private void mailLink(EmailAddress to, CenterRules rules, PublicBooking.ManagedAppointment view, URI url,
                          Instant expires) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(rules.settings().locale()).withZone(rules.zone());
        String center = rules.name().length() > 120 ? rules.name().substring(0, 120) : rules.name();
        String subject = center + ": your appointment";
        String text = "Your appointment for " + view.serviceName() + " at " + rules.name() + " is booked for "
                + when.format(view.start()) + ".\n\nTo confirm, cancel or move it: " + url + "\n";
        mail.enqueue(new MailMessage(to, subject.replaceAll("\\p{Cntrl}", " "), text), expires);
    }

    private static AuditEvent event(TenantId tenant, String action, String subjectType, java.util.UUID subject,
                                    Instant at) {
        return new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(), action, subjectType,
                Optional.of(subject), SchedulingAccess.PURPOSE, 1, at);
    }

    private static RateLimitedException limited(String message, RateLimits.Window window, Instant now,
                                                Duration length) {
        Duration retry = window.oldest().map(o -> Duration.between(now, o.plus(length)))
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(Duration.ofSeconds(1));
        return new RateLimitedException(message, retry);
    }

    private static String requireSlug(String slug) {
        if (slug == null || !slug.matches("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")) {
            throw new NotFoundException("center");
        }
        return slug;
    }

    private static void requireFields(PublicBooking.BookCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.service() == null) {
            errors.add(new FieldError("serviceId", "is required"));
        }
        if (command.start() == null) {
            errors.add(new FieldError("start", "is required"));
        }
        if (command.phone() == null || command.phone().isBlank()) {
            errors.add(new FieldError("phone", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
