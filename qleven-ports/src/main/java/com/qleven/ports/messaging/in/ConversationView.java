package com.qleven.ports.messaging.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a client's conversation, newest first, with the cursor of the next page, and the
 * 24-hour window with the client's number: whether free text may go now, when it closes (or closed),
 * and when the client last wrote.
 */
public record ConversationView(List<ConversationItem> items, Optional<String> next, boolean windowOpen,
                               Optional<Instant> windowClosesAt, Optional<Instant> lastInboundAt) {
    public ConversationView {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(windowClosesAt, "windowClosesAt");
        Objects.requireNonNull(lastInboundAt, "lastInboundAt");
    }
}
