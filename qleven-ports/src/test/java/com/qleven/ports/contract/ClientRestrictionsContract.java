package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.StoredClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code ClientRestrictions} implementation promises: restrictions per center, idempotent. */
public abstract class ClientRestrictionsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private StoredClient client(TenantId tenant) {
        StoredClient c = ClientsContract.client(tenant, T0);
        store().transactions().inTenant(tenant, () -> store().clients().add(c, Set.of()));
        return c;
    }

    @Test
    void onlyTheRestrictedClientsOfTheCenterAreFound() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        ClientId restricted = client(tenant).id();
        ClientId free = client(tenant).id();
        store().transactions().inTenant(tenant, () -> {
            store().clientRestrictions().restrict(tenant, restricted, T0);
            store().clientRestrictions().restrict(tenant, restricted, T0.plusSeconds(1));
        });

        assertThat(store().transactions().inTenant(tenant, () -> store().clientRestrictions()
                .restrictedAmong(tenant, List.of(restricted, free)))).containsExactly(restricted);
        assertThat(store().transactions().inTenant(other, () -> store().clientRestrictions()
                .restrictedAmong(tenant, List.of(restricted, free)))).isEmpty();
        assertThat(store().transactions().inTenant(tenant, () -> store().clientRestrictions()
                .restrictedAmong(tenant, List.of()))).isEmpty();
    }
}
