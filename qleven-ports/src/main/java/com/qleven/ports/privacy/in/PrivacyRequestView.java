package com.qleven.ports.privacy.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A data-subject request as the center's administrators see it, with its status at the time of asking. */
public record PrivacyRequestView(PrivacyRequestId id, ClientId clientId, PrivacyRequestType type,
                                 Optional<String> note, UserId receivedBy, Instant receivedAt, Instant dueAt,
                                 PrivacyRequestStatus status, int extensionMonths, Optional<String> extensionReason,
                                 Optional<UserId> handler, Optional<Instant> completedAt, Optional<String> outcome,
                                 long version) {
    public PrivacyRequestView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(extensionReason, "extensionReason");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String toString() {
        return "PrivacyRequestView[id=" + id + ", status=" + status + "]";
    }
}
