package com.qleven.ports.scheduling.in;

import com.qleven.domain.shared.UserId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's new calendar-feed link, shown once: the URL carries the token, of which only a keyed
 * hash is stored, so the link cannot be shown again; making a new one stops the old one.
 */
public record CalendarFeedLink(UserId member, URI url, Instant createdAt) {
    public CalendarFeedLink {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "CalendarFeedLink[member=" + member + ", createdAt=" + createdAt + "]";
    }
}
