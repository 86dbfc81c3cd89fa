package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook events, kept durably before Meta is answered and processed after (global unit). */
public interface WebhookInbox {
    void add(WebhookEvent event);

    Optional<WebhookEvent> find(UUID id);

    /**
     * Up to {@code limit} unprocessed events, oldest first, each not returned again before
     * {@code leaseUntil} (SKIP LOCKED, so hosts side by side share them); their attempts counted.
     */
    List<WebhookEvent> claimUnprocessed(Instant now, Instant leaseUntil, int limit);

    void markProcessed(UUID id, Instant at);

    /** Deletes processed events received before {@code before}; how many. */
    int purgeProcessedBefore(Instant before, int limit);
}
