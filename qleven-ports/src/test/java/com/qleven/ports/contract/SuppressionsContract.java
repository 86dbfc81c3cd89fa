package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import org.junit.jupiter.api.Test;

/** What every {@code Suppressions} implementation promises: entries per center, added idempotently. */
public abstract class SuppressionsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private boolean contains(TenantId unit, TenantId tenant, BlindIndex key) {
        return store().shared().transactions().inTenant(unit, () -> store().privacy().suppressions().contains(tenant,
                key));
    }

    @Test
    void anEntryIsFoundOnlyInItsCenterAndAddingItTwiceIsHarmless() {
        TenantId tenant = center();
        TenantId other = center();
        BlindIndex key = newBlindIndex();
        store().shared().transactions().inTenant(tenant, () -> {
            store().privacy().suppressions().add(tenant, key, T0);
            store().privacy().suppressions().add(tenant, key, T0.plusSeconds(5));
        });

        assertThat(contains(tenant, tenant, key)).isTrue();
        assertThat(contains(tenant, tenant, newBlindIndex())).isFalse();
        assertThat(contains(other, other, key)).isFalse();
        assertThat(contains(other, tenant, key)).isFalse();
    }
}
