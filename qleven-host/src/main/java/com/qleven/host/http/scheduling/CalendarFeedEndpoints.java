package com.qleven.host.http.scheduling;

import com.qleven.application.Qleven;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.scheduling.in.CalendarFeedLink;
import com.qleven.ports.scheduling.in.CalendarFeedState;
import com.qleven.ports.scheduling.out.CalendarRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Members' calendar feeds: make a new link (shown once), see whether one is live, revoke it, and
 * the feed itself at {@code GET /v1/calendar/{token}.ics}, where the token is the only credential.
 * The path parameter of the feed is the last segment whole ({@code <token>.ics}); a segment without
 * the suffix names no feed.
 */
public final class CalendarFeedEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static final String FEED_ROUTE = "/v1/calendar/{feed}";
    private static final String SUFFIX = ".ics";

    private final Qleven qleven;

    public CalendarFeedEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                // A replay answers the link's state, read again, never the link: its token is shown once.
                Route.action("/v1/staff/{userId}/calendar-feed", Route.Body.NONE,
                        Permission.MANAGE_OWN_CALENDAR_FEED, Route.Replay.REREAD, this::create),
                Route.get("/v1/staff/{userId}/calendar-feed", this::state),
                new Route("DELETE", "/v1/staff/{userId}/calendar-feed", Route.Body.NONE, this::revoke),
                Route.get(FEED_ROUTE, this::feed));
    }

    private Response create(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        CalendarFeedLink link = qleven.scheduling().createCalendarFeed(principal, member(request));
        return Response.created("/v1/staff/" + link.member() + "/calendar-feed",
                new LinkAnswer(link.member().toString(), link.url().toString(), instant(link.createdAt())));
    }

    private Response state(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        CalendarFeedState state = qleven.scheduling().calendarFeedState(principal, member(request));
        return Response.ok(new StateAnswer(state.member().toString(), state.active(),
                state.createdAt().map(CalendarFeedEndpoints::instant).orElse(null)));
    }

    private Response revoke(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        qleven.scheduling().revokeCalendarFeed(principal, member(request));
        return Response.noContent();
    }

    private Response feed(Request request) {
        String segment = request.pathParam("feed").filter(s -> s.endsWith(SUFFIX) && s.length() > SUFFIX.length())
                .orElseThrow(() -> new NotFoundException("calendar feed"));
        String text = qleven.scheduling().readCalendarFeed(segment.substring(0, segment.length() - SUFFIX.length()),
                request.client());
        return Response.bytes(200, CalendarRenderer.MEDIA_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A malformed id names no member: the same 404 as another center's member or none. */
    private static UserId member(Request request) {
        return request.pathParam("userId").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new UserId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("user"));
    }

    /** In UTC with Z, to the millisecond, as every instant of the API. */
    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A new link, shown once. */
    record LinkAnswer(String userId, String url, String createdAt) {
    }

    /** Whether a link is live; never the link. */
    record StateAnswer(String userId, boolean active, String createdAt) {
    }
}
