package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.StoredClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@code ClientRestrictions} implementation promises: restrictions per center,
 * idempotent, with since when and why; lifted once, restricted anew after a lifting.
 */
public abstract class ClientRestrictionsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private StoredClient client(TenantId tenant) {
        StoredClient c = ClientsContract.client(tenant, T0);
        store().shared().transactions().inTenant(tenant, () -> store().clients().clients().add(c, Set.of()));
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
        store().shared().transactions().inTenant(tenant, () -> {
            store().clients().clientRestrictions().restrict(tenant, restricted, Optional.empty(), null, T0);
            store().clients().clientRestrictions().restrict(tenant, restricted, Optional.empty(), null,
                    T0.plusSeconds(1));
        });

        assertThat(store().shared().transactions().inTenant(tenant, () -> store().clients().clientRestrictions()
                .restrictedAmong(tenant, List.of(restricted, free)))).containsExactly(restricted);
        assertThat(store().shared().transactions().inTenant(other, () -> store().clients().clientRestrictions()
                .restrictedAmong(tenant, List.of(restricted, free)))).isEmpty();
        assertThat(store().shared().transactions().inTenant(tenant, () -> store().clients().clientRestrictions()
                .restrictedAmong(tenant, List.of()))).isEmpty();
    }

    @Test
    void restrictedIfClientTellsExistenceAndRestrictionOfTheCenterOnly() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        ClientId restricted = client(tenant).id();
        ClientId free = client(tenant).id();
        ClientId lifted = client(tenant).id();
        ClientId elsewhere = client(other).id();
        var restrictions = store().clients().clientRestrictions();
        var transactions = store().shared().transactions();
        transactions.inTenant(tenant, () -> {
            restrictions.restrict(tenant, restricted, Optional.empty(), null, T0);
            restrictions.restrict(tenant, lifted, Optional.empty(), null, T0);
            restrictions.lift(tenant, lifted, new UserId(UUID.randomUUID()), new byte[] {9}, T0.plusSeconds(1));
        });
        transactions.inTenant(other, () -> restrictions.restrict(other, elsewhere, Optional.empty(), null, T0));

        assertThat(transactions.inTenant(tenant, () -> restrictions.restrictedIfClient(tenant, restricted)))
                .contains(true);
        assertThat(transactions.inTenant(tenant, () -> restrictions.restrictedIfClient(tenant, free)))
                .contains(false);
        assertThat(transactions.inTenant(tenant, () -> restrictions.restrictedIfClient(tenant, lifted)))
                .as("a lifted restriction no longer counts").contains(false);
        assertThat(transactions.inTenant(tenant, () -> restrictions.restrictedIfClient(tenant,
                new ClientId(UUID.randomUUID())))).as("unknown client").isEmpty();
        assertThat(transactions.inTenant(tenant, () -> restrictions.restrictedIfClient(tenant, elsewhere)))
                .as("another center's client").isEmpty();
        assertThat(transactions.inTenant(other, () -> restrictions.restrictedIfClient(tenant, restricted)))
                .as("read from another center's unit").isEmpty();
    }

    @Test
    void clientAndRestrictionReadsTheRowWithItsRestrictionInTheCenterOnly() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        StoredClient restricted = client(tenant);
        StoredClient free = client(tenant);
        StoredClient lifted = client(tenant);
        var restrictions = store().clients().clientRestrictions();
        var transactions = store().shared().transactions();
        transactions.inTenant(tenant, () -> {
            restrictions.restrict(tenant, restricted.id(), Optional.empty(), null, T0);
            restrictions.restrict(tenant, lifted.id(), Optional.empty(), null, T0);
            restrictions.lift(tenant, lifted.id(), new UserId(UUID.randomUUID()), new byte[] {9}, T0.plusSeconds(1));
        });

        ClientRestrictions.ClientAndRestriction found = transactions.inTenant(tenant,
                () -> restrictions.clientAndRestriction(tenant, restricted.id())).orElseThrow();
        assertThat(found.restricted()).isTrue();
        assertThat(found.client()).usingRecursiveComparison().isEqualTo(restricted);
        assertThat(transactions.inTenant(tenant, () -> restrictions.clientAndRestriction(tenant, free.id())))
                .get().extracting(ClientRestrictions.ClientAndRestriction::restricted).isEqualTo(false);
        assertThat(transactions.inTenant(tenant, () -> restrictions.clientAndRestriction(tenant, lifted.id())))
                .as("a lifted restriction no longer counts")
                .get().extracting(ClientRestrictions.ClientAndRestriction::restricted).isEqualTo(false);
        assertThat(transactions.inTenant(tenant, () -> restrictions.clientAndRestriction(tenant,
                new ClientId(UUID.randomUUID())))).as("unknown client").isEmpty();
        assertThat(transactions.inTenant(other, () -> restrictions.clientAndRestriction(tenant, restricted.id())))
                .as("read from another center's unit").isEmpty();
    }

    @Test
    void aRestrictionKeepsSinceAndWhyUntilLiftedAndMayBeRestrictedAnew() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        ClientId client = client(tenant).id();
        UUID request = UUID.randomUUID();
        UserId admin = new UserId(UUID.randomUUID());
        var restrictions = store().clients().clientRestrictions();
        assertThat(store().shared().transactions().inTenant(tenant, () -> restrictions.lift(tenant, client, admin,
                new byte[] {9}, T0))).as("nothing to lift yet").isFalse();
        store().shared().transactions().inTenant(tenant, () -> {
            restrictions.restrict(tenant, client, Optional.of(request), new byte[] {1, 2}, T0);
            restrictions.restrict(tenant, client, Optional.empty(), new byte[] {3}, T0.plusSeconds(5));
        });

        ClientRestrictions.Restriction first = store().shared().transactions().inTenant(tenant,
                () -> restrictions.active(tenant, client)).orElseThrow();
        assertThat(first.since()).isEqualTo(T0);
        assertThat(first.requestId()).contains(request);
        assertThat(first.sealedReason()).containsExactly(1, 2);

        assertThat(store().shared().transactions().inTenant(tenant, () -> restrictions.lift(tenant, client, admin,
                new byte[] {9}, T0.plusSeconds(10)))).isTrue();
        assertThat(store().shared().transactions().inTenant(tenant, () -> restrictions.active(tenant,
                client))).isEmpty();
        assertThat(store().shared().transactions().inTenant(tenant, () -> restrictions.lift(tenant, client, admin,
                new byte[] {9}, T0.plusSeconds(11)))).as("lifted once").isFalse();

        store().shared().transactions().inTenant(tenant, () -> restrictions.restrict(tenant, client, Optional.empty(),
                new byte[] {4}, T0.plusSeconds(20)));
        ClientRestrictions.Restriction again = store().shared().transactions().inTenant(tenant,
                () -> restrictions.active(tenant, client)).orElseThrow();
        assertThat(again.since()).isEqualTo(T0.plusSeconds(20));
        assertThat(again.requestId()).isEmpty();
        assertThat(again.sealedReason()).containsExactly(4);
    }
}
