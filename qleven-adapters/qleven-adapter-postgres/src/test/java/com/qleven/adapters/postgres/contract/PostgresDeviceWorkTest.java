package com.qleven.adapters.postgres.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.application.QlevenStore;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.DeviceWorkContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDeviceWorkTest extends DeviceWorkContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Override
    protected QlevenStore store() {
        return DB.store();
    }

    /** Two dispatchers in one center at once: the second skips the commands the first holds. */
    @Test
    void aSecondUnitSkipsTheCommandsTheFirstHoldsLocked() throws Exception {
        QlevenStore store = store();
        TenantId tenant = newTenant();
        addCenter(store, tenant);
        Instant at = T0.plusSeconds(5);
        DeviceId device = new DeviceId(UUID.randomUUID());
        store.shared().transactions().inTenant(tenant, () -> {
            for (int i = 0; i < 4; i++) {
                store.deviceWork().commands().add(tenant, DeviceCommand.queue(new DeviceCommandId(UUID.randomUUID()),
                        device, CommandType.STOP, Map.of(), Optional.empty(), newUser(), at.plusMillis(i),
                        Duration.ofSeconds(60)));
            }
            return null;
        });
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<DeviceCommand>> first = CompletableFuture.supplyAsync(() ->
                store.shared().transactions().inTenant(tenant, () -> {
                    List<DeviceCommand> locked = store.deviceWork().commands().lockDue(tenant, at.plusSeconds(1), 2);
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return locked;
                }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        List<DeviceCommand> second = store.shared().transactions().inTenant(tenant,
                () -> store.deviceWork().commands().lockDue(tenant, at.plusSeconds(1), 10));
        release.countDown();
        List<DeviceCommand> firstLocked = first.get(30, TimeUnit.SECONDS);
        assertThat(firstLocked).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(second).extracting(DeviceCommand::id)
                .doesNotContainAnyElementsOf(firstLocked.stream().map(DeviceCommand::id).toList());
    }
}
