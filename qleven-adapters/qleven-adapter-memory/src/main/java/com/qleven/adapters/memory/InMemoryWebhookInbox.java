package com.qleven.adapters.memory;

import com.qleven.ports.messaging.out.WebhookEvent;
import com.qleven.ports.messaging.out.WebhookInbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook events in memory, global as in PostgreSQL: a center's unit sees none and may write none
 * (V33's policy), a claim leases events and counts the attempt.
 */
final class InMemoryWebhookInbox implements WebhookInbox {
    private record Row(WebhookEvent event, boolean unreadable, Optional<Instant> leaseUntil) {
    }

    private final InMemoryTransactions tx;
    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    InMemoryWebhookInbox(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(WebhookEvent event) {
        tx.within(() -> {
            requireGlobal();
            if (rows.containsKey(event.id())) {
                throw new IllegalStateException("a webhook event is stored once");
            }
            tx.put(rows, event.id(), new Row(copy(event), false, Optional.empty()));
        });
    }

    @Override
    public Optional<WebhookEvent> find(UUID id) {
        return tx.within(() -> visible() ? Optional.ofNullable(rows.get(id)).map(r -> copy(r.event()))
                : Optional.<WebhookEvent>empty());
    }

    @Override
    public List<WebhookEvent> claimUnprocessed(Instant now, Instant leaseUntil, int limit) {
        return tx.within(() -> {
            if (!visible()) {
                return List.<WebhookEvent>of();
            }
            List<Row> due = rows.values().stream()
                    .filter(r -> r.event().processedAt().isEmpty())
                    .filter(r -> r.leaseUntil().map(l -> !l.isAfter(now)).orElse(true))
                    .sorted(Comparator.comparing((Row r) -> r.event().receivedAt())
                            .thenComparing(r -> r.event().id(), InMemoryStore::compareAsPostgres))
                    .limit(limit).toList();
            return due.stream().map(r -> {
                WebhookEvent e = r.event();
                WebhookEvent claimed = new WebhookEvent(e.id(), e.receivedAt(), e.sealedBody(), e.processedAt(),
                        e.attempts() + 1);
                tx.put(rows, e.id(), new Row(claimed, r.unreadable(), Optional.of(leaseUntil)));
                return copy(claimed);
            }).toList();
        });
    }

    @Override
    public void markProcessed(UUID id, Instant at) {
        finish(id, at, false);
    }

    @Override
    public void markUnreadable(UUID id, Instant at) {
        finish(id, at, true);
    }

    private void finish(UUID id, Instant at, boolean unreadable) {
        tx.within(() -> {
            requireGlobal();
            Row r = rows.get(id);
            if (r == null || r.event().processedAt().isPresent()) {
                return;
            }
            WebhookEvent e = r.event();
            tx.put(rows, id, new Row(new WebhookEvent(e.id(), e.receivedAt(), e.sealedBody(), Optional.of(at),
                    e.attempts()), unreadable, Optional.empty()));
        });
    }

    /** Whether the event was given up on as unreadable (tests). */
    boolean unreadable(UUID id) {
        return tx.within(() -> Optional.ofNullable(rows.get(id)).map(Row::unreadable).orElse(false));
    }

    @Override
    public long countUnprocessed() {
        return tx.within(() -> visible()
                ? rows.values().stream().filter(r -> r.event().processedAt().isEmpty()).count() : 0L);
    }

    @Override
    public int purgeProcessedBefore(Instant before, int limit) {
        return tx.within(() -> {
            requireGlobal();
            List<UUID> old = rows.values().stream()
                    .filter(r -> r.event().processedAt().isPresent() && r.event().receivedAt().isBefore(before))
                    .limit(limit).map(r -> r.event().id()).toList();
            old.forEach(id -> tx.remove(rows, id));
            return old.size();
        });
    }

    private boolean visible() {
        return tx.tenant().isEmpty();
    }

    private void requireGlobal() {
        if (!visible()) {
            throw new IllegalStateException("row-level security: a webhook event is written only in a global unit");
        }
    }

    private static WebhookEvent copy(WebhookEvent e) {
        return new WebhookEvent(e.id(), e.receivedAt(), e.sealedBody().clone(), e.processedAt(), e.attempts());
    }
}
