package com.qleven.domain.messaging;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One status of a message as a webhook reports it: which, when Meta says it happened, the wamid, and
 * for a {@code failed} the error. Statuses arrive late, twice or out of order; {@link OutboundMessage#merge}
 * makes that harmless.
 */
public record DeliveryStatus(Kind kind, Instant at, String wamid, Optional<SendFailure> failure) {
    /** Meta's status values, in the order a message moves through them (failed stands apart). */
    public enum Kind {
        SENT, DELIVERED, READ, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeliveryStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(failure, "failure");
        if (wamid.isBlank()) {
            throw new IllegalArgumentException("a status names its wamid");
        }
        if ((kind == Kind.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failed status carries its error, no other does");
        }
    }

    public static DeliveryStatus of(Kind kind, Instant at, String wamid) {
        return new DeliveryStatus(kind, at, wamid, Optional.empty());
    }

    public static DeliveryStatus failed(Instant at, String wamid, SendFailure failure) {
        return new DeliveryStatus(Kind.FAILED, at, wamid, Optional.of(failure));
    }
}
