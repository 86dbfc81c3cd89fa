package com.qleven.domain.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta's customer service window with one client on one number: each message the client sends opens
 * or refreshes it for 24 hours; the business's own messages do not (shared/whatsapp-cloud-api.md,
 * "Policy facts"). Free text goes out only while it is open; outside it, only templates.
 */
public record ConversationWindow(Optional<Instant> lastInbound) {
    public static final Duration LENGTH = Duration.ofHours(24);

    public ConversationWindow {
        Objects.requireNonNull(lastInbound, "lastInbound");
    }

    /** A client who never wrote: the window is closed. */
    public static ConversationWindow never() {
        return new ConversationWindow(Optional.empty());
    }

    /** The window after a message from the client at {@code at}; an older message (a late webhook) changes nothing. */
    public ConversationWindow inbound(Instant at) {
        Objects.requireNonNull(at, "at");
        return lastInbound.filter(last -> !last.isBefore(at)).isPresent() ? this : new ConversationWindow(Optional.of(at));
    }

    /** Whether free text may go at {@code now}: strictly less than 24 hours after the client last wrote. */
    public boolean openAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return lastInbound.map(last -> !now.isBefore(last) && now.isBefore(last.plus(LENGTH))).orElse(false);
    }

    /** When it closes, if it was ever opened. */
    public Optional<Instant> closesAt() {
        return lastInbound.map(last -> last.plus(LENGTH));
    }
}
