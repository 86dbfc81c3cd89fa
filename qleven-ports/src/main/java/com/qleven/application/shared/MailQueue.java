package com.qleven.application.shared;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.MailOutbox;
import com.qleven.ports.shared.out.MailOutbox.QueuedMail;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts mail in the outbox, sealed: recipient, subject and text each encrypted under a data key of
 * the message itself, which is shredded once the message is sent or given up, so a sent link
 * (a credential until it expires) does not outlive its delivery in the database.
 */
public final class MailQueue {
    static final String KEY_KIND = "mail";
    private final MailOutbox outbox;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;

    public MailQueue(MailOutbox outbox, FieldCipher cipher, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Queues the message in the unit of work open on the thread, so it exists only if that unit
     * commits; due at once, and dropped unsent after {@code discardAfter}.
     */
    public UUID enqueue(MailMessage message, Instant discardAfter) {
        UUID id = ids.next();
        KeyScope scope = scope(id);
        Instant now = clock.instant();
        outbox.add(new QueuedMail(id,
                cipher.encrypt(scope, place("to", id), message.to().value()),
                cipher.encrypt(scope, place("subject", id), message.subject()),
                cipher.encrypt(scope, place("text", id), message.text()),
                now, now, 0, discardAfter, Optional.empty()));
        return id;
    }

    /** The message as it was queued. */
    public MailMessage open(QueuedMail mail) {
        UUID id = mail.id();
        return new MailMessage(new EmailAddress(cipher.decrypt(place("to", id), mail.recipient())),
                cipher.decrypt(place("subject", id), mail.subject()),
                cipher.decrypt(place("text", id), mail.text()));
    }

    public static KeyScope scope(UUID mailId) {
        return new KeyScope(KEY_KIND, mailId);
    }

    private static String place(String field, UUID id) {
        return "mail_outbox|" + field + "|" + id;
    }
}
