package com.qleven.ports.messaging.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A WhatsApp contact on the staff's attribution worklist: its number (shown to the desk, who must
 * recognise it), WhatsApp profile name, status ({@code unmatched}: no client has the number,
 * {@code shared}: several do), how many of its messages wait for a client and when the latest was sent.
 */
public record ContactView(UUID id, String number, Optional<String> profileName, String status, long messages,
                          Instant lastMessageAt, Instant firstSeenAt) {
    public ContactView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    @Override
    public String toString() {
        return "ContactView[id=" + id + ", status=" + status + "]";
    }
}
