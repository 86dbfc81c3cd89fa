package com.qleven.ports.scheduling.in;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a member has a live calendar-feed link, and since when. Never the link itself: only a
 * keyed hash of its token is kept, so it is shown once, when made.
 */
public record CalendarFeedState(UserId member, Optional<Instant> createdAt) {
    public CalendarFeedState {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean active() {
        return createdAt.isPresent();
    }
}
