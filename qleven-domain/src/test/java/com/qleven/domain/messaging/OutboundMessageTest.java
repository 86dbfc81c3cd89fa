package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An outbound message's fate: marked before the call, never resent by itself, statuses only forward. */
class OutboundMessageTest {
    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final String WAMID = "wamid.OUT7";
    private final OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());

    private OutboundMessage queued() {
        return OutboundMessage.queue(id, MessagePurpose.CONFIRMATION, T0);
    }

    private OutboundMessage sent() {
        return queued().markSending(T0).accepted(WAMID, T0.plusMillis(300));
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aMessageIsMarkedSendingBeforeTheCallAndSentWithItsWamid() {
        OutboundMessage sending = queued().markSending(T0);
        assertThat(sending.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(sending.attempts()).isEqualTo(1);
        assertThat(sending.nextAttemptAt()).isEmpty();
        assertThat(sending.due(T0.plusSeconds(3600))).isFalse();
        OutboundMessage sent = sending.accepted(WAMID, T0.plusMillis(300));
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.wamid()).contains(WAMID);
        assertThat(sent.statusAt()).isEqualTo(T0.plusMillis(300));
        assertThat(sent.status().settled()).isTrue();
    }

    @Test
    void aMessageQueuedForLaterIsNotDueBeforeItsTimeAndNeverDueInThePast() {
        Instant dayBefore = T0.plus(Duration.ofHours(20));
        OutboundMessage reminder = OutboundMessage.queueAt(id, MessagePurpose.REMINDER, T0, dayBefore);
        assertThat(reminder.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(reminder.createdAt()).isEqualTo(T0);
        assertThat(reminder.nextAttemptAt()).contains(dayBefore);
        assertThat(reminder.due(dayBefore.minusMillis(1))).isFalse();
        assertThat(reminder.due(dayBefore)).isTrue();
        assertThatThrownBy(() -> reminder.markSending(dayBefore.minusSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        // A time already past is now: never a message due before it was written.
        assertThat(OutboundMessage.queueAt(id, MessagePurpose.REMINDER, T0, T0.minusSeconds(60)).nextAttemptAt())
                .contains(T0);
        // Moved before it went: skipped with the reason, never attempted.
        OutboundMessage moved = reminder.skip(SkipReason.RESCHEDULED, T0.plusSeconds(5));
        assertThat(moved.status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(moved.skipReason()).contains(SkipReason.RESCHEDULED);
        assertThat(moved.attempts()).isZero();
    }

    @Test
    void aMessageSkippedAtOnceCarriesItsReasonAndIsNeverClaimed() {
        OutboundMessage none = OutboundMessage.skippedAtOnce(id, MessagePurpose.CONFIRMATION,
                SkipReason.NO_APPROVED_TEMPLATE, T0);
        assertThat(none.status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(none.skipReason()).contains(SkipReason.NO_APPROVED_TEMPLATE);
        assertThat(none.attempts()).isZero();
        assertThat(none.nextAttemptAt()).isEmpty();
        assertThat(none.due(T0.plusSeconds(3600))).isFalse();
        assertThat(none.status().settled()).isTrue();
        assertThatThrownBy(() -> none.markSending(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> none.skip(SkipReason.RESTRICTED, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyADueQueuedMessageIsClaimed() {
        assertThat(queued().due(T0)).isTrue();
        assertThatThrownBy(() -> queued().markSending(T0).markSending(T0)).isInstanceOf(IllegalStateException.class);
        OutboundMessage retry = queued().markSending(T0).failedAttempt(SendFailure.of(130429, "busy"), T0,
                RetryPolicy.standard(), new SplittableRandom(1));
        Instant next = retry.nextAttemptAt().orElseThrow();
        assertThat(retry.due(next.minusMillis(1))).isFalse();
        assertThatThrownBy(() -> retry.markSending(next.minusMillis(1))).isInstanceOf(IllegalStateException.class);
        assertThat(retry.markSending(next).attempts()).isEqualTo(2);
    }

    @Test
    void aRetryableFailureQueuesAgainWithItsCodeKeptUntilAttemptsRunOut() {
        RetryPolicy policy = new RetryPolicy(3, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)));
        SplittableRandom random = new SplittableRandom(42);
        OutboundMessage m = queued();
        Instant now = T0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            m = m.markSending(now).failedAttempt(SendFailure.of(131000, null), now, policy, random);
            assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(m.failure().orElseThrow().graphCode()).isEqualTo(131000);
            Duration wait = Duration.between(now, m.nextAttemptAt().orElseThrow());
            assertThat(wait).isBetween(Duration.ZERO, policy.backoff().ceiling(attempt));
            now = m.nextAttemptAt().orElseThrow();
        }
        OutboundMessage last = m.markSending(now).failedAttempt(SendFailure.of(131000, null), now, policy, random);
        assertThat(last.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.failure().orElseThrow().graphCode()).isEqualTo(131000);
        assertThat(last.nextAttemptAt()).isEmpty();
    }

    @Test
    void aFailureThatCanNeverGoFailsAtOnce() {
        OutboundMessage failed = queued().markSending(T0).failedAttempt(
                SendFailure.of(132001, "template not approved"), T0, RetryPolicy.standard(), new SplittableRandom(1));
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure()).contains(SendFailure.of(132001, "template not approved"));
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenWaitsForTheCenterToReconnectWithCode190Shown() {
        OutboundMessage waiting = queued().markSending(T0).failedAttempt(SendFailure.of(190, "token expired"), T0,
                RetryPolicy.standard(), new SplittableRandom(5));
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.failure().orElseThrow().kind()).isEqualTo(SendFailure.Kind.RECONNECT);
        assertThat(waiting.failure().orElseThrow().graphCode()).isEqualTo(190);
        // Claiming it again clears the shown failure: it is being tried now.
        OutboundMessage retried = waiting.markSending(waiting.nextAttemptAt().orElseThrow());
        assertThat(retried.failure()).isEmpty();
        assertThat(retried.attempts()).isEqualTo(2);
    }

    @Test
    void aFailedStatusMustCarryItsErrorAndOnlyItDoes() {
        assertThatThrownBy(() -> new DeliveryStatus(DeliveryStatus.Kind.FAILED, T0, WAMID, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryStatus(DeliveryStatus.Kind.READ, T0, WAMID,
                Optional.of(SendFailure.of(1, null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryStatus.of(DeliveryStatus.Kind.READ, T0, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DeliveryStatus.Kind.DELIVERED.wireName()).isEqualTo("delivered");
    }

    @Test
    void thePairRateWaitsFourToTheX() {
        RetryPolicy policy = RetryPolicy.standard();
        OutboundMessage m = queued();
        Instant now = T0;
        for (long expected : new long[] {1, 4, 16}) {
            m = m.markSending(now).failedAttempt(SendFailure.of(131056, null), now, policy, new SplittableRandom(7));
            assertThat(Duration.between(now, m.nextAttemptAt().orElseThrow())).isEqualTo(Duration.ofSeconds(expected));
            now = m.nextAttemptAt().orElseThrow();
        }
    }

    @Test
    void anUnknownOutcomeIsUncertainAndNeverClaimedAgain() {
        OutboundMessage uncertain = queued().markSending(T0).outcomeUnknown(T0.plusSeconds(20));
        assertThat(uncertain.status()).isEqualTo(MessageStatus.UNCERTAIN);
        assertThat(uncertain.due(T0.plus(Duration.ofDays(30)))).isFalse();
        assertThatThrownBy(() -> uncertain.markSending(T0.plus(Duration.ofDays(30))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(uncertain.awaitsStaff(T0.plusSeconds(20).plus(Duration.ofMinutes(10)).minusMillis(1),
                Duration.ofMinutes(10))).isFalse();
        assertThat(uncertain.awaitsStaff(T0.plusSeconds(20).plus(Duration.ofMinutes(10)), Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void aStatusCarryingOurIdResolvesAnUncertainMessage() {
        OutboundMessage uncertain = queued().markSending(T0).outcomeUnknown(at(20));
        OutboundMessage delivered = uncertain.merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(5), WAMID));
        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.wamid()).contains(WAMID);
        assertThat(delivered.awaitsStaff(at(100_000), Duration.ofMinutes(10))).isFalse();
    }

    @Test
    void staffResendAnUncertainOrFailedMessageAsANewOne() {
        OutboundMessage uncertain = queued().markSending(T0).outcomeUnknown(at(20));
        OutboundMessageId newId = new OutboundMessageId(UUID.randomUUID());
        OutboundMessage resend = uncertain.resendAs(newId, at(900));
        assertThat(resend.id()).isEqualTo(newId);
        assertThat(resend.resendOf()).contains(id);
        assertThat(resend.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(resend.attempts()).isZero();
        assertThat(resend.purpose()).isEqualTo(MessagePurpose.CONFIRMATION);
        assertThat(resend.due(at(900))).isTrue();
        assertThatThrownBy(() -> sent().resendAs(newId, at(900))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> queued().resendAs(newId, at(900))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aWithdrawalFoundAtSendTimeSkipsTheMessageWithItsReason() {
        OutboundMessage skipped = queued().markSending(T0).skip(SkipReason.NO_WHATSAPP_CONSENT, T0);
        assertThat(skipped.status()).isEqualTo(MessageStatus.SKIPPED);
        assertThat(skipped.skipReason()).contains(SkipReason.NO_WHATSAPP_CONSENT);
        assertThat(skipped.due(at(3600))).isFalse();
        // A skipped message was never sent: a status naming it changes nothing.
        assertThat(skipped.merge(DeliveryStatus.of(DeliveryStatus.Kind.READ, at(5), WAMID))).isEqualTo(skipped);
        assertThatThrownBy(() -> sent().skip(SkipReason.RESTRICTED, at(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statusesOnlyMoveForward() {
        OutboundMessage read = sent()
                .merge(DeliveryStatus.of(DeliveryStatus.Kind.READ, at(60), WAMID))
                .merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(30), WAMID))
                .merge(DeliveryStatus.of(DeliveryStatus.Kind.SENT, at(1), WAMID));
        assertThat(read.status()).isEqualTo(MessageStatus.READ);
        assertThat(read.statusAt()).isEqualTo(at(60));
    }

    @Test
    void aFailedStandsUnlessADeliveredOrReadArrivesInEitherOrder() {
        SendFailure error = SendFailure.of(131026, "not on WhatsApp");
        OutboundMessage failed = sent().merge(DeliveryStatus.failed(at(2), WAMID, error))
                .merge(DeliveryStatus.of(DeliveryStatus.Kind.SENT, at(1), WAMID));
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure()).contains(error);
        OutboundMessage deliveredAfter = failed.merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(3), WAMID));
        OutboundMessage deliveredBefore = sent().merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(3), WAMID))
                .merge(DeliveryStatus.failed(at(2), WAMID, error));
        assertThat(deliveredAfter.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(deliveredAfter.failure()).isEmpty();
        assertThat(deliveredBefore).isEqualTo(deliveredAfter);
    }

    @Test
    void aStatusForAnotherWamidChangesNothing() {
        OutboundMessage sent = sent();
        assertThat(sent.merge(DeliveryStatus.of(DeliveryStatus.Kind.READ, at(5), "wamid.OTHER"))).isEqualTo(sent);
    }

    @Test
    void aStatusForAMessageQueuedForARetryStopsTheRetry() {
        // The call timed out with a 5xx after Meta had taken it: its status tells us it went.
        OutboundMessage retry = queued().markSending(T0).failedAttempt(SendFailure.of(2, null), T0,
                RetryPolicy.standard(), new SplittableRandom(3));
        OutboundMessage delivered = retry.merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(4), WAMID));
        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.due(at(100_000))).isFalse();
        assertThat(delivered.failure()).isEmpty();
    }

    @Test
    void anAcceptanceAfterAFasterWebhookKeepsTheWebhooksState() {
        OutboundMessage sending = queued().markSending(T0);
        OutboundMessage delivered = sending.merge(DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, at(1), WAMID));
        assertThat(delivered.accepted(WAMID, at(2))).isEqualTo(delivered);
        assertThatThrownBy(() -> queued().accepted(WAMID, T0)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Meta sends statuses concurrently, late and repeatedly: any order of a set of statuses, each
     * replayed three times, ends in the same message as any other order.
     */
    @Test
    void anyOrderOfStatusesReplayedThreeTimesGivesTheSameMessage() {
        Random random = new Random(20260504);
        for (int trial = 0; trial < 300; trial++) {
            List<DeliveryStatus> statuses = randomStatuses(random);
            Set<OutboundMessage> outcomes = new HashSet<>();
            for (int order = 0; order < 20; order++) {
                List<DeliveryStatus> replayed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replayed.addAll(statuses);
                }
                Collections.shuffle(replayed, random);
                OutboundMessage m = sent();
                for (DeliveryStatus s : replayed) {
                    m = m.merge(s);
                }
                outcomes.add(m);
                // A further replay of everything changes nothing more.
                OutboundMessage again = m;
                for (DeliveryStatus s : statuses) {
                    again = again.merge(s);
                }
                assertThat(again).isEqualTo(m);
            }
            assertThat(outcomes).as("statuses %s", statuses).hasSize(1);
            OutboundMessage result = outcomes.iterator().next();
            assertThat(result.status()).isEqualTo(expectedStatus(statuses));
        }
    }

    private static List<DeliveryStatus> randomStatuses(Random random) {
        List<DeliveryStatus> statuses = new ArrayList<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            Instant when = at(random.nextInt(5));
            statuses.add(switch (random.nextInt(4)) {
                case 0 -> DeliveryStatus.of(DeliveryStatus.Kind.SENT, when, WAMID);
                case 1 -> DeliveryStatus.of(DeliveryStatus.Kind.DELIVERED, when, WAMID);
                case 2 -> DeliveryStatus.of(DeliveryStatus.Kind.READ, when, WAMID);
                default -> DeliveryStatus.failed(when, WAMID,
                        SendFailure.of(random.nextBoolean() ? 131026 : 131047, "detail " + random.nextInt(2)));
            });
        }
        return statuses;
    }

    private static MessageStatus expectedStatus(List<DeliveryStatus> statuses) {
        Set<DeliveryStatus.Kind> kinds = new HashSet<>();
        statuses.forEach(s -> kinds.add(s.kind()));
        if (kinds.contains(DeliveryStatus.Kind.READ)) {
            return MessageStatus.READ;
        }
        if (kinds.contains(DeliveryStatus.Kind.DELIVERED)) {
            return MessageStatus.DELIVERED;
        }
        return kinds.contains(DeliveryStatus.Kind.FAILED) ? MessageStatus.FAILED : MessageStatus.SENT;
    }

    @Test
    void invariantsHoldOnEveryMessageBuiltDirectly() {
        assertThatThrownBy(() -> new OutboundMessage(id, MessagePurpose.REMINDER, T0, MessageStatus.SENT, T0, 1,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundMessage(id, MessagePurpose.REMINDER, T0, MessageStatus.QUEUED, T0, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundMessage(id, MessagePurpose.REMINDER, T0, MessageStatus.FAILED, T0, 1,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundMessage(id, MessagePurpose.REMINDER, T0, MessageStatus.SKIPPED, T0, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundMessage(id, MessagePurpose.REMINDER, T0, MessageStatus.UNCERTAIN, T0, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageWaitingForASendBudgetStaysQueuedUntilTheBucketRefillsAndNothingElseMoves() {
        OutboundMessage deferred = queued().deferredTo(at(3));
        assertThat(deferred.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(deferred.nextAttemptAt()).contains(at(3));
        assertThat(deferred.statusAt()).isEqualTo(T0);
        assertThat(deferred.attempts()).isZero();
        assertThat(deferred.due(at(2))).isFalse();
        assertThat(deferred.due(at(3))).isTrue();
        assertThatThrownBy(() -> queued().markSending(T0).deferredTo(at(3)))
                .isInstanceOf(IllegalStateException.class);
    }
}
