package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.MailOutbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The mail outbox: a global table. A claim is one statement that picks the due rows with
 * {@code FOR UPDATE SKIP LOCKED} (rows another dispatcher is claiming are skipped, not waited for)
 * and moves them past the lease, so the claim commits before anything is sent.
 */
final class PostgresMailOutbox implements MailOutbox {
    private static final String COLUMNS =
            "id, recipient, subject, body, created_at, next_attempt_at, attempts, discard_after, last_error";
    private static final RowMapper<QueuedMail> MAIL = (rs, ctx) -> new QueuedMail(Sql.uuid(rs, "id"),
            rs.getBytes("recipient"), rs.getBytes("subject"), rs.getBytes("body"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "next_attempt_at"), rs.getInt("attempts"), Sql.instant(rs, "discard_after"),
            Optional.ofNullable(rs.getString("last_error")));

    private final PostgresTransactions tx;

    PostgresMailOutbox(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(QueuedMail m) {
        tx.withHandle("queue a mail", h -> h
                .createUpdate("INSERT INTO public.mail_outbox (" + COLUMNS + ") VALUES (:id, :recipient, :subject,"
                        + " :body, :created, :next, :attempts, :discard, :error)")
                .bind("id", m.id())
                .bind("recipient", m.recipient())
                .bind("subject", m.subject())
                .bind("body", m.text())
                .bind("created", m.createdAt())
                .bind("next", m.nextAttemptAt())
                .bind("attempts", m.attempts())
                .bind("discard", m.discardAfter())
                .bind("error", m.lastError().orElse(null))
                .execute());
    }

    @Override
    public List<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<QueuedMail> claimed = tx.withHandle("claim due mail", h -> h
                .createQuery("""
                        UPDATE public.mail_outbox m SET next_attempt_at = :lease, attempts = m.attempts + 1
                        FROM (SELECT id FROM public.mail_outbox WHERE next_attempt_at <= :now
                              ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE m.id = due.id
                        RETURNING m.id, m.recipient, m.subject, m.body, m.created_at, m.next_attempt_at,
                                  m.attempts, m.discard_after, m.last_error""")
                .bind("now", now)
                .bind("lease", leaseUntil)
                .bind("limit", limit)
                .map(MAIL)
                .list());
        // RETURNING keeps no order; the oldest queued go first.
        return claimed.stream().sorted(Comparator.comparing(QueuedMail::createdAt).thenComparing(QueuedMail::id))
                .toList();
    }

    @Override
    public void remove(UUID id) {
        tx.withHandle("remove a mail", h -> h
                .createUpdate("DELETE FROM public.mail_outbox WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    @Override
    public void retryAt(UUID id, Instant at, String error) {
        tx.withHandle("reschedule a mail", h -> h
                .createUpdate("UPDATE public.mail_outbox SET next_attempt_at = :at, last_error = :error WHERE id = :id")
                .bind("id", id)
                .bind("at", at)
                .bind("error", error.length() <= 500 ? error : error.substring(0, 500))
                .execute());
    }

    @Override
    public Optional<QueuedMail> byId(UUID id) {
        return tx.withHandle("find a mail", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.mail_outbox WHERE id = :id")
                .bind("id", id)
                .map(MAIL)
                .findOne());
    }
}
