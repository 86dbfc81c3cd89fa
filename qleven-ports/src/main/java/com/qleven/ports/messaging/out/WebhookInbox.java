package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook events, kept durably before Meta is answered and processed after. Global: every method
 * works in a global unit, and a center's unit neither sees nor writes an event.
 */
public interface WebhookInbox {
    void add(WebhookEvent event);

    Optional<WebhookEvent> find(UUID id);

    /**
     * Up to {@code limit} unprocessed events, oldest first, each not returned again before
     * {@code leaseUntil} (SKIP LOCKED, so hosts side by side share them); their attempts counted.
     */
    List<WebhookEvent> claimUnprocessed(Instant now, Instant leaseUntil, int limit);

    void markProcessed(UUID id, Instant at);

    /**
     * Gives up on an event that can never be read (its body is not JSON, or it cannot be opened after
     * repeated attempts): it counts as processed, so it is never claimed again and is purged like any
     * processed event, but it stays told apart as unreadable until then.
     */
    void markUnreadable(UUID id, Instant at);

    /** How many events are waiting to be processed (not processed, whatever their lease). */
    long countUnprocessed();

    /** Deletes processed events received before {@code before}; how many. */
    int purgeProcessedBefore(Instant before, int limit);
}
