package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WaitlistOffersDue} promises: the store keeps each center's time at the earliest
 * expiry of its open offers, in the unit of work of the write that changes an offer (a rolled-back
 * write changes nothing), and drops a center with none; the sweep claims the centers due, earliest
 * first, leasing them, and a refresh in the center's unit sets the time back from its offers.
 * The queue is global: each test has centers and times of its own, and looks at those only.
 */
public abstract class WaitlistOffersDueContract {
    private static final LocalDate DAY = LocalDate.parse("2030-03-05");

    protected abstract QlevenStore store();

    private WaitlistOffersDue queue() {
        return store().scheduling().waitlistOffersDue();
    }

    private Transactions tx() {
        return store().shared().transactions();
    }

    private static WaitlistEntry waiting(ServiceId service) {
        return new WaitlistEntry(new WaitlistEntryId(UUID.randomUUID()), new ClientId(UUID.randomUUID()), service,
                DAY.minusDays(2), DAY.plusDays(2), null, WaitlistStatus.WAITING, null, T0);
    }

    private static FreedSlot slot(ServiceId service, int hour) {
        Instant start = Instant.parse("2030-03-05T00:00:00Z").plus(Duration.ofHours(hour));
        return new FreedSlot(service, newUser(), start, start.plus(Duration.ofMinutes(30)));
    }

    private void update(TenantId tenant, WaitlistEntry entry) {
        assertThat(tx().inTenant(tenant, () -> store().scheduling().waitlist().update(tenant, entry))).isTrue();
    }

    private void add(TenantId tenant, WaitlistEntry entry) {
        tx().inTenant(tenant, () -> store().scheduling().waitlist().add(tenant, entry));
    }

    @Test
    void aCentersTimeIsTheEarliestExpiryOfItsOpenOffersAndItLeavesWithTheLast() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        ServiceId service = new ServiceId(UUID.randomUUID());
        WaitlistEntry a = waiting(service);
        WaitlistEntry b = waiting(service);
        WaitlistEntry elsewhere = waiting(service);
        add(tenant, a);
        add(tenant, b);
        add(other, elsewhere);
        assertThat(queue().dueAt(tenant)).as("waiting entries hold no offer").isEmpty();

        WaitlistEntry offeredA = a.offer(slot(service, 9), T0, Duration.ofMinutes(30));
        update(tenant, offeredA);
        assertThat(queue().dueAt(tenant)).contains(T0.plus(Duration.ofMinutes(30)));
        WaitlistEntry offeredB = b.offer(slot(service, 10), T0, Duration.ofMinutes(10));
        update(tenant, offeredB);
        assertThat(queue().dueAt(tenant)).as("the earliest wins").contains(T0.plus(Duration.ofMinutes(10)));
        update(other, elsewhere.offer(slot(service, 11), T0, Duration.ofMinutes(5)));
        assertThat(queue().dueAt(other)).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(queue().dueAt(tenant)).as("another center's offer is its own").contains(
                T0.plus(Duration.ofMinutes(10)));

        update(tenant, offeredB.lapse(T0.plus(Duration.ofMinutes(10))));
        assertThat(queue().dueAt(tenant)).as("the next one once the earliest has lapsed")
                .contains(T0.plus(Duration.ofMinutes(30)));
        update(tenant, offeredA.withdraw());
        assertThat(queue().dueAt(tenant)).as("no open offer, no time").isEmpty();
        assertThat(queue().dueAt(other)).contains(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anOfferAddedAsOfferedCountsAndARolledBackOfferDoesNot() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        ServiceId service = new ServiceId(UUID.randomUUID());
        WaitlistEntry entry = waiting(service);
        add(tenant, entry);
        assertThatThrownBy(() -> tx().inTenant(tenant, () -> {
            store().scheduling().waitlist().update(tenant, entry.offer(slot(service, 9), T0, Duration.ofMinutes(20)));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(queue().dueAt(tenant)).isEmpty();

        add(tenant, waiting(service).offer(slot(service, 10), T0, Duration.ofMinutes(40)));
        assertThat(queue().dueAt(tenant)).contains(T0.plus(Duration.ofMinutes(40)));
    }

    @Test
    void theSweepClaimsTheCentersDueEarliestFirstLeasesThemAndARefreshSetsTheTimeBack() {
        Instant base = T0.plus(Duration.ofDays(400));
        TenantId first = newTenant();
        TenantId second = newTenant();
        TenantId later = newTenant();
        ServiceId service = new ServiceId(UUID.randomUUID());
        for (TenantId t : List.of(first, second, later)) {
            addCenter(store(), t);
        }
        add(second, waiting(service).offer(slot(service, 9), base, Duration.ofMinutes(20)));
        add(first, waiting(service).offer(slot(service, 9), base, Duration.ofMinutes(10)));
        add(later, waiting(service).offer(slot(service, 9), base, Duration.ofMinutes(60)));
        Instant now = base.plus(Duration.ofMinutes(30));
        Instant lease = now.plus(Duration.ofMinutes(5));

        List<TenantId> claimed = tx().global(() -> queue().claimDue(now, lease, 1000));
        assertThat(claimed).contains(first, second).doesNotContain(later);
        assertThat(claimed.indexOf(first)).as("earliest first").isLessThan(claimed.indexOf(second));
        assertThat(queue().dueAt(first)).contains(lease);
        assertThat(queue().dueAt(later)).contains(base.plus(Duration.ofMinutes(60)));
        assertThat(tx().global(() -> queue().claimDue(now, lease, 1000))).as("leased")
                .doesNotContain(first, second);

        tx().inTenant(first, () -> queue().refresh(first));
        assertThat(queue().dueAt(first)).as("back to its earliest offer").contains(base.plus(Duration.ofMinutes(10)));
        assertThat(tx().global(() -> queue().claimDue(now, lease, 1000))).contains(first).doesNotContain(second);
        assertThat(tx().global(() -> queue().claimDue(lease, lease.plusSeconds(1), 1000)))
                .as("the lease over, claimed again").contains(first, second).doesNotContain(later);
    }

    @Test
    void aRefreshOfACenterWithNoOpenOfferTakesItOut() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        ServiceId service = new ServiceId(UUID.randomUUID());
        WaitlistEntry offered = waiting(service).offer(slot(service, 9), T0, Duration.ofMinutes(10));
        add(tenant, offered);
        assertThat(queue().dueAt(tenant)).contains(T0.plus(Duration.ofMinutes(10)));
        // The sweep's claim leases the row; the offer ends meanwhile without the trigger seeing the lease.
        tx().global(() -> queue().claimDue(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofDays(1)), 1000));
        update(tenant, offered.withdraw());
        assertThat(queue().dueAt(tenant)).isEmpty();
        tx().inTenant(tenant, () -> queue().refresh(tenant));
        assertThat(queue().dueAt(tenant)).isEmpty();
    }
}
