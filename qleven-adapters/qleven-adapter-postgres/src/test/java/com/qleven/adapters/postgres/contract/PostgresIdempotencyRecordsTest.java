package com.qleven.adapters.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.ContractFixtures;
import com.qleven.ports.contract.IdempotencyRecordsContract;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.Transactions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresIdempotencyRecordsTest extends IdempotencyRecordsContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Override
    protected QlevenStore store() {
        return DB.store();
    }

    @Test
    void aKeyHeldByARunningUnitOfWorkIsBusyForAnotherAndDoneAfterItCommits() throws Exception {
        QlevenStore s = store();
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(s, tenant);
        IdempotencyRecords.Scope scope = new IdempotencyRecords.Scope(java.util.Optional.of(tenant), java.util.UUID.randomUUID());
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Transactions transactions = s.shared().transactions();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.inTenant(tenant, () -> {
            assertThat(s.shared().idempotencyRecords().claim(scope, "racing"))
                    .isInstanceOf(IdempotencyRecords.Fresh.class);
            claimed.countDown();
            await(release);
            s.shared().idempotencyRecords().save(scope, "racing", "hash", new byte[] {7}, ContractFixtures.T0);
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(s.shared().transactions().inTenant(tenant,
                () -> s.shared().idempotencyRecords().claim(scope, "racing")))
                .isInstanceOf(IdempotencyRecords.Busy.class);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(s.shared().transactions().inTenant(tenant,
                () -> s.shared().idempotencyRecords().claim(scope, "racing")))
                .isInstanceOf(IdempotencyRecords.Done.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
