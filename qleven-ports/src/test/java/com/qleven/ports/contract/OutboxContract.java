package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.RetryPolicy;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Outbox} promises: a message is stored with its cause's unit (a rollback leaves
 * none) and read back as written; the due ones are locked oldest due first and a message one unit
 * holds is never handed to another; centers with dispatch work (queued messages due, or messages left
 * sending past the sweep delay) are claimed under a lease that any change of their queue ends; staff
 * lists page by keyset without gaps or repeats; an erasure removes the never-attempted messages and
 * empties the parameters of the rest; another center's messages are invisible. The queue of centers is
 * global: each test has centers and times of its own and looks at those only.
 */
public abstract class OutboxContract {
    /** Far from every other test's times, so a claim sees this suite's centers only when it means to. */
    private static final Instant BASE = T0.plus(Duration.ofDays(3650));

    protected abstract QlevenStore store();

    private Outbox outbox() {
        return store().messaging().outbox();
    }

    private Transactions tx() {
        return store().shared().transactions();
    }

    private static OutboundMessageId newId() {
        return new OutboundMessageId(UUID.randomUUID());
    }

    private static QueuedMessage queued(TenantId tenant, ClientId client, Optional<AppointmentId> appointment,
                                        Instant at) {
        return new QueuedMessage(tenant, OutboundMessage.queue(newId(), MessagePurpose.REMINDER, at), client,
                appointment, Optional.of(new TemplateId(UUID.randomUUID())), Optional.of("appointment_reminder"),
                Optional.of("es"), randomBytes(48));
    }

    private void add(QueuedMessage m) {
        tx().inTenant(m.tenant(), () -> {
            outbox().add(m);
            return null;
        });
    }

    private void update(TenantId tenant, OutboundMessage state) {
        tx().inTenant(tenant, () -> {
            outbox().update(tenant, state);
            return null;
        });
    }

