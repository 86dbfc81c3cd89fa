package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in session and its log entry: when it began, was last used and ended, and from where
 * (address and user agent as ciphertext, country as an ISO code). {@code tenantId} is empty for
 * platform operators.
 */
public record StoredSession(SessionId id, UserId userId, Optional<TenantId> tenantId, Instant createdAt,
                            Instant lastSeenAt, Instant absoluteExpiry, Optional<Instant> endedAt,
                            Optional<String> endReason, byte[] ip, byte[] userAgent, Optional<String> country) {
    public StoredSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(country, "country");
    }
}
