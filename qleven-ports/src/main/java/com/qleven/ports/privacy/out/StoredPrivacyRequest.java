package com.qleven.ports.privacy.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-subject request as stored: its free texts (note, extension reasons, outcome) only as
 * ciphertext, null when absent; the due time in force kept as a column so that stores can filter
 * on it.
 */
public record StoredPrivacyRequest(PrivacyRequestId id, TenantId tenant, ClientId client, PrivacyRequestType type,
                                   byte[] note, UserId receivedBy, Instant receivedAt, Instant dueAt,
                                   int extensionMonths, byte[] extensionReason, Optional<UserId> handler,
                                   Optional<Instant> completedAt, byte[] outcome, long version) {
    public StoredPrivacyRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(completedAt, "completedAt");
        if ((extensionMonths == 0) != (extensionReason == null)) {
            throw new IllegalArgumentException("an extension comes with its reason");
        }
        if (handler.isPresent() != completedAt.isPresent() || completedAt.isPresent() != (outcome != null)) {
            throw new IllegalArgumentException("a completion has its handler, time and outcome");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a request's version starts at 1");
        }
    }

    @Override
    public String toString() {
        return "StoredPrivacyRequest[id=" + id + ", version=" + version + "]";
    }
}
