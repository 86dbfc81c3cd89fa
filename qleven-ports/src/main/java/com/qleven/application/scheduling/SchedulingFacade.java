package com.qleven.application.scheduling;

import com.qleven.application.Foundation;
import com.qleven.application.clients.ClientFirstNames;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.scheduling.in.CalendarFeedLink;
import com.qleven.ports.scheduling.in.CalendarFeedState;
import com.qleven.ports.scheduling.in.ManageCalendarFeeds;
import com.qleven.ports.scheduling.out.CalendarRenderer;
import com.qleven.ports.scheduling.out.SchedulingStore;
import com.qleven.ports.tenancy.in.ClientInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduling: the center's scheduling settings, its catalogue of services, rooms and equipment,
 * the staff's working hours and time off, availability, appointments and the waitlist: {@code
 * qleven.scheduling()}. Every verb checks the principal's permission itself.
 */
public final class SchedulingFacade {
    private final Foundation foundation;
    private final ManageCalendarFeeds calendarFeeds;

    /** Wires the context's services, each with the narrow ports it uses; feeds cannot be read (no renderer). */
    public SchedulingFacade(Foundation f) {
        this(f, Optional.empty());
    }

    /**
     * Wires the context's services, each with the narrow ports it uses; {@code renderer} writes the
     * calendar feeds (without one, {@link #readCalendarFeed} throws {@link IllegalStateException}).
     */
    public SchedulingFacade(Foundation f, Optional<CalendarRenderer> renderer) {
        this.foundation = Objects.requireNonNull(f, "foundation");
        Objects.requireNonNull(renderer, "renderer");
        // Calendar feeds (issue 9 item 6) ----------------------------------------------------------
        SchedulingStore scheduling = f.store().scheduling();
        calendarFeeds = new CalendarFeedsService(f.store().shared().transactions(), scheduling.calendarFeeds(),
                f.store().tenancy().memberships(), scheduling.appointments(), scheduling.catalogue(),
                new ClientFirstNames(f.store().clients().clients(), f.cipher()), f.store().shared().rateLimits(),
                f.cipher(), f.audit(), renderer, f.publicUrl(), f.clock());
    }

    // Calendar feeds -------------------------------------------------------------------------------

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
}
