package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.WebhookEvent;
import com.qleven.ports.messaging.out.WebhookInbox;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WebhookInbox} promises: events kept as given, claimed once per lease (oldest
 * first, never by two claimers at once), attempts counted, processed or unreadable events never claimed
 * again and purged after their time, and nothing of it visible to or writable by a center's unit.
 */
public abstract class WebhookInboxContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private Transactions tx() {
        return store().shared().transactions();
    }

    private WebhookInbox inbox() {
        return store().messaging().webhookInbox();
    }

    private WebhookEvent add(Instant receivedAt) {
        WebhookEvent event = new WebhookEvent(UUID.randomUUID(), receivedAt, randomBytes(64), Optional.empty(), 0);
        tx().global(() -> inbox().add(event));
        return event;
    }

    private List<UUID> claim(Instant now, Duration lease, Set<UUID> ours) {
        return tx().global(() -> inbox().claimUnprocessed(now, now.plus(lease), 10_000)).stream()
                .map(WebhookEvent::id).filter(ours::contains).toList();
    }

    @Test
    void anEventIsKeptAsGiven() {
        WebhookEvent event = add(T0);

        WebhookEvent read = tx().global(() -> inbox().find(event.id())).orElseThrow();

        assertThat(read.receivedAt()).isEqualTo(T0);
        assertThat(read.sealedBody()).isEqualTo(event.sealedBody());
        assertThat(read.processedAt()).isEmpty();
        assertThat(read.attempts()).isZero();
        assertThat(tx().global(() -> inbox().find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aClaimTakesUnprocessedEventsOldestFirstOncePerLeaseAndCountsTheAttempt() {
        Instant base = T0.plus(Duration.ofDays(1));
        WebhookEvent later = add(base.plusSeconds(2));
        WebhookEvent earlier = add(base.plusSeconds(1));
        Set<UUID> ours = Set.of(later.id(), earlier.id());

        assertThat(claim(base.plusSeconds(3), Duration.ofMinutes(1), ours)).containsExactly(earlier.id(), later.id());
        assertThat(claim(base.plusSeconds(30), Duration.ofMinutes(1), ours)).isEmpty();
        assertThat(tx().global(() -> inbox().find(earlier.id())).orElseThrow().attempts()).isEqualTo(1);

        // The lease ended without the event being marked: it is claimed again, its attempt counted.
        assertThat(claim(base.plusSeconds(3 + 60), Duration.ofMinutes(1), ours)).containsExactly(earlier.id(), later.id());
        assertThat(tx().global(() -> inbox().find(later.id())).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void processedAndUnreadableEventsAreNeverClaimedAgain() {
        Instant base = T0.plus(Duration.ofDays(2));
        WebhookEvent processed = add(base);
        WebhookEvent unreadable = add(base);
        WebhookEvent waiting = add(base);
        Set<UUID> ours = Set.of(processed.id(), unreadable.id(), waiting.id());
        long before = tx().global(() -> inbox().countUnprocessed());
        assertThat(claim(base, Duration.ofSeconds(10), ours)).hasSize(3);

        tx().global(() -> {
            inbox().markProcessed(processed.id(), base.plusSeconds(1));
            inbox().markUnreadable(unreadable.id(), base.plusSeconds(1));
        });

        assertThat(claim(base.plus(Duration.ofHours(1)), Duration.ofSeconds(10), ours)).containsExactly(waiting.id());
        assertThat(tx().global(() -> inbox().find(processed.id())).orElseThrow().processedAt())
                .contains(base.plusSeconds(1));
        assertThat(tx().global(() -> inbox().find(unreadable.id())).orElseThrow().processedAt())
                .contains(base.plusSeconds(1));
        assertThat(tx().global(() -> inbox().countUnprocessed())).isEqualTo(before - 2);
        // Marking twice keeps the first time.
        tx().global(() -> inbox().markProcessed(processed.id(), base.plusSeconds(9)));
        assertThat(tx().global(() -> inbox().find(processed.id())).orElseThrow().processedAt())
                .contains(base.plusSeconds(1));
    }

    @Test
    void onlyProcessedEventsReceivedBeforeTheCutoffArePurged() {
        Instant base = T0.minus(Duration.ofDays(400));
        WebhookEvent oldProcessed = add(base);
        WebhookEvent oldWaiting = add(base);
        WebhookEvent recentProcessed = add(base.plus(Duration.ofDays(10)));
        tx().global(() -> {
            inbox().markProcessed(oldProcessed.id(), base.plusSeconds(1));
            inbox().markProcessed(recentProcessed.id(), base.plus(Duration.ofDays(10)));
        });

        int purged = tx().global(() -> inbox().purgeProcessedBefore(base.plus(Duration.ofDays(7)), 1000));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(tx().global(() -> inbox().find(oldProcessed.id()))).isEmpty();
        assertThat(tx().global(() -> inbox().find(oldWaiting.id()))).isPresent();
        assertThat(tx().global(() -> inbox().find(recentProcessed.id()))).isPresent();
    }

    @Test
    void aCentersUnitNeitherSeesNorWritesAnEvent() {
        TenantId center = newTenant();
        addCenter(store(), center);
        WebhookEvent event = add(T0.plus(Duration.ofDays(3)));

        assertThat(tx().inTenant(center, () -> inbox().find(event.id()))).isEmpty();
        assertThat(tx().inTenant(center, () -> inbox().claimUnprocessed(T0.plus(Duration.ofDays(4)),
                T0.plus(Duration.ofDays(5)), 10_000))).isEmpty();
        assertThatThrownBy(() -> tx().inTenant(center, () -> inbox().add(new WebhookEvent(UUID.randomUUID(), T0,
                randomBytes(8), Optional.empty(), 0)))).isInstanceOf(RuntimeException.class);
        assertThat(tx().global(() -> inbox().find(event.id())).orElseThrow().attempts()).isZero();
    }

    @Test
    void claimersSideBySideNeverTakeTheSameEvent() throws Exception {
        Instant base = T0.plus(Duration.ofDays(5));
        Set<UUID> ours = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 40; i++) {
            ours.add(add(base.plusMillis(i)).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<UUID>>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    List<UUID> mine = new java.util.ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        mine.addAll(tx().global(() -> inbox().claimUnprocessed(base.plusSeconds(1),
                                base.plus(Duration.ofHours(1)), 3)).stream().map(WebhookEvent::id)
                                .filter(ours::contains).toList());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<UUID> all = new java.util.ArrayList<>();
            for (Future<List<UUID>> f : claims) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates();
            assertThat(Set.copyOf(all)).isEqualTo(Set.copyOf(ours));
        } finally {
            pool.shutdownNow();
        }
    }
}
