package com.qleven.ports.shared.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Mail waiting to be sent, written in the same unit of work as the change that causes it, so a
 * message exists exactly when that change committed, and an SMTP outage delays mail without losing
 * it. Global (the platform sends it, not a center); recipient, subject and text are stored only as
 * ciphertext.
 *
 * <p>Dispatchers claim due mail with a lease: a claimed message is not due again before the lease
 * ends, so several hosts dispatch side by side without sending one message twice, and a host that
 * dies while sending leaves the message to be claimed again when its lease runs out. Later outboxes
 * (WhatsApp messages, device commands) follow the same shape per center.
 */
public interface MailOutbox {

    /**
     * A queued message. {@code discardAfter} is when sending it stops making sense (the link in it
     * has expired); {@code attempts} counts claims so far.
     */
    record QueuedMail(UUID id, byte[] recipient, byte[] subject, byte[] text, Instant createdAt,
                      Instant nextAttemptAt, int attempts, Instant discardAfter, Optional<String> lastError) {
        public QueuedMail {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(discardAfter, "discardAfter");
            Objects.requireNonNull(lastError, "lastError");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }

        @Override
        public String toString() {
            return "QueuedMail[id=" + id + ", attempts=" + attempts + "]";
        }
    }

    void add(QueuedMail mail);

    /**
     * Claims up to {@code limit} messages due at {@code now} (oldest due first): each is returned
     * with its attempts counted one more and is not due again before {@code leaseUntil}. A message
     * claimed by another dispatcher and not yet committed is skipped, never waited for.
     */
    List<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Sent or given up: the message is gone. */
    void remove(UUID id);

    /** Not sent this time: due again at {@code at}, with why (never personal data). */
    void retryAt(UUID id, Instant at, String error);

    Optional<QueuedMail> byId(UUID id);
}