    private Optional<QueuedMessage> find(TenantId tenant, OutboundMessageId id) {
        return tx().inTenant(tenant, () -> outbox().find(tenant, id));
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    @Test
    void aMessageReadsBackAsWrittenAndOnlyInItsCenter() {
        TenantId tenant = center();
        TenantId other = center();
        ClientId client = new ClientId(UUID.randomUUID());
        QueuedMessage message = queued(tenant, client, Optional.of(new AppointmentId(UUID.randomUUID())), BASE);
        add(message);

        QueuedMessage read = find(tenant, message.state().id()).orElseThrow();
        assertThat(read.state()).isEqualTo(message.state());
        assertThat(read.client()).isEqualTo(client);
        assertThat(read.appointment()).isEqualTo(message.appointment());
        assertThat(read.template()).isEqualTo(message.template());
        assertThat(read.templateName()).contains("appointment_reminder");
        assertThat(read.templateLanguage()).contains("es");
        assertThat(read.sealedParameters()).isEqualTo(message.sealedParameters());
        assertThat(find(other, message.state().id())).as("another center's message").isEmpty();
        assertThat(tx().inTenant(other, () -> outbox().ofClient(other, client, PageRequest.first())).items())
                .isEmpty();

        // Every field of the fate moves: sending, a retryable failure with its code, again, accepted.
        OutboundMessage sending = message.state().markSending(BASE.plusSeconds(1));
        update(tenant, sending);
        OutboundMessage retry = sending.failedAttempt(SendFailure.of(130429, "Rate limit hit"), BASE.plusSeconds(2),
                RetryPolicy.standard(), new SplittableRandom(7));
        update(tenant, retry);
        assertThat(find(tenant, message.state().id()).orElseThrow().state()).isEqualTo(retry);
        OutboundMessage again = retry.markSending(retry.nextAttemptAt().orElseThrow());
        update(tenant, again);
        OutboundMessage sent = again.accepted("wamid.HBgLMzQ2MDAwMDAwMDAVAgARGBI=", again.statusAt().plusSeconds(1));
        update(tenant, sent);
        assertThat(find(tenant, message.state().id()).orElseThrow().state()).isEqualTo(sent);
        assertThat(tx().inTenant(tenant, () -> outbox().findByWamid(tenant, "wamid.HBgLMzQ2MDAwMDAwMDAVAgARGBI=")))
                .map(m -> m.state().id()).contains(message.state().id());
        assertThat(tx().inTenant(other, () -> outbox().findByWamid(other, "wamid.HBgLMzQ2MDAwMDAwMDAVAgARGBI=")))
                .isEmpty();

        // A skipped one keeps its reason; a failed one its code and detail; a resend points back.
        QueuedMessage skipped = queued(tenant, client, Optional.empty(), BASE);
        add(skipped);
        OutboundMessage skip = skipped.state().skip(SkipReason.NO_WHATSAPP_CONSENT, BASE.plusSeconds(3));
        update(tenant, skip);
        assertThat(find(tenant, skipped.state().id()).orElseThrow().state()).isEqualTo(skip);
        QueuedMessage failing = queued(tenant, client, Optional.empty(), BASE);
        add(failing);
        OutboundMessage failed = failing.state().markSending(BASE).failedAttempt(
                SendFailure.of(131026, "Message undeliverable"), BASE.plusSeconds(1), RetryPolicy.standard(),
                new SplittableRandom(1));
        update(tenant, failed);
        assertThat(find(tenant, failing.state().id()).orElseThrow().state()).isEqualTo(failed);
        OutboundMessage resend = failed.resendAs(newId(), BASE.plusSeconds(5));
        add(new QueuedMessage(tenant, resend, client, Optional.empty(), failing.template(), failing.templateName(),
                failing.templateLanguage(), failing.sealedParameters()));
        assertThat(find(tenant, resend.id()).orElseThrow().state().resendOf()).contains(failing.state().id());
    }

    @Test
    void aMessageAddedInAUnitThatRollsBackIsNotThereAndMakesNoWork() {
        TenantId tenant = center();
        QueuedMessage message = queued(tenant, new ClientId(UUID.randomUUID()), Optional.empty(), BASE);
        assertThatThrownBy(() -> tx().inTenant(tenant, () -> {
            outbox().add(message);
            throw new IllegalStateException("the cause failed");
        })).hasMessage("the cause failed");
        assertThat(find(tenant, message.state().id())).isEmpty();
        assertThat(claim(BASE.plus(Duration.ofDays(30)), BASE.plus(Duration.ofDays(31)))).doesNotContain(tenant);
    }

    @Test
    void aWamidNamesOneMessageOfTheCenter() {
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        QueuedMessage a = queued(tenant, client, Optional.empty(), BASE);
        QueuedMessage b = queued(tenant, client, Optional.empty(), BASE);
        add(a);
        add(b);
        update(tenant, a.state().markSending(BASE).accepted("wamid.same", BASE.plusSeconds(1)));
        assertThatThrownBy(() -> update(tenant, b.state().markSending(BASE).accepted("wamid.same", BASE.plusSeconds(1))))
                .isInstanceOf(ConflictException.class);
        assertThat(find(tenant, b.state().id()).orElseThrow().state().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void lockDueGivesTheDueQueuedMessagesOldestDueFirstUpToTheLimit() {
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        QueuedMessage late = queued(tenant, client, Optional.empty(), BASE.plusSeconds(30));
        QueuedMessage first = queued(tenant, client, Optional.empty(), BASE);
        QueuedMessage second = queued(tenant, client, Optional.empty(), BASE.plusSeconds(10));
        QueuedMessage third = queued(tenant, client, Optional.empty(), BASE.plusSeconds(20));
        QueuedMessage sending = queued(tenant, client, Optional.empty(), BASE);
        for (QueuedMessage m : List.of(late, first, second, third, sending)) {
            add(m);
        }
        update(tenant, sending.state().markSending(BASE));

        List<OutboundMessageId> locked = tx().inTenant(tenant, () -> outbox().lockDue(tenant, BASE.plusSeconds(20), 2))
                .stream().map(m -> m.state().id()).toList();
        assertThat(locked).containsExactly(first.state().id(), second.state().id());
        List<OutboundMessageId> all = tx().inTenant(tenant, () -> outbox().lockDue(tenant, BASE.plusSeconds(20), 50))
                .stream().map(m -> m.state().id()).toList();
        assertThat(all).as("not the later one, nor the one sending")
                .containsExactly(first.state().id(), second.state().id(), third.state().id());
        TenantId other = center();
        assertThat(tx().inTenant(other, () -> outbox().lockDue(tenant, BASE.plusSeconds(60), 50)))
                .as("from another center's unit").isEmpty();
    }

    /**
     * Dispatchers side by side, each locking a batch and marking it sending before its unit commits,
     * as the dispatcher does: every message goes to exactly one of them.
     */
    @Test
    void dispatchersSideBySideNeverLockTheSameMessage() throws Exception {
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        Set<OutboundMessageId> queuedIds = new HashSet<>();
        tx().inTenant(tenant, () -> {
            for (int i = 0; i < 60; i++) {
                QueuedMessage m = queued(tenant, client, Optional.empty(), BASE.plusMillis(i));
                outbox().add(m);
                queuedIds.add(m.state().id());
            }
            return null;
        });
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<OutboundMessageId> taken = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    Instant now = BASE.plusSeconds(1);
                    while (true) {
                        List<QueuedMessage> batch = tx().inTenant(tenant, () -> {
                            List<QueuedMessage> locked = outbox().lockDue(tenant, now, 5);
                            for (QueuedMessage m : locked) {
                                outbox().update(tenant, m.state().markSending(now));
                            }
                            return locked;
                        });
                        if (batch.isEmpty()) {
                            return null;
                        }
                        batch.forEach(m -> taken.add(m.state().id()));
                    }
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).hasSize(60).doesNotHaveDuplicates();
        assertThat(new HashSet<>(taken)).isEqualTo(queuedIds);
    }

    private List<TenantId> claim(Instant now, Instant leaseUntil) {
        return tx().global(() -> outbox().claimDueCenters(now, leaseUntil, 1000));
    }

    @Test
    void aCenterWithDueWorkIsClaimedOnceUnderALeaseThatItsNextChangeEnds() {
        // A world of its own in time: claims elsewhere in the suite use earlier times.
        Instant base = BASE.plus(Duration.ofDays(400 + new SplittableRandom().nextInt(1000)));
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        QueuedMessage a = queued(tenant, client, Optional.empty(), base.plusSeconds(10));
        QueuedMessage b = queued(tenant, client, Optional.empty(), base.plusSeconds(20));
        add(a);
        add(b);
        assertThat(claim(base.plusSeconds(5), base.plusSeconds(65))).as("nothing due yet").doesNotContain(tenant);
        assertThat(claim(base.plusSeconds(10), base.plusSeconds(70))).contains(tenant);
        assertThat(claim(base.plusSeconds(30), base.plusSeconds(90))).as("leased").doesNotContain(tenant);

        // The dispatcher's unit marks one sending: the lease ends, the center is due at the other one's time.
        update(tenant, a.state().markSending(base.plusSeconds(31)));
        assertThat(claim(base.plusSeconds(31), base.plusSeconds(91))).as("due again: b waits").contains(tenant);

        // Both sending: due again only when the first has been sending past the sweep delay (two minutes).
        update(tenant, b.state().markSending(base.plusSeconds(40)));
        assertThat(claim(base.plusSeconds(140), base.plusSeconds(200))).doesNotContain(tenant);
        assertThat(claim(base.plusSeconds(151), base.plusSeconds(211))).contains(tenant);
        List<QueuedMessage> stale = tx().inTenant(tenant, () -> outbox().sendingSince(tenant,
                base.plusSeconds(152).minus(Duration.ofMinutes(2)), 10));
        assertThat(stale).extracting(m -> m.state().id()).containsExactly(a.state().id());

        // Both settled: no work, the center leaves the queue.
        update(tenant, stale.get(0).state().outcomeUnknown(base.plusSeconds(152)));
        update(tenant, b.state().markSending(base.plusSeconds(40)).accepted("wamid.b", base.plusSeconds(41)));
        assertThat(claim(base.plus(Duration.ofDays(1)), base.plus(Duration.ofDays(2)))).doesNotContain(tenant);

        // A lease that ends by itself makes the center claimable again.
        QueuedMessage c = queued(tenant, client, Optional.empty(), base.plusSeconds(300));
        add(c);
        assertThat(claim(base.plusSeconds(300), base.plusSeconds(330))).contains(tenant);
        assertThat(claim(base.plusSeconds(329), base.plusSeconds(360))).doesNotContain(tenant);
        assertThat(claim(base.plusSeconds(330), base.plusSeconds(360))).contains(tenant);
    }

    @Test
    void listsPageNewestFirstForAClientOrAnAppointmentAndUncertainOldestFirst() {
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        AppointmentId appointment = new AppointmentId(UUID.randomUUID());
        List<OutboundMessageId> ofClient = new ArrayList<>();
        List<OutboundMessageId> ofAppointment = new ArrayList<>();
        List<OutboundMessage> uncertain = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two share a creation time: the id breaks the tie
            Instant at = BASE.plusSeconds(i == 4 ? 3 : i);
            QueuedMessage m = queued(tenant, client, i % 2 == 0 ? Optional.of(appointment) : Optional.empty(), at);
            add(m);
            ofClient.add(m.state().id());
            if (i % 2 == 0) {
                ofAppointment.add(m.state().id());
            }
            if (i < 3) {
                OutboundMessage u = m.state().markSending(BASE.plusSeconds(100)).outcomeUnknown(BASE.plusSeconds(200 - i));
                update(tenant, u);
                uncertain.add(u);
            }
        }
        add(queued(tenant, new ClientId(UUID.randomUUID()), Optional.empty(), BASE));

        List<OutboundMessageId> clientPages = pages(p -> outbox().ofClient(tenant, client, p), tenant);
        assertThat(clientPages).containsExactlyInAnyOrderElementsOf(ofClient);
        assertThat(clientPages).isEqualTo(sortedNewestFirst(tenant, clientPages));
        List<OutboundMessageId> appointmentPages = pages(p -> outbox().ofAppointment(tenant, appointment, p), tenant);
        assertThat(appointmentPages).containsExactlyInAnyOrderElementsOf(ofAppointment);
        assertThat(appointmentPages).isEqualTo(sortedNewestFirst(tenant, appointmentPages));
        List<OutboundMessageId> uncertainPages = pages(p -> outbox().uncertain(tenant, p), tenant);
        assertThat(uncertainPages).containsExactly(uncertain.get(2).id(), uncertain.get(1).id(), uncertain.get(0).id());
        assertThat(tx().inTenant(tenant, () -> outbox().allOfClient(tenant, client))).hasSize(7);
        assertThatThrownBy(() -> tx().inTenant(tenant, () -> outbox().ofClient(tenant, client,
                new PageRequest(2, Optional.of("not-a-cursor")))))
                .isInstanceOf(com.qleven.domain.shared.ValidationException.class);
    }

    private List<OutboundMessageId> sortedNewestFirst(TenantId tenant, List<OutboundMessageId> ids) {
        List<QueuedMessage> rows = new ArrayList<>();
        for (OutboundMessageId id : ids) {
            rows.add(find(tenant, id).orElseThrow());
        }
        List<QueuedMessage> sorted = new ArrayList<>(rows);
        sorted.sort((x, y) -> {
            int byTime = y.state().createdAt().compareTo(x.state().createdAt());
            if (byTime != 0) {
                return byTime;
            }
            // PostgreSQL's uuid order: unsigned bytes
            UUID a = y.state().id().value();
            UUID b = x.state().id().value();
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
        return sorted.stream().map(m -> m.state().id()).toList();
    }

    private List<OutboundMessageId> pages(java.util.function.Function<PageRequest, Page<QueuedMessage>> list,
                                          TenantId tenant) {
        List<OutboundMessageId> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> at = cursor;
            Page<QueuedMessage> page = tx().inTenant(tenant, () -> list.apply(new PageRequest(2, at)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(m -> out.add(m.state().id()));
            cursor = page.next();
        } while (cursor.isPresent());
        return out;
    }

    @Test
    void anErasureRemovesTheNeverAttemptedMessagesAndEmptiesTheParametersOfTheRest() {
        TenantId tenant = center();
        ClientId client = new ClientId(UUID.randomUUID());
        ClientId someoneElse = new ClientId(UUID.randomUUID());
        QueuedMessage waiting = queued(tenant, client, Optional.empty(), BASE);
        QueuedMessage skipped = queued(tenant, client, Optional.empty(), BASE);
        QueuedMessage sent = queued(tenant, client, Optional.empty(), BASE);
        QueuedMessage kept = queued(tenant, someoneElse, Optional.empty(), BASE);
        for (QueuedMessage m : List.of(waiting, skipped, sent, kept)) {
            add(m);
        }
        update(tenant, skipped.state().skip(SkipReason.NO_PHONE, BASE));
        update(tenant, sent.state().markSending(BASE).accepted("wamid.erased-" + UUID.randomUUID(), BASE));

        assertThat(tx().inTenant(tenant, () -> outbox().eraseClient(tenant, client))).isEqualTo(3);
        assertThat(find(tenant, waiting.state().id())).isEmpty();
        assertThat(find(tenant, skipped.state().id())).isEmpty();
        QueuedMessage left = find(tenant, sent.state().id()).orElseThrow();
        assertThat(left.state().status()).isEqualTo(MessageStatus.SENT);
        assertThat(left.sealedParameters()).isEmpty();
        assertThat(find(tenant, kept.state().id()).orElseThrow().sealedParameters()).isEqualTo(kept.sealedParameters());
        assertThat(tx().inTenant(tenant, () -> outbox().eraseClient(tenant, client))).as("again: nothing").isZero();
    }
}
