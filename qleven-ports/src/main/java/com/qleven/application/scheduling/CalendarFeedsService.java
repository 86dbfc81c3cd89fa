package com.qleven.application.scheduling;

import com.qleven.application.clients.ClientFirstNames;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.in.CalendarFeedLink;
import com.qleven.ports.scheduling.in.CalendarFeedState;
import com.qleven.ports.scheduling.in.ManageCalendarFeeds;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import com.qleven.ports.scheduling.out.CalendarRenderer;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.out.Memberships;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Professionals' calendar feeds. A link's token is {@code qf_} and 256 random bits (base64url); only
 * its keyed hash (a blind index under a global key of its own) is stored, in the directory, since
 * the feed's URL carries no center. Reading a feed is one unit of work of a bounded number of
 * statements, whatever the number of events: the address's count of unknown tokens, the link, the
 * member, the appointments, the services, the clients' names and their data keys, the audit event.
 */
public final class CalendarFeedsService implements ManageCalendarFeeds {
    /** How far back and ahead a feed reaches, by appointment start. */
    static final Duration BACK = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(180);
    /** The most events one feed carries: far more than a member can work in 210 days. */
    static final int MAX_EVENTS = 10_000;
    /** Unknown tokens one address may send an hour before its requests for feeds are refused. */
    static final int UNKNOWN_TOKENS_PER_HOUR = 30;
    static final String BUCKET = "calendar_feed_address";
    static final String TOKEN_INDEX = "calendar_feed.token";
    /** The same key as the other per-address limits: an address is one thing to count. */
    static final String ADDRESS_INDEX = "ratelimit.address";
    static final String PREFIX = "qf_";

