package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A webhook POST as Meta sent it: its raw body sealed under the platform's webhook key (it holds
 * phone numbers and message text), when it came, and when it was processed (every entry, change and
 * status of it applied). {@code attempts} counts processing attempts.
 */
public record WebhookEvent(UUID id, Instant receivedAt, byte[] sealedBody, Optional<Instant> processedAt, int attempts) {
    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sealedBody, "sealedBody");
        Objects.requireNonNull(processedAt, "processedAt");
    }

    @Override
    public String toString() {
        return "WebhookEvent[id=" + id + ", processed=" + processedAt.isPresent() + "]";
    }
}
