package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.SchedulingFixtures.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import com.qleven.ports.scheduling.out.ManageLinks;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@code CalendarFeeds} and {@code ManageLinks} promise: a token's hash finds its center before
 * the center is known; a new feed link stops the old one; a manage link stops at its expiry.
 */
public abstract class SchedulingTokensContract {

    protected abstract QlevenStore store();

    @Test
    void aFeedLinkIsFoundByItsHashUntilReplacedOrRevoked() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        UserId ana = newUser();
        CalendarFeeds feeds = store().scheduling().calendarFeeds();
        var tx = store().shared().transactions();
        String old = tokenHash();
        String current = tokenHash();
        assertThat(tx.inTenant(tenant, () -> feeds.ofMember(tenant, ana))).isEmpty();
        tx.inTenant(tenant, () -> feeds.replace(tenant, ana, old, T0));
        assertThat(tx.global(() -> feeds.byTokenHash(old))).contains(new CalendarFeeds.FeedToken(tenant, ana, T0));
        assertThat(tx.inTenant(tenant, () -> feeds.ofMember(tenant, ana))).contains(new CalendarFeeds.FeedToken(
                tenant, ana, T0));

        tx.inTenant(tenant, () -> feeds.replace(tenant, ana, current, T0.plusSeconds(1)));
        assertThat(tx.global(() -> feeds.byTokenHash(old))).isEmpty();
        assertThat(tx.global(() -> feeds.byTokenHash(current)).orElseThrow().member()).isEqualTo(ana);

        assertThat(tx.inTenant(tenant, () -> feeds.revoke(tenant, ana))).isTrue();
        assertThat(tx.inTenant(tenant, () -> feeds.revoke(tenant, ana))).isFalse();
        assertThat(tx.global(() -> feeds.byTokenHash(current))).isEmpty();
        assertThat(tx.inTenant(tenant, () -> feeds.ofMember(tenant, ana))).isEmpty();
    }

    @Test
    void aManageLinkIsFoundByItsHashUntilItExpiresOrIsRevoked() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        ManageLinks links = store().scheduling().manageLinks();
        var tx = store().shared().transactions();
        AppointmentId appointment = new AppointmentId(UUID.randomUUID());
        ManageLinks.ManageLink link = new ManageLinks.ManageLink(tokenHash(), tenant, appointment,
                T0.plus(Duration.ofDays(30)), T0);
        ManageLinks.ManageLink shortLived = new ManageLinks.ManageLink(tokenHash(), tenant,
                new AppointmentId(UUID.randomUUID()), T0.plusSeconds(60), T0);
        tx.inTenant(tenant, () -> {
            links.add(link);
            links.add(shortLived);
        });

        assertThat(tx.global(() -> links.byTokenHash(link.tokenHash(), T0.plusSeconds(61)))).contains(link);
        assertThat(tx.global(() -> links.byTokenHash(shortLived.tokenHash(), T0.plusSeconds(59)))).contains(shortLived);
        assertThat(tx.global(() -> links.byTokenHash(shortLived.tokenHash(), T0.plusSeconds(60)))).isEmpty();
        assertThat(tx.global(() -> links.byTokenHash(tokenHash(), T0))).isEmpty();

        assertThat(tx.global(() -> links.removeExpired(T0.plusSeconds(60), 1_000))).isGreaterThanOrEqualTo(1);
        assertThat(tx.global(() -> links.byTokenHash(shortLived.tokenHash(), T0))).isEmpty();
        assertThat(tx.inTenant(tenant, () -> links.revokeFor(tenant, appointment))).isEqualTo(1);
        assertThat(tx.global(() -> links.byTokenHash(link.tokenHash(), T0))).isEmpty();
    }
}
