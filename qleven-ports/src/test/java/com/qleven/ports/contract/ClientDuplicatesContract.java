package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.ClientDuplicates.Dismissal;
import com.qleven.ports.clients.out.ClientDuplicates.Flag;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code ClientDuplicates} implementation promises: flags per center, added together,
 * listed open and oldest first in keyset pages, dismissed once (telling unknown, dismissed before
 * and dismissed now apart), found and removed by either client of the pair.
 */
public abstract class ClientDuplicatesContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private ClientDuplicates flags() {
        return store().clients().clientDuplicates();
    }

    private Transactions transactions() {
        return store().shared().transactions();
    }

    private ClientId client(TenantId tenant) {
        StoredClient c = ClientsContract.client(tenant, T0);
        transactions().inTenant(tenant, () -> store().clients().clients().add(c, Set.of()));
        return c.id();
    }

    private static Flag flag(ClientId client, ClientId other, DuplicateMatch on, int second) {
        return Flag.open(new ClientDuplicateId(UUID.randomUUID()), client, other, on, DuplicateSource.ONLINE_BOOKING,
                Optional.of(UUID.randomUUID()), T0.plusSeconds(second));
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    @Test
    void flagsAddedTogetherAreListedOpenOldestFirstInPagesOfTheirCenterOnly() {
        TenantId tenant = center();
        TenantId other = center();
        ClientId fresh = client(tenant);
        List<Flag> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Added newest first: the list orders them itself.
            added.add(flag(fresh, client(tenant), DuplicateMatch.PHONE, 10 - i));
        }
        transactions().inTenant(tenant, () -> flags().addAll(tenant, added));
        transactions().inTenant(tenant, () -> flags().addAll(tenant, List.of()));
        ClientId elsewhere = client(other);
        transactions().inTenant(other, () -> flags().addAll(other, List.of(flag(elsewhere, client(other),
                DuplicateMatch.EMAIL, 0))));

        List<Flag> seen = new ArrayList<>();
        PageRequest page = new PageRequest(2, Optional.empty());
        while (true) {
            PageRequest request = page;
            Page<Flag> found = transactions().inTenant(tenant, () -> flags().open(tenant, request));
            seen.addAll(found.items());
            if (found.next().isEmpty()) {
                break;
            }
            page = new PageRequest(2, found.next());
        }
        List<Flag> oldestFirst = new ArrayList<>(added);
        java.util.Collections.reverse(oldestFirst);
        assertThat(seen).containsExactlyElementsOf(oldestFirst);
        assertThat(seen.get(0).appointment()).isEqualTo(added.get(4).appointment());
        assertThat(seen.get(0).matchedOn()).isEqualTo(DuplicateMatch.PHONE);
        assertThat(seen.get(0).source()).isEqualTo(DuplicateSource.ONLINE_BOOKING);
        assertThat(transactions().inTenant(other, () -> flags().open(tenant, PageRequest.first()).items()))
                .as("read from another center's unit").isEmpty();
        assertThat(transactions().inTenant(other, () -> flags().open(other, PageRequest.first()).items()))
                .extracting(Flag::client).containsExactly(elsewhere);
        assertThatThrownBy(() -> transactions().inTenant(tenant, () -> flags().open(tenant,
                new PageRequest(2, Optional.of("not a cursor"))))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aPairIsFlaggedOnceAndAFailedAddAddsNone() {
        TenantId tenant = center();
        ClientId fresh = client(tenant);
        ClientId existing = client(tenant);
        transactions().inTenant(tenant, () -> flags().addAll(tenant, List.of(flag(fresh, existing,
                DuplicateMatch.BOTH, 0))));
        ClientId third = client(tenant);
        assertThatThrownBy(() -> transactions().inTenant(tenant, () -> flags().addAll(tenant, List.of(
                flag(fresh, third, DuplicateMatch.PHONE, 1), flag(fresh, existing, DuplicateMatch.PHONE, 1)))))
                .isInstanceOf(ConflictException.class);
        assertThat(transactions().inTenant(tenant, () -> flags().naming(tenant, fresh)))
                .extracting(Flag::other).containsExactly(existing);
    }

    @Test
    void aFlagIsDismissedOnceByWhomAndWhenAndLeavesTheOpenList() {
        TenantId tenant = center();
        TenantId other = center();
        ClientId fresh = client(tenant);
        Flag kept = flag(fresh, client(tenant), DuplicateMatch.PHONE, 0);
        Flag dismissed = flag(fresh, client(tenant), DuplicateMatch.EMAIL, 1);
        transactions().inTenant(tenant, () -> flags().addAll(tenant, List.of(kept, dismissed)));
        UserId by = newUser();

        assertThat(transactions().inTenant(other, () -> flags().dismiss(other, dismissed.id(), by, T0)))
                .as("another center's flag").isEqualTo(Dismissal.NOT_FOUND);
        assertThat(transactions().inTenant(tenant, () -> flags().dismiss(tenant,
                new ClientDuplicateId(UUID.randomUUID()), by, T0))).isEqualTo(Dismissal.NOT_FOUND);
        assertThat(transactions().inTenant(tenant, () -> flags().dismiss(tenant, dismissed.id(), by,
                T0.plusSeconds(60)))).isEqualTo(Dismissal.DISMISSED);
        assertThat(transactions().inTenant(tenant, () -> flags().dismiss(tenant, dismissed.id(), newUser(),
                T0.plusSeconds(90)))).isEqualTo(Dismissal.ALREADY_DISMISSED);

        assertThat(transactions().inTenant(tenant, () -> flags().open(tenant, PageRequest.first()).items()))
                .containsExactly(kept);
        Flag after = transactions().inTenant(tenant, () -> flags().naming(tenant, fresh)).stream()
                .filter(f -> f.id().equals(dismissed.id())).findFirst().orElseThrow();
        assertThat(after.dismissedAt()).contains(T0.plusSeconds(60));
        assertThat(after.dismissedBy()).contains(by);
        assertThat(after.isOpen()).isFalse();
    }

    @Test
    void flagsAreFoundAndRemovedByEitherClientOfThePair() {
        TenantId tenant = center();
        ClientId first = client(tenant);
        ClientId second = client(tenant);
        ClientId existing = client(tenant);
        ClientId unrelated = client(tenant);
        Flag a = flag(first, existing, DuplicateMatch.PHONE, 0);
        Flag b = flag(second, existing, DuplicateMatch.PHONE, 1);
        Flag c = flag(second, first, DuplicateMatch.EMAIL, 2);
        Flag d = flag(unrelated, client(tenant), DuplicateMatch.BOTH, 3);
        transactions().inTenant(tenant, () -> flags().addAll(tenant, List.of(a, b, c, d)));

        assertThat(transactions().inTenant(tenant, () -> flags().naming(tenant, existing))).containsExactly(a, b);
        assertThat(transactions().inTenant(tenant, () -> flags().naming(tenant, first))).containsExactly(a, c);
        assertThat(a.otherThan(existing)).isEqualTo(first);
        assertThat(a.otherThan(first)).isEqualTo(existing);

        transactions().inTenant(tenant, () -> flags().removeNaming(tenant, first));
        assertThat(transactions().inTenant(tenant, () -> flags().naming(tenant, first))).isEmpty();
        assertThat(transactions().inTenant(tenant, () -> flags().open(tenant, PageRequest.first()).items()))
                .containsExactly(b, d);
        TenantId other = center();
        transactions().inTenant(other, () -> flags().removeNaming(tenant, existing));
        assertThat(transactions().inTenant(tenant, () -> flags().naming(tenant, existing)))
                .as("removed from another center's unit").containsExactly(b);
    }
}
