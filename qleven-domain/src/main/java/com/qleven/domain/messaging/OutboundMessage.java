package com.qleven.domain.messaging;

import com.qleven.domain.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An outbound WhatsApp message's fate, as a state machine the dispatcher and the status webhook drive.
 * What callers rely on:
 * <ul>
 *   <li>A message is marked {@link MessageStatus#SENDING} (and its attempt counted) before the call to
 *       Meta, so after a crash it is never taken for unsent: only {@link #outcomeUnknown} follows, making
 *       it {@link MessageStatus#UNCERTAIN}, which nothing resends by itself — staff resend it as a new
 *       message ({@link #resendAs}).</li>
 *   <li>A retryable failure puts it back in the queue at its next attempt time with the failure kept;
 *       the others, or the last attempt, fail it with its Graph code.</li>
 *   <li>Statuses from webhooks ({@link #merge}) only move it forward (sent &lt; delivered &lt; read); a
 *       failed status stands unless a delivered or read one comes, in whatever order they arrive. The
 *       merge is idempotent and order-independent: any order of a set of statuses, however repeated,
 *       gives the same message.</li>
 * </ul>
 * {@code nextAttemptAt} is present exactly when queued, {@code skipReason} exactly when skipped, a
 * {@code failure} only when queued for a retry or failed.
 */
public record OutboundMessage(
        OutboundMessageId id,
        MessagePurpose purpose,
        Instant createdAt,
        MessageStatus status,
        Instant statusAt,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> wamid,
        Optional<SendFailure> failure,
        Optional<SkipReason> skipReason,
        Optional<OutboundMessageId> resendOf) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusAt, "statusAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(skipReason, "skipReason");
        Objects.requireNonNull(resendOf, "resendOf");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: " + attempts);
        }
        if (nextAttemptAt.isPresent() != (status == MessageStatus.QUEUED)) {
            throw new IllegalArgumentException("a next attempt time exactly when queued: " + status);
        }
        if (skipReason.isPresent() != (status == MessageStatus.SKIPPED)) {
            throw new IllegalArgumentException("a skip reason exactly when skipped: " + status);
        }
        if (failure.isPresent() && status != MessageStatus.QUEUED && status != MessageStatus.FAILED
                || status == MessageStatus.FAILED && failure.isEmpty()) {
            throw new IllegalArgumentException("a failure when failed, or queued for a retry: " + status);
        }
        boolean accepted = status == MessageStatus.SENT || status == MessageStatus.DELIVERED
                || status == MessageStatus.READ;
        if (accepted && wamid.isEmpty()) {
            throw new IllegalArgumentException("a message Meta accepted has its wamid: " + status);
        }
        if (attempts == 0 && status != MessageStatus.QUEUED && status != MessageStatus.SKIPPED) {
            throw new IllegalArgumentException("a message in " + status + " was attempted");
        }
        if (wamid.isPresent() && wamid.get().isBlank()) {
            throw new IllegalArgumentException("a blank wamid");
        }
    }

    /** A new message, due at once. */
    public static OutboundMessage queue(OutboundMessageId id, MessagePurpose purpose, Instant now) {
        return new OutboundMessage(id, purpose, now, MessageStatus.QUEUED, now, 0, Optional.of(now),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A new message due at {@code dueAt} (a reminder queued at booking for the day before); a due time
     * before {@code now} is taken as now, so nothing is queued into the past.
     */
    public static OutboundMessage queueAt(OutboundMessageId id, MessagePurpose purpose, Instant now, Instant dueAt) {
        Objects.requireNonNull(dueAt, "dueAt");
        Instant due = dueAt.isBefore(now) ? now : dueAt;
        return new OutboundMessage(id, purpose, now, MessageStatus.QUEUED, now, 0, Optional.of(due),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A message recorded as not sendable from the start (no approved template, a parameter its facts
     * lack): it is never attempted, and its reason is what staff see.
     */
    public static OutboundMessage skippedAtOnce(OutboundMessageId id, MessagePurpose purpose, SkipReason reason,
                                                Instant now) {
        Objects.requireNonNull(reason, "reason");
        return new OutboundMessage(id, purpose, now, MessageStatus.SKIPPED, now, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(reason), Optional.empty());
    }

    /** Whether the dispatcher may claim it now. */
    public boolean due(Instant now) {
        return status == MessageStatus.QUEUED && !nextAttemptAt.orElseThrow().isAfter(now);
    }

    /**
     * Left queued for want of a send budget (the number's or the recipient's bucket is empty): due again
     * at {@code at}, when the bucket will have a token; its status time, attempts and any earlier
     * failure stay as they were, since nothing was attempted.
     */
    public OutboundMessage deferredTo(Instant at) {
        Objects.requireNonNull(at, "at");
        if (status != MessageStatus.QUEUED) {
            throw new IllegalStateException("only a queued message waits for a send budget; this one is " + status);
        }
        return with(status, statusAt, attempts, Optional.of(at), wamid, failure, skipReason);
    }

    /** Claimed for an attempt: marked before the call, the attempt counted. */
    public OutboundMessage markSending(Instant now) {
        if (!due(now)) {
            throw new IllegalStateException("only a due queued message is sent; this one is " + status
                    + nextAttemptAt.map(at -> " until " + at).orElse(""));
        }
        return with(MessageStatus.SENDING, now, attempts + 1, Optional.empty(), wamid, Optional.empty(),
                Optional.empty());
    }

    /**
     * Not sent, for a reason found before or at send time (the consent check runs after the claim, so a
     * withdrawal between queueing and sending stops it).
     */
    public OutboundMessage skip(SkipReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (status != MessageStatus.QUEUED && status != MessageStatus.SENDING) {
            throw new IllegalStateException("only a queued or sending message is skipped; this one is " + status);
        }
        return with(MessageStatus.SKIPPED, now, attempts, Optional.empty(), wamid, Optional.empty(),
                Optional.of(reason));
    }

    /**
     * Meta accepted the send and gave its wamid. A status webhook may have come first (it carries our id);
     * then the message keeps the state it reached and only learns its wamid.
     */
    public OutboundMessage accepted(String messageWamid, Instant now) {
        Objects.requireNonNull(messageWamid, "wamid");
        if (status == MessageStatus.SENDING || status == MessageStatus.UNCERTAIN) {
            return with(MessageStatus.SENT, now, attempts, Optional.empty(), Optional.of(messageWamid),
                    Optional.empty(), Optional.empty());
        }
        if (rank(status) > 0 && wamid.map(messageWamid::equals).orElse(true)) {
            return with(status, statusAt, attempts, nextAttemptAt, Optional.of(messageWamid), failure, skipReason);
        }
        throw new IllegalStateException("an acceptance for a message that is " + status);
    }

    /**
     * Meta refused the attempt. A retryable failure (busy platform, pair rate, token to reconnect) queues
     * it again while attempts remain — after the jittered backoff, or 4^(attempt-1) s for the pair rate;
     * any other, or the last attempt, fails it. The failure, with its Graph code, is kept either way.
     */
    public OutboundMessage failedAttempt(SendFailure why, Instant now, RetryPolicy policy, RandomGenerator random) {
        Objects.requireNonNull(why, "failure");
        Objects.requireNonNull(policy, "policy");
        requireSending("a failed attempt");
        if (why.kind() == SendFailure.Kind.NEVER || attempts >= policy.maxAttempts()) {
            return with(MessageStatus.FAILED, now, attempts, Optional.empty(), wamid, Optional.of(why), Optional.empty());
        }
        Duration wait = why.kind() == SendFailure.Kind.RETRY_RECIPIENT_LATER
                ? Backoff.pairRateWait(attempts - 1)
                : policy.backoff().delay(attempts, random);
        return with(MessageStatus.QUEUED, now, attempts, Optional.of(now.plus(wait)), wamid, Optional.of(why),
                Optional.empty());
    }

    /** The call's outcome is unknown (the connection dropped after the request left): never resent by itself. */
    public OutboundMessage outcomeUnknown(Instant now) {
        requireSending("an unknown outcome");
        return with(MessageStatus.UNCERTAIN, now, attempts, Optional.empty(), wamid, Optional.empty(), Optional.empty());
    }

    /** Whether staff should see it with a resend action: uncertain for at least {@code grace} and no status came. */
    public boolean awaitsStaff(Instant now, Duration grace) {
        return status == MessageStatus.UNCERTAIN && !statusAt.plus(grace).isAfter(now);
    }

    /**
     * A staff resend of an uncertain or failed message: a new queued message pointing back at this one.
     * This one is left as it is, so its history stays; anything else is a conflict.
     */
    public OutboundMessage resendAs(OutboundMessageId newId, Instant now) {
        Objects.requireNonNull(newId, "newId");
        if (status != MessageStatus.UNCERTAIN && status != MessageStatus.FAILED) {
            throw new ConflictException("only an uncertain or failed message is resent; this one is " + status.wireName());
        }
        OutboundMessage fresh = queue(newId, purpose, now);
        return new OutboundMessage(fresh.id, purpose, now, fresh.status, now, 0, fresh.nextAttemptAt,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id));
    }

    /**
     * A status from a webhook. It moves the message forward only (sent &lt; failed &lt; delivered &lt; read:
     * a failed stands over a sent and falls to a delivered or read); of two statuses of the same rank the
     * earlier time is kept (and, for two failures at the same time, the lower Graph code), so the result
     * does not depend on order or repetition. A status for a skipped or never attempted message, or with
     * another wamid than the one Meta gave this message, changes nothing.
     */
    public OutboundMessage merge(DeliveryStatus update) {
        Objects.requireNonNull(update, "status");
        if (status == MessageStatus.SKIPPED || attempts == 0
                || wamid.isPresent() && !wamid.get().equals(update.wamid())) {
            return this;
        }
        MessageStatus incoming = switch (update.kind()) {
            case SENT -> MessageStatus.SENT;
            case DELIVERED -> MessageStatus.DELIVERED;
            case READ -> MessageStatus.READ;
            case FAILED -> MessageStatus.FAILED;
        };
        Optional<SendFailure> incomingFailure = update.failure();
        int current = rank(status);
        int next = rank(incoming);
        boolean take = next > current
                || next == current && (update.at().isBefore(statusAt)
                        || update.at().equals(statusAt) && incoming == MessageStatus.FAILED
                                && LOWER_CODE.compare(incomingFailure.orElseThrow(), failure.orElseThrow()) < 0);
        if (!take) {
            return wamid.isPresent() ? this
                    : with(status, statusAt, attempts, nextAttemptAt, Optional.of(update.wamid()), failure, skipReason);
        }
        return with(incoming, update.at(), attempts, Optional.empty(), Optional.of(update.wamid()), incomingFailure,
                Optional.empty());
    }

    private static final Comparator<SendFailure> LOWER_CODE = Comparator.comparingInt(SendFailure::graphCode)
            .thenComparing(f -> f.kind().ordinal())
            .thenComparing(f -> f.detail().orElse(""));

    /** How far a message has come by Meta's account; 0 for states Meta has said nothing about. */
    private static int rank(MessageStatus s) {
        return switch (s) {
            case SENT -> 1;
            case FAILED -> 2;
            case DELIVERED -> 3;
            case READ -> 4;
            default -> 0;
        };
    }

    private void requireSending(String what) {
        if (status != MessageStatus.SENDING) {
            throw new IllegalStateException(what + " for a message that is " + status + ", not sending");
        }
    }

    private OutboundMessage with(MessageStatus newStatus, Instant at, int newAttempts, Optional<Instant> next,
                                 Optional<String> newWamid, Optional<SendFailure> newFailure,
                                 Optional<SkipReason> newSkip) {
        return new OutboundMessage(id, purpose, createdAt, newStatus, at, newAttempts, next, newWamid, newFailure,
                newSkip, resendOf);
    }
}
