package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One item of a client's conversation: a message from the client ({@code inbound}) or one to them
 * ({@code outbound}), exactly one of the two. Ordered by {@link #at()} (Meta's time for an inbound
 * message, the creation for an outbound one), then id.
 */
public record ConversationEntry(Optional<InboundMessage> inbound, Optional<QueuedMessage> outbound) {
    public ConversationEntry {
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(outbound, "outbound");
        if (inbound.isPresent() == outbound.isPresent()) {
            throw new IllegalArgumentException("an entry is an inbound or an outbound message");
        }
    }

    public static ConversationEntry of(InboundMessage m) {
        return new ConversationEntry(Optional.of(m), Optional.empty());
    }

    public static ConversationEntry of(QueuedMessage m) {
        return new ConversationEntry(Optional.empty(), Optional.of(m));
    }

    public Instant at() {
        return inbound.map(InboundMessage::receivedAt).orElseGet(() -> outbound.orElseThrow().state().createdAt());
    }

    public UUID id() {
        return inbound.map(InboundMessage::id).orElseGet(() -> outbound.orElseThrow().state().id().value());
    }
}
