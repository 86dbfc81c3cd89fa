package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.contract.ClientsContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row-level security under the possible-duplicate flags (V20): a statement that leaves out the
 * tenant filter on purpose, in another center's unit, sees none of a center's flags and cannot
 * write one; the superuser's count shows they are there.
 */
class ClientDuplicatesRowLevelSecurityTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static final TenantId A = newTenant();
    private static final TenantId B = newTenant();
    private static StoredClient fresh;
    private static StoredClient existing;

    @BeforeAll
    static void twoFlagsOfOneCenter() {
        QlevenStore store = DB.store();
        addCenter(store, A);
        addCenter(store, B);
        fresh = ClientsContract.client(A, T0);
        existing = ClientsContract.client(A, T0);
        StoredClient third = ClientsContract.client(A, T0);
        store.shared().transactions().inTenant(A, () -> {
            store.clients().clients().add(fresh, Set.of());
            store.clients().clients().add(existing, Set.of());
            store.clients().clients().add(third, Set.of());
            store.clients().clientDuplicates().addAll(A, List.of(
                    ClientDuplicates.Flag.open(new ClientDuplicateId(UUID.randomUUID()), fresh.id(), existing.id(),
                            DuplicateMatch.PHONE, DuplicateSource.ONLINE_BOOKING, Optional.empty(), T0),
                    ClientDuplicates.Flag.open(new ClientDuplicateId(UUID.randomUUID()), fresh.id(), third.id(),
                            DuplicateMatch.EMAIL, DuplicateSource.ONLINE_BOOKING, Optional.empty(), T0)));
        });
    }

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static long countIn(TenantId tenant) {
        return tx().inTenant(tenant, () -> tx().withHandle("count", h -> h.createQuery(
                "SELECT count(*) FROM public.client_duplicates").mapTo(Long.class).one()));
    }

    @Test
    void aQueryWithoutATenantFilterSeesOnlyItsOwnCenter() throws Exception {
        try (Connection c = TestDatabases.superuserConnection(DB.settings()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.client_duplicates WHERE tenant_id = '"
                     + A.value() + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("control: center A has flags").isEqualTo(2);
        }
        assertThat(countIn(A)).isEqualTo(2);
        assertThat(countIn(B)).isZero();
    }

    @Test
    void anotherCentersUnitCannotWriteOrTouchItsFlags() {
        Integer updated = tx().inTenant(B, () -> tx().withHandle("update", h -> h.createUpdate(
                "UPDATE public.client_duplicates SET dismissed_at = now(), dismissed_by = gen_random_uuid()")
                .execute()));
        Integer deleted = tx().inTenant(B, () -> tx().withHandle("delete", h -> h.createUpdate(
                "DELETE FROM public.client_duplicates").execute()));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(countIn(A)).isEqualTo(2);
        assertThatThrownBy(() -> tx().inTenant(B, () -> tx().withHandle("insert", h -> h.createUpdate(
                "INSERT INTO public.client_duplicates (tenant_id, id, client_id, other_client_id, matched_on, source,"
                        + " flagged_at) VALUES ('" + A.value() + "', gen_random_uuid(), '" + existing.id() + "', '"
                        + fresh.id() + "', 'phone', 'online_booking', now())")
                .execute()))).isInstanceOf(InfrastructureException.class);
    }
}