    private final Transactions transactions;
    private final CalendarFeeds feeds;
    private final Memberships memberships;
    private final Appointments appointments;
    private final Catalogue catalogue;
    private final ClientFirstNames firstNames;
    private final RateLimits rateLimits;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Optional<CalendarRenderer> renderer;
    private final URI publicUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarFeedsService(Transactions transactions, CalendarFeeds feeds, Memberships memberships,
                                Appointments appointments, Catalogue catalogue, ClientFirstNames firstNames,
                                RateLimits rateLimits, FieldCipher cipher, AuditTrail audit,
                                Optional<CalendarRenderer> renderer, URI publicUrl, Clock clock) {
        this.transactions = transactions;
        this.feeds = feeds;
        this.memberships = memberships;
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.firstNames = firstNames;
        this.rateLimits = rateLimits;
        this.cipher = cipher;
        this.audit = audit;
        this.renderer = renderer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public CalendarFeedLink createFeed(Principal principal, UserId member) {
        Required.field(member, "userId");
        TenantId tenant = mayManage(principal, member);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.inTenant(tenant, () -> {
            requireActiveMember(tenant, member);
            feeds.replace(tenant, member, hash(token), now);
            audit.record(AuditEvent.by(principal, "calendar_feed.create", "calendar_feed",
                    Optional.of(member.value()), "calendar feed link", 1, now));
        });
        return new CalendarFeedLink(member, feedUrl(token), now);
    }

    @Override
    public CalendarFeedState feedState(Principal principal, UserId member) {
        Required.field(member, "userId");
        TenantId tenant = mayManage(principal, member);
        return transactions.inTenant(tenant, () -> {
            if (memberships.find(tenant, member).isEmpty()) {
                throw new NotFoundException("user");
            }
            return new CalendarFeedState(member, feeds.ofMember(tenant, member).map(CalendarFeeds.FeedToken::createdAt));
        });
    }

    @Override
    public void revokeFeed(Principal principal, UserId member) {
        Required.field(member, "userId");
        TenantId tenant = mayManage(principal, member);
        Instant now = clock.instant();
        transactions.inTenant(tenant, () -> {
            if (memberships.find(tenant, member).isEmpty() || !feeds.revoke(tenant, member)) {
                throw new NotFoundException("calendar feed");
            }
            audit.record(AuditEvent.by(principal, "calendar_feed.revoke", "calendar_feed",
                    Optional.of(member.value()), "calendar feed link", 1, now));
        });
    }

    @Override
    public String readFeed(String token, ClientInfo client) {
        Required.field(client, "client");
        CalendarRenderer writer = renderer.orElseThrow(() -> new IllegalStateException(
                "no calendar renderer: give Qleven.builder().calendarRenderer(new Ical4jCalendarRenderer())"));
        Instant now = clock.instant();
        BlindIndex address = cipher.blindIndex(ADDRESS_INDEX, Optional.empty(), client.rateLimitKey());
        // A malformed token is looked up like any other, so its answer and cost tell nothing.
        String hash = hash(token == null ? "" : token);
        Optional<String> feed = transactions.global(() -> {
            RateLimits.Window window = rateLimits.since(BUCKET, address, now.minus(Duration.ofHours(1)));
            if (window.count() >= UNKNOWN_TOKENS_PER_HOUR) {
                throw new RateLimitedException("too many unknown calendar links from this address",
                        window.oldest().map(o -> Duration.between(now, o.plus(Duration.ofHours(1))))
                                .filter(d -> !d.isNegative()).orElse(Duration.ofHours(1)));
            }
            Optional<CalendarFeeds.FeedToken> link = feeds.byTokenHash(hash);
            if (link.isEmpty()) {
                // Counted in this unit, which commits: the caller gets a 404 after it.
                rateLimits.record(BUCKET, address, now);
                return Optional.<String>empty();
            }
            TenantId tenant = link.get().tenant();
            UserId member = link.get().member();
            transactions.bindTenant(tenant);
            if (!memberships.find(tenant, member).map(m -> m.active() && !m.pending()).orElse(false)) {
                return Optional.<String>empty();
            }
            return Optional.of(writer.render(calendar(tenant, member, now)));
        });
        return feed.orElseThrow(() -> new NotFoundException("calendar feed"));
    }

    /** The member's feed, read in the center's unit of work open on the thread. */
    private CalendarRenderer.Calendar calendar(TenantId tenant, UserId member, Instant now) {
        List<StoredAppointment> shown = appointments.ofProfessional(tenant, member,
                new TimeRange(now.minus(BACK), now.plus(AHEAD)), MAX_EVENTS);
        Map<ServiceId, String> services = shown.isEmpty() ? Map.of() : catalogue.services(tenant).stream()
                .collect(Collectors.toMap(Service::id, Service::name, (a, b) -> a));
        Set<ClientId> clients = shown.stream().map(StoredAppointment::client)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<ClientId, String> names = firstNames.of(tenant, clients);
        List<CalendarRenderer.Event> events = shown.stream().map(a -> new CalendarRenderer.Event(
                a.id().value().toString(), a.start(), a.end(),
                summary(services.get(a.service()), names.get(a.client())),
                a.status() == AppointmentStatus.BOOKED ? CalendarRenderer.EventStatus.TENTATIVE
                        : CalendarRenderer.EventStatus.CONFIRMED)).toList();
        audit.record(new AuditEvent(Optional.of(tenant), Optional.of(member), Optional.empty(), "calendar_feed.read",
                "calendar_feed", Optional.of(member.value()), "calendar feed", events.size(), now));
        return new CalendarRenderer.Calendar("Qleven", now, events);
    }

    /** The service's name and the client's first name, whichever are known. */
    static String summary(String service, String firstName) {
        String what = service == null ? "Appointment" : service;
        return firstName == null ? what : what + " - " + firstName;
    }

    /**
     * The center the principal acts in, once the principal may manage {@code member}'s link: their
     * own with {@link Permission#MANAGE_OWN_CALENDAR_FEED}, anyone's with
     * {@link Permission#MANAGE_CALENDAR_FEEDS}. Checked before the member is looked up, so a refused
     * caller learns nothing of who is a member.
     */
    private static TenantId mayManage(Principal principal, UserId member) {
        TenantId tenant = principal.requireTenant();
        Permissions.require(principal, member.equals(principal.userId()) ? Permission.MANAGE_OWN_CALENDAR_FEED
                : Permission.MANAGE_CALENDAR_FEEDS);
        return tenant;
    }

    private void requireActiveMember(TenantId tenant, UserId member) {
        Optional<Membership> membership = memberships.find(tenant, member);
        if (membership.isEmpty() || !membership.get().active() || membership.get().pending()) {
            throw new NotFoundException("user");
        }
    }

    private String hash(String token) {
        return cipher.blindIndex(TOKEN_INDEX, Optional.empty(), token).hex();
    }

    private URI feedUrl(String token) {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v1/calendar/" + token + ".ics");
    }
}
