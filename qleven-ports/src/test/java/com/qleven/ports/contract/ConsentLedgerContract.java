package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.consent.out.StoredConsent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code ConsentLedger} promises: entries come back byte for byte, oldest first (equal
 * times in the order appended); the latest entry of a purpose at an instant ignores later ones; an
 * entry needs a client of its center; erasing proofs keeps the decisions; no center sees another's.
 */
public abstract class ConsentLedgerContract {
    private static final ConsentNotice NOTICE = new ConsentNotice("2026-03",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private ClientId client(TenantId tenant) {
        StoredClient client = ClientsContract.client(tenant, T0);
        in(tenant, () -> {
            store().clients().clients().add(client, Set.of());
            return null;
        });
        return client.id();
    }

    private static StoredConsent entry(TenantId tenant, ClientId client, ConsentPurpose purpose,
                                       ConsentDecision decision, Instant at) {
        return new StoredConsent(new ConsentEntryId(UUID.randomUUID()), tenant, client, purpose, decision,
                ConsentChannel.IN_PERSON, NOTICE, randomBytes(60), Optional.of(newUser()), at, true);
    }

    private void append(StoredConsent entry) {
        in(entry.tenant(), () -> {
            store().consent().consentLedger().append(entry);
            return null;
        });
    }

    @Test
    public void entries_come_back_byte_for_byte_oldest_first() {
        TenantId tenant = center();
        ClientId client = client(tenant);
        StoredConsent later = entry(tenant, client, ConsentPurpose.MARKETING, ConsentDecision.GRANTED,
                T0.plusSeconds(60));
        StoredConsent earlier = new StoredConsent(new ConsentEntryId(UUID.randomUUID()), tenant, client,
                ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN, ConsentChannel.WHATSAPP_REPLY, NOTICE, null,
                Optional.empty(), T0, false);
        append(later);
        append(earlier);

        List<StoredConsent> history = in(tenant, () -> store().consent().consentLedger().history(tenant, client));
        assertThat(history).usingRecursiveFieldByFieldElementComparator().containsExactly(earlier, later);
        assertThat(in(tenant, () -> store().consent().consentLedger().history(tenant, client(tenant)))).isEmpty();
    }

    @Test
    public void entries_of_the_same_instant_keep_the_order_they_were_appended_in() {
        TenantId tenant = center();
        ClientId client = client(tenant);
        // Appended in the reverse of their ids' order, so neither id order can pass for append order.
        StoredConsent grant = entry(tenant, client, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, T0);
        StoredConsent withdrawal = new StoredConsent(new ConsentEntryId(new UUID(0, 1)), tenant, client,
                ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN, ConsentChannel.API, NOTICE, null,
                Optional.empty(), T0, true);
        append(grant);
        append(withdrawal);

        assertThat(in(tenant, () -> store().consent().consentLedger().history(tenant, client)))
                .extracting(StoredConsent::id).containsExactly(grant.id(), withdrawal.id());
        assertThat(in(tenant, () -> store().consent().consentLedger().latest(tenant, client, ConsentPurpose.WHATSAPP,
                T0)))
                .get().extracting(StoredConsent::decision).isEqualTo(ConsentDecision.WITHDRAWN);
    }

    @Test
    public void the_latest_entry_of_a_purpose_at_an_instant_ignores_later_entries_and_other_purposes() {
        TenantId tenant = center();
        ClientId client = client(tenant);
        StoredConsent grant = entry(tenant, client, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, T0);
        StoredConsent marketing = entry(tenant, client, ConsentPurpose.MARKETING, ConsentDecision.GRANTED,
                T0.plusSeconds(30));
        StoredConsent withdrawal = entry(tenant, client, ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN,
                T0.plusSeconds(60));
        append(grant);
        append(marketing);
        append(withdrawal);

        assertThat(latest(tenant, client, ConsentPurpose.WHATSAPP, T0.minusNanos(1000))).isEmpty();
        assertThat(latest(tenant, client, ConsentPurpose.WHATSAPP, T0)).contains(grant.id());
        assertThat(latest(tenant, client, ConsentPurpose.WHATSAPP, T0.plusSeconds(60).minusNanos(1000)))
                .contains(grant.id());
        assertThat(latest(tenant, client, ConsentPurpose.WHATSAPP, T0.plusSeconds(60))).contains(withdrawal.id());
        assertThat(latest(tenant, client, ConsentPurpose.MARKETING, T0.plus(Duration.ofDays(400))))
                .contains(marketing.id());
        assertThat(latest(tenant, client, new ConsentPurpose("newsletter"), T0.plusSeconds(90))).isEmpty();
    }

    private Optional<ConsentEntryId> latest(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at) {
        return in(tenant, () -> store().consent().consentLedger().latest(tenant, client, purpose,
                at)).map(StoredConsent::id);
    }

    @Test
    public void an_entry_needs_a_client_of_its_own_center() {
        TenantId a = center();
        TenantId b = center();
        ClientId ofB = client(b);

        assertThatThrownBy(() -> append(entry(a, ofB, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, T0)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> append(entry(a, new ClientId(UUID.randomUUID()), ConsentPurpose.WHATSAPP,
                ConsentDecision.GRANTED, T0))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> in(a, () -> {
            store().consent().consentLedger().append(entry(b, ofB, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED,
                    T0));
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(in(b, () -> store().consent().consentLedger().history(b, ofB))).isEmpty();
    }

    @Test
    public void another_center_sees_none_of_the_entries() {
        TenantId a = center();
        TenantId b = center();
        ClientId client = client(a);
        append(entry(a, client, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, T0));

        assertThat(in(b, () -> store().consent().consentLedger().history(a, client))).isEmpty();
        assertThat(in(b, () -> store().consent().consentLedger().latest(a, client, ConsentPurpose.WHATSAPP,
                T0))).isEmpty();
        assertThat(in(b, () -> store().consent().consentLedger().eraseProofs(a, client))).isZero();
        assertThat(in(a, () -> store().consent().consentLedger().history(a, client)).get(0).proof()).isNotNull();
    }

    @Test
    public void erasing_proofs_blanks_them_and_keeps_every_decision() {
        TenantId tenant = center();
        ClientId client = client(tenant);
        ClientId other = client(tenant);
        StoredConsent grant = entry(tenant, client, ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, T0);
        StoredConsent withdrawal = entry(tenant, client, ConsentPurpose.WHATSAPP, ConsentDecision.WITHDRAWN,
                T0.plusSeconds(1));
        StoredConsent othersGrant = entry(tenant, other, ConsentPurpose.MARKETING, ConsentDecision.GRANTED, T0);
        append(grant);
        append(withdrawal);
        append(othersGrant);

        assertThat(in(tenant, () -> store().consent().consentLedger().eraseProofs(tenant, client))).isEqualTo(2);
        assertThat(in(tenant, () -> store().consent().consentLedger().eraseProofs(tenant, client))).isZero();

        List<StoredConsent> history = in(tenant, () -> store().consent().consentLedger().history(tenant, client));
        assertThat(history).extracting(StoredConsent::proof).containsOnlyNulls();
        assertThat(history).usingRecursiveFieldByFieldElementComparatorIgnoringFields("proof")
                .containsExactly(grant, withdrawal);
        assertThat(in(tenant, () -> store().consent().consentLedger().history(tenant, other)))
                .usingRecursiveFieldByFieldElementComparator().containsExactly(othersGrant);
    }

    @Test
    public void a_failed_unit_of_work_leaves_no_entry() {
        TenantId tenant = center();
        ClientId client = client(tenant);
        assertThatThrownBy(() -> in(tenant, () -> {
            store().consent().consentLedger().append(entry(tenant, client, ConsentPurpose.WHATSAPP,
                    ConsentDecision.GRANTED, T0));
            throw new IllegalStateException("the audit failed");
        })).hasMessage("the audit failed");
        assertThat(in(tenant, () -> store().consent().consentLedger().history(tenant, client))).isEmpty();
    }
}
