package com.qleven.application.shared;

import com.qleven.domain.shared.QlevenException;
import com.qleven.ports.shared.in.DispatchMail;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.MailOutbox;
import com.qleven.ports.shared.out.MailOutbox.QueuedMail;
import com.qleven.ports.shared.out.Mailer;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due mail from the outbox. Claiming commits before anything is sent, so no database
 * transaction stays open while an SMTP server is slow; a claimed message is leased, so another
 * host skips it, and if this host dies mid-send the lease runs out and the message is sent again
 * (at least once, never lost). A failure that may pass is retried with exponential backoff; a
 * message whose link has expired, or that the server refuses for good, is given up.
 */
public final class DispatchMailService implements DispatchMail {
    /** Longer than a batch of sends can take with the SMTP adapter's timeouts. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** No message of a batch is started in the last part of its lease. */
    static final Duration SEND_MARGIN = Duration.ofMinutes(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofMinutes(30);
    private static final System.Logger LOG = System.getLogger(DispatchMailService.class.getName());

    private final Transactions transactions;
    private final MailOutbox outbox;
    private final DataKeys dataKeys;
    private final MailQueue queue;
    private final Mailer mailer;
    private final Clock clock;

    public DispatchMailService(Transactions transactions, MailOutbox outbox, DataKeys dataKeys, MailQueue queue,
                               Mailer mailer, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.dataKeys = dataKeys;
        this.queue = queue;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public DispatchReport dispatchDue(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        Instant claimedAt = clock.instant();
        Instant leaseUntil = claimedAt.plus(LEASE);
        List<QueuedMail> claimed = transactions.global(() -> outbox.claimDue(claimedAt, leaseUntil, batch));
        int sent = 0;
        int retried = 0;
        int abandoned = 0;
        for (QueuedMail mail : claimed) {
            Instant now = clock.instant();
            if (!now.isBefore(leaseUntil.minus(SEND_MARGIN))) {
                // The rest stay leased and are claimed again when the lease runs out.
                break;
            }
            if (!now.isBefore(mail.discardAfter())) {
                abandon(mail, "its link expired before it could be sent");
                abandoned++;
                continue;
            }
            MailMessage message;
            try {
                message = queue.open(mail);
            } catch (RuntimeException e) {
                abandon(mail, "it can no longer be decrypted (" + e.getClass().getSimpleName() + ")");
                abandoned++;
                continue;
            }
            try {
                mailer.send(message);
            } catch (RuntimeException e) {
                boolean retryable = !(e instanceof QlevenException q) || q.retryable();
                String why = e instanceof QlevenException ? e.getMessage() : e.getClass().getSimpleName();
                Instant next = now.plus(backoff(mail));
                if (!retryable || !next.isBefore(mail.discardAfter())) {
                    abandon(mail, retryable ? "its link expires before the next attempt: " + why : why);
                    abandoned++;
                } else {
                    transactions.global(() -> outbox.retryAt(mail.id(), next, why));
                    LOG.log(System.Logger.Level.WARNING, "event=mail_retry mail=" + mail.id() + " attempts="
                            + mail.attempts() + " next=" + next + " reason=" + why);
                    retried++;
                }
                continue;
            }
            transactions.global(() -> {
                outbox.remove(mail.id());
                dataKeys.shred(MailQueue.scope(mail.id()));
            });
            LOG.log(System.Logger.Level.INFO, "event=mail_sent mail=" + mail.id() + " attempts=" + mail.attempts());
            sent++;
        }
        return new DispatchReport(sent, retried, abandoned);
    }

    /**
     * 30 s after the first attempt, doubling up to 30 min, plus up to a fifth more taken from the
     * message id, so that messages that failed together do not all come back at the same instant.
     */
    static Duration backoff(QueuedMail mail) {
        int exponent = Math.min(Math.max(mail.attempts() - 1, 0), 16);
        Duration base = FIRST_RETRY.multipliedBy(1L << exponent);
        if (base.compareTo(MAX_RETRY) > 0) {
            base = MAX_RETRY;
        }
        long spread = Math.floorMod(mail.id().getLeastSignificantBits(), 1000L);
        return base.plus(base.dividedBy(5).multipliedBy(spread).dividedBy(1000));
    }

    private void abandon(QueuedMail mail, String why) {
        transactions.global(() -> {
            outbox.remove(mail.id());
            dataKeys.shred(MailQueue.scope(mail.id()));
        });
        LOG.log(System.Logger.Level.WARNING, "event=mail_abandoned mail=" + mail.id() + " attempts=" + mail.attempts()
                + " reason=" + why);
    }
}
