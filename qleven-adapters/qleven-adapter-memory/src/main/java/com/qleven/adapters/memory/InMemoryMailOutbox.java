package com.qleven.adapters.memory;

import com.qleven.ports.shared.out.MailOutbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The mail outbox in memory. Units of work run one at a time here, so a claim never meets another. */
final class InMemoryMailOutbox implements MailOutbox {
    private final InMemoryTransactions tx;
    private final Map<UUID, QueuedMail> rows = new HashMap<>();

    InMemoryMailOutbox(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private void put(QueuedMail mail) {
        QueuedMail previous = rows.put(mail.id(), mail);
        tx.onRollback(() -> {
            if (previous == null) {
                rows.remove(mail.id());
            } else {
                rows.put(mail.id(), previous);
            }
        });
    }

    @Override
    public void add(QueuedMail mail) {
        tx.within(() -> {
            if (rows.containsKey(mail.id())) {
                throw new IllegalStateException("mail " + mail.id() + " is queued already");
            }
            put(mail);
        });
    }

    @Override
    public List<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        return tx.within(() -> {
            List<QueuedMail> due = rows.values().stream()
                    .filter(m -> !m.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(QueuedMail::nextAttemptAt)
                            .thenComparing(QueuedMail::id, InMemoryStore::compareAsPostgres))
                    .limit(limit)
                    .map(m -> new QueuedMail(m.id(), m.recipient(), m.subject(), m.text(), m.createdAt(), leaseUntil,
                            m.attempts() + 1, m.discardAfter(), m.lastError()))
                    .sorted(Comparator.comparing(QueuedMail::createdAt).thenComparing(QueuedMail::id))
                    .toList();
            due.forEach(this::put);
            return due;
        });
    }

    @Override
    public void remove(UUID id) {
        tx.within(() -> {
            QueuedMail previous = rows.remove(id);
            if (previous != null) {
                tx.onRollback(() -> rows.put(id, previous));
            }
        });
    }

    @Override
    public void retryAt(UUID id, Instant at, String error) {
        tx.within(() -> Optional.ofNullable(rows.get(id)).ifPresent(m -> put(new QueuedMail(m.id(), m.recipient(),
                m.subject(), m.text(), m.createdAt(), at, m.attempts(), m.discardAfter(), Optional.of(error)))));
    }

    @Override
    public Optional<QueuedMail> byId(UUID id) {
        return tx.within(() -> Optional.ofNullable(rows.get(id)));
    }
}
