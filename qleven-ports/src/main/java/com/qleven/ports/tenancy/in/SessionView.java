package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * One of the caller's own sign-in sessions, as its log keeps it: when it began, was last used,
 * expires (if still open) or ended and why, from where, and whether it is the one asking.
 */
public record SessionView(SessionId id, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                          Optional<Instant> endedAt, Optional<String> endReason, Optional<String> country,
                          String userAgent, String ip, boolean current) {
    @Override
    public String toString() {
        return "SessionView[id=" + id + ", current=" + current + "]";
    }
}
