package com.qleven.adapters.postgres.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.OutboxContract;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOutboxTest extends OutboxContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Override
    protected QlevenStore store() {
        return DB.store();
    }

    /**
     * Two units open at once (which only PostgreSQL has): the second skips what the first holds
     * rather than waiting for it or taking it too.
     */
    @Test
    void aSecondUnitSkipsTheMessagesTheFirstHoldsLocked() throws Exception {
        QlevenStore store = store();
        TenantId tenant = newTenant();
        addCenter(store, tenant);
        ClientId client = new ClientId(UUID.randomUUID());
        Instant at = T0.plusSeconds(5);
        store.shared().transactions().inTenant(tenant, () -> {
            for (int i = 0; i < 4; i++) {
                store.messaging().outbox().add(new QueuedMessage(tenant,
                        OutboundMessage.queue(new OutboundMessageId(UUID.randomUUID()), MessagePurpose.CONFIRMATION,
                                at.plusMillis(i)), client, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), new byte[] {1}));
            }
            return null;
        });
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<QueuedMessage>> first = CompletableFuture.supplyAsync(() ->
                store.shared().transactions().inTenant(tenant, () -> {
                    List<QueuedMessage> locked = store.messaging().outbox().lockDue(tenant, at.plusSeconds(1), 2);
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return locked;
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        List<QueuedMessage> second = store.shared().transactions().inTenant(tenant,
                () -> store.messaging().outbox().lockDue(tenant, at.plusSeconds(1), 10));
        release.countDown();
        List<QueuedMessage> firstLocked = first.get(30, TimeUnit.SECONDS);
        assertThat(firstLocked).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(second).extracting(m -> m.state().id())
                .doesNotContainAnyElementsOf(firstLocked.stream().map(m -> m.state().id()).toList());
    }
}
