package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WaitlistEntries} promises: the queue per center, oldest first; a freed slot goes
 * to the first waiting match, never twice to an entry whose offer of it lapsed.
 */
public abstract class WaitlistEntriesContract {
    private static final LocalDate DAY = LocalDate.parse("2030-03-05");

    protected abstract QlevenStore store();

    private static WaitlistEntry waiting(ServiceId service, UserId professional, Instant createdAt) {
        return new WaitlistEntry(new WaitlistEntryId(UUID.randomUUID()), new ClientId(UUID.randomUUID()), service,
                DAY.minusDays(2), DAY.plusDays(2), professional, WaitlistStatus.WAITING, null, createdAt);
    }

    @Test
    void aClientsOpenEntriesAreReadInOneGoOldestFirstInTheirCenterOnly() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var waitlist = store().scheduling().waitlist();
        var tx = store().shared().transactions();
        ServiceId service = new ServiceId(UUID.randomUUID());
        ClientId client = new ClientId(UUID.randomUUID());
        WaitlistEntry older = withClient(waiting(service, null, T0), client);
        WaitlistEntry newer = withClient(waiting(service, null, T0.plusSeconds(5)), client);
        WaitlistEntry withdrawn = withClient(waiting(service, null, T0.plusSeconds(2)), client).withdraw();
        WaitlistEntry someoneElse = waiting(service, null, T0.plusSeconds(1));
        WaitlistEntry elsewhere = withClient(waiting(service, null, T0.plusSeconds(3)), client);
        tx.inTenant(tenant, () -> {
            waitlist.add(tenant, newer);
            waitlist.add(tenant, withdrawn);
            waitlist.add(tenant, someoneElse);
            waitlist.add(tenant, older);
        });
        tx.inTenant(other, () -> waitlist.add(other, elsewhere));

        assertThat(tx.inTenant(tenant, () -> waitlist.openOf(tenant, client))).containsExactly(older, newer);
        assertThat(tx.inTenant(other, () -> waitlist.openOf(tenant, client))).as("another center's unit sees none")
                .isEmpty();
        assertThat(tx.inTenant(other, () -> waitlist.openOf(other, client))).containsExactly(elsewhere);
    }

    private static WaitlistEntry withClient(WaitlistEntry e, ClientId client) {
        return new WaitlistEntry(e.id(), client, e.service(), e.from(), e.to(), e.professional(), e.status(),
                e.offer(), e.createdAt());
    }

    @Test
    void theFirstWaitingMatchGetsTheSlotAndALapsedOfferPassesItOn() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var waitlist = store().scheduling().waitlist();
        var tx = store().shared().transactions();
        ServiceId service = new ServiceId(UUID.randomUUID());
        UserId ana = newUser();
        WaitlistEntry forBea = waiting(service, newUser(), T0);
        WaitlistEntry first = waiting(service, null, T0.plusSeconds(1));
        WaitlistEntry second = waiting(service, ana, T0.plusSeconds(2));
        WaitlistEntry otherService = waiting(new ServiceId(UUID.randomUUID()), null, T0);
        tx.inTenant(tenant, () -> {
            waitlist.add(tenant, second);
            waitlist.add(tenant, first);
            waitlist.add(tenant, forBea);
            waitlist.add(tenant, otherService);
        });
        FreedSlot slot = new FreedSlot(service, ana, Instant.parse("2030-03-05T09:00:00Z"),
                Instant.parse("2030-03-05T10:00:00Z"));

        assertThat(tx.inTenant(tenant, () -> waitlist.firstFor(tenant, slot, DAY))).contains(first);
        assertThat(tx.inTenant(other, () -> waitlist.firstFor(tenant, slot, DAY))).isEmpty();
        assertThat(tx.inTenant(tenant, () -> waitlist.firstFor(tenant, slot, DAY.plusDays(3)))).isEmpty();

        WaitlistEntry offered = first.offer(slot, T0.plusSeconds(10), Duration.ofMinutes(30));
        assertThat(tx.inTenant(tenant, () -> waitlist.update(tenant, offered))).isTrue();
        assertThat(tx.inTenant(tenant, () -> waitlist.byId(tenant, first.id()))).contains(offered);
        assertThat(tx.inTenant(tenant, () -> waitlist.lock(tenant, first.id()))).as("an answer finds it locked")
                .contains(offered);
        assertThat(tx.inTenant(other, () -> waitlist.lock(tenant, first.id()))).as("never across centers").isEmpty();
        assertThat(tx.inTenant(tenant, () -> waitlist.firstFor(tenant, slot, DAY))).contains(second);

        Instant after = T0.plusSeconds(10).plus(Duration.ofMinutes(30));
        assertThat(tx.inTenant(tenant, () -> waitlist.lapsedOffers(tenant, after.minusSeconds(1), 10))).isEmpty();
        assertThat(tx.inTenant(tenant, () -> waitlist.lapsedOffers(tenant, after, 10))).containsExactly(offered);
        WaitlistEntry lapsed = offered.lapse(after);
        assertThat(tx.inTenant(tenant, () -> waitlist.update(tenant, lapsed))).isTrue();
        assertThat(tx.inTenant(tenant, () -> waitlist.firstFor(tenant, slot, DAY)))
                .as("a lapsed offer of this slot passes it on").contains(second);
        FreedSlot another = new FreedSlot(service, ana, slot.start().plusSeconds(7200), slot.end().plusSeconds(7200));
        assertThat(tx.inTenant(tenant, () -> waitlist.firstFor(tenant, another, DAY)))
                .as("back in its place for another slot").contains(first);

        assertThat(tx.inTenant(tenant, () -> waitlist.list(tenant, new PageRequest(2, Optional.empty())).items()))
                .hasSize(2);
        assertThat(tx.inTenant(tenant, () -> waitlist.list(tenant, PageRequest.first()).items()))
                .extracting(WaitlistEntry::createdAt).isSorted().hasSize(4);
        assertThat(tx.inTenant(other, () -> waitlist.list(tenant, PageRequest.first()).items())).isEmpty();
    }
}
