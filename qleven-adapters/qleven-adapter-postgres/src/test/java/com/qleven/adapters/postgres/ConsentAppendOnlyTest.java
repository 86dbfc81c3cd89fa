package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.consent.out.StoredConsent;
import com.qleven.ports.contract.ClientsContract;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consent ledger is append-only in the database itself, through the pool's own role: a decision
 * cannot be edited nor a row deleted, even by SQL that skips the repository; only blanking a proof
 * and deleting the client (erasure) touch its rows.
 */
class ConsentAppendOnlyTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static <T> T in(TenantId tenant, Function<Handle, T> sql) {
        return tx().inTenant(tenant, () -> tx().withHandle("test", sql));
    }

    private record Ledger(TenantId tenant, ClientId client) {
    }

    private static Ledger aClientWithAGrant() {
        TenantId tenant = newTenant();
        addCenter(DB.store(), tenant);
        StoredClient client = ClientsContract.client(tenant, T0);
        StoredConsent grant = new StoredConsent(new ConsentEntryId(UUID.randomUUID()), tenant, client.id(),
                ConsentPurpose.MARKETING, ConsentDecision.GRANTED, ConsentChannel.IN_PERSON,
                new ConsentNotice("v1", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                randomBytes(50), Optional.of(newUser()), T0, true);
        tx().inTenant(tenant, () -> {
            DB.store().clients().clients().add(client, Set.of());
            DB.store().consent().consentLedger().append(grant);
        });
        return new Ledger(tenant, client.id());
    }

    private static long rows(Ledger l) {
        return in(l.tenant(), h -> h.createQuery("SELECT count(*) FROM consent_entries WHERE client_id = :c")
                .bind("c", l.client().value()).mapTo(Long.class).one());
    }

    @Test
    void a_decision_cannot_be_changed_nor_an_entry_deleted() {
        Ledger l = aClientWithAGrant();
        assertThatThrownBy(() -> in(l.tenant(), h -> h.execute(
                "UPDATE consent_entries SET decision = 'withdrawn' WHERE client_id = ?", l.client().value())))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> in(l.tenant(), h -> h.execute(
                "UPDATE consent_entries SET decision = 'withdrawn', proof = NULL WHERE client_id = ?",
                l.client().value()))).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> in(l.tenant(), h -> h.execute(
                "DELETE FROM consent_entries WHERE client_id = ?", l.client().value())))
                .hasStackTraceContaining("append-only");
        assertThat(DB.store().consent().consentLedger().history(l.tenant(), l.client()))
                .singleElement().satisfies(e -> {
                    assertThat(e.decision()).isEqualTo(ConsentDecision.GRANTED);
                    assertThat(e.proof()).isNotNull();
                });
    }

    @Test
    void blanking_the_proof_is_the_one_update_allowed() {
        Ledger l = aClientWithAGrant();
        int blanked = in(l.tenant(), h -> h.execute("UPDATE consent_entries SET proof = NULL WHERE client_id = ?",
                l.client().value()));
        assertThat(blanked).isEqualTo(1);
        assertThat(DB.store().consent().consentLedger().history(l.tenant(), l.client()))
                .singleElement().satisfies(e -> {
                    assertThat(e.proof()).isNull();
                    assertThat(e.decision()).isEqualTo(ConsentDecision.GRANTED);
                });
    }

    @Test
    void deleting_the_client_takes_its_entries_with_it() {
        Ledger l = aClientWithAGrant();
        Ledger other = aClientWithAGrant();
        in(l.tenant(), h -> h.execute("DELETE FROM clients WHERE id = ?", l.client().value()));
        assertThat(rows(l)).isZero();
        assertThat(rows(other)).isEqualTo(1);
    }
}
