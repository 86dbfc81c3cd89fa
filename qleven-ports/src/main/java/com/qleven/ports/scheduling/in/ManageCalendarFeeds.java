package com.qleven.ports.scheduling.in;

import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.ClientInfo;

/**
 * A member's iCalendar feed behind an unguessable, revocable link: administrators make or revoke
 * anyone's link, every member their own. The feed shows the member's appointments from 30 days
 * back to 180 days ahead, not cancelled, each with the service and the client's first name only.
 */
public interface ManageCalendarFeeds {

    /**
     * A new link for {@code member} (a token of 256 random bits, shown once); the previous link
     * stops opening anything.
     *
     * @throws com.qleven.domain.shared.NotFoundException when the center has no active member of that id
     */
    CalendarFeedLink createFeed(Principal principal, UserId member);

    /**
     * Whether {@code member} has a live link and since when (never the link).
     *
     * @throws com.qleven.domain.shared.NotFoundException when the center has no such member
     */
    CalendarFeedState feedState(Principal principal, UserId member);

    /**
     * Revokes the member's link.
     *
     * @throws com.qleven.domain.shared.NotFoundException when the center has no such member or the member no link
     */
    void revokeFeed(Principal principal, UserId member);

    /**
     * The feed a link's token opens, as iCalendar text, in one unit of work; the token is the only
     * credential. Unknown tokens are counted per client address, and an address that sent too many
     * in the last hour is refused for a while.
     *
     * @throws com.qleven.domain.shared.NotFoundException for a token that opens nothing (unknown, revoked, or
     *         its member no longer active)
     * @throws com.qleven.domain.shared.RateLimitedException when the address sent too many unknown tokens
     */
    String readFeed(String token, ClientInfo client);
}
