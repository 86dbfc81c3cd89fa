package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.ports.messaging.out.WebhookEvent;
import com.qleven.ports.messaging.out.WebhookInbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code whatsapp_webhook_events} (V33), a global table its policy hides from centers' units. Each
 * call is one statement; a claim picks unprocessed events past their lease with {@code FOR UPDATE
 * SKIP LOCKED} and moves the lease and the attempt count in the same statement, so it commits before
 * any work on them.
 */
final class PostgresWebhookInbox implements WebhookInbox {
    private static final String COLUMNS = "id, received_at, body, processed_at, attempts";
    private static final RowMapper<WebhookEvent> EVENT = (rs, ctx) -> new WebhookEvent(Sql.uuid(rs, "id"),
            Sql.instant(rs, "received_at"), rs.getBytes("body"), Sql.optionalInstant(rs, "processed_at"),
            rs.getInt("attempts"));
    private final PostgresTransactions tx;

    PostgresWebhookInbox(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(WebhookEvent event) {
        tx.withHandle("store a webhook event", h -> h.createUpdate("""
                        INSERT INTO public.whatsapp_webhook_events (id, received_at, body, processed_at, attempts)
                        VALUES (:id, :receivedAt, :body, :processedAt, :attempts)""")
                .bind("id", event.id())
                .bind("receivedAt", event.receivedAt())
                .bind("body", event.sealedBody())
                .bind("processedAt", event.processedAt().orElse(null))
                .bind("attempts", event.attempts())
                .execute());
    }

    @Override
    public Optional<WebhookEvent> find(UUID id) {
        return tx.withHandle("read a webhook event", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.whatsapp_webhook_events WHERE id = :id")
                .bind("id", id)
                .map(EVENT)
                .findOne());
    }

    @Override
    public List<WebhookEvent> claimUnprocessed(Instant now, Instant leaseUntil, int limit) {
        List<WebhookEvent> claimed = tx.withHandle("claim webhook events", h -> h.createQuery("""
                        UPDATE public.whatsapp_webhook_events e SET lease_until = :lease, attempts = e.attempts + 1
                        FROM (SELECT id FROM public.whatsapp_webhook_events
                              WHERE processed_at IS NULL AND (lease_until IS NULL OR lease_until <= :now)
                              ORDER BY received_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE e.id = due.id
                        RETURNING e.id, e.received_at, e.body, e.processed_at, e.attempts""")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .map(EVENT)
                .list());
        // RETURNING keeps no order: oldest first, as claimed.
        return claimed.stream().sorted(Comparator.comparing(WebhookEvent::receivedAt)
                .thenComparing(WebhookEvent::id)).toList();
    }

    @Override
    public void markProcessed(UUID id, Instant at) {
        tx.withHandle("mark a webhook event processed", h -> h.createUpdate("""
                        UPDATE public.whatsapp_webhook_events SET processed_at = :at, lease_until = NULL
                        WHERE id = :id AND processed_at IS NULL""")
                .bind("id", id)
                .bind("at", at)
                .execute());
    }

    @Override
    public void markUnreadable(UUID id, Instant at) {
        tx.withHandle("mark a webhook event unreadable", h -> h.createUpdate("""
                        UPDATE public.whatsapp_webhook_events SET processed_at = :at, unreadable = true,
                            lease_until = NULL
                        WHERE id = :id AND processed_at IS NULL""")
                .bind("id", id)
                .bind("at", at)
                .execute());
    }

    @Override
    public long countUnprocessed() {
        return tx.withHandle("count unprocessed webhook events", h -> h
                .createQuery("SELECT count(*) FROM public.whatsapp_webhook_events WHERE processed_at IS NULL")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public int purgeProcessedBefore(Instant before, int limit) {
        return tx.withHandle("purge processed webhook events", h -> h.createUpdate("""
                        DELETE FROM public.whatsapp_webhook_events WHERE id IN (
                            SELECT id FROM public.whatsapp_webhook_events
                            WHERE processed_at IS NOT NULL AND received_at < :before
                            LIMIT :limit FOR UPDATE SKIP LOCKED)""")
                .bind("before", before)
                .bind("limit", limit)
                .execute());
    }
}
