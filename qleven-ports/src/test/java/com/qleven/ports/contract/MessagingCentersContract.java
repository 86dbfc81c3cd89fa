package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.messaging.FrequencyCap;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.MessagingCenters;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code MessagingCenters} promises: nothing until a first save, every setting read back
 * exactly (reminder offsets in order, rate, retention, the center's STOP words as written and its
 * marketing cap), a save only from the version stored, and nothing of another center ever seen.
 */
public abstract class MessagingCentersContract {
    protected abstract QlevenStore store();

    private MessagingCenters centers() {
        return store().messaging().centers();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private static final MessagingSettings CHANGED = new MessagingSettings(
            new ReminderSchedule(List.of(Duration.ofDays(2), Duration.ofMinutes(90))), 12, Duration.ofDays(30),
            List.of("Basta!", "no más mensajes", "توقف الآن"), new FrequencyCap(2, Duration.ofDays(7)));

    @Test
    void everySettingIsReadBackExactlyInItsCenterOnly() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        assertThat(in(tenant, () -> centers().read(tenant))).isEmpty();

        assertThat(in(tenant, () -> centers().save(tenant, CHANGED, 0, T0))).isTrue();

        assertThat(in(tenant, () -> centers().read(tenant))).contains(new MessagingCenters.Saved(CHANGED, 1));
        assertThat(in(tenant, () -> centers().find(tenant))).contains(CHANGED);
        assertThat(in(other, () -> centers().read(tenant))).as("another center's unit sees nothing").isEmpty();
        assertThat(in(other, () -> centers().read(other))).isEmpty();
    }

    @Test
    void aSaveGoesOnlyFromTheStoredVersionAndReplacesEverySetting() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        assertThat(in(tenant, () -> centers().save(tenant, MessagingSettings.defaults(), 0, T0))).isTrue();
        assertThat(in(tenant, () -> centers().save(tenant, CHANGED, 0, T0))).as("a second first save").isFalse();
        assertThat(in(tenant, () -> centers().save(tenant, CHANGED, 2, T0))).as("a version not stored").isFalse();
        assertThat(in(tenant, () -> centers().read(tenant)))
                .contains(new MessagingCenters.Saved(MessagingSettings.defaults(), 1));

        assertThat(in(tenant, () -> centers().save(tenant, CHANGED, 1, T0.plusSeconds(1)))).isTrue();
        assertThat(in(tenant, () -> centers().read(tenant))).contains(new MessagingCenters.Saved(CHANGED, 2));

        MessagingSettings back = new MessagingSettings(ReminderSchedule.standard(), 40, Duration.ofDays(90),
                List.of(), FrequencyCap.standard());
        assertThat(in(tenant, () -> centers().save(tenant, back, 2, T0.plusSeconds(2)))).isTrue();
        assertThat(in(tenant, () -> centers().find(tenant))).contains(back);
        assertThat(in(tenant, () -> centers().read(tenant)).map(MessagingCenters.Saved::version))
                .isEqualTo(Optional.of(3L));
    }
}
