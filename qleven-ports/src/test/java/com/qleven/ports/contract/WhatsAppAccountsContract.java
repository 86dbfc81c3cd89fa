package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.ConnectedAccount.AccountStatus;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WhatsAppAccounts} promises: one number per center, read back exactly and only
 * in its center's unit; the directory finds the center by phone-number id and the centers of a
 * business account, kept in step when a center replaces its number; another center's phone-number
 * id is a conflict that changes nothing.
 */
public abstract class WhatsAppAccountsContract {

    protected abstract QlevenStore store();

    private WhatsAppAccounts accounts() {
        return store().messaging().accounts();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private void save(ConnectedAccount account) {
        in(account.tenant(), () -> {
            accounts().save(account);
            return null;
        });
    }

    private static String graphId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    private static ConnectedAccount account(TenantId tenant, String phoneNumberId, String wabaId, long version) {
        return new ConnectedAccount(tenant, phoneNumberId, wabaId, "+34 600 000 000", randomBytes(60),
                AccountStatus.CONNECTED, T0, T0.plus(Duration.ofMinutes(version)), version);
    }

    @Test
    void aCenterSNumberIsReadBackExactlyAndOnlyInItsUnit() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        ConnectedAccount saved = account(tenant, graphId(), graphId(), 1);
        assertThat(in(tenant, () -> accounts().find(tenant))).isEmpty();

        save(saved);

        ConnectedAccount read = in(tenant, () -> accounts().find(tenant)).orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(saved);
        assertThat(in(other, () -> accounts().find(tenant))).isEmpty();
        assertThat(in(other, () -> accounts().find(other))).isEmpty();
        assertThat(store().shared().transactions().global(() -> accounts().centerOfPhoneNumber(saved.phoneNumberId())))
                .contains(tenant);
        assertThat(accounts().centersOfBusinessAccount(saved.wabaId())).containsExactly(tenant);
        assertThat(accounts().centerOfPhoneNumber(graphId())).isEmpty();
        assertThat(accounts().centersOfBusinessAccount(graphId())).isEmpty();
    }

    @Test
    void replacingTheNumberKeepsOneRowAndMovesTheDirectory() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        ConnectedAccount first = account(tenant, graphId(), graphId(), 1);
        save(first);
        ConnectedAccount second = account(tenant, graphId(), graphId(), 2);

        save(second);

        assertThat(in(tenant, () -> accounts().find(tenant)).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(second);
        assertThat(accounts().centerOfPhoneNumber(first.phoneNumberId())).isEmpty();
        assertThat(accounts().centersOfBusinessAccount(first.wabaId())).isEmpty();
        assertThat(accounts().centerOfPhoneNumber(second.phoneNumberId())).contains(tenant);
        assertThat(accounts().centersOfBusinessAccount(second.wabaId())).containsExactly(tenant);
    }

    @Test
    void anotherCenterSPhoneNumberIdIsAConflictThatChangesNothing() {
        TenantId holder = newTenant();
        TenantId taker = newTenant();
        addCenter(store(), holder);
        addCenter(store(), taker);
        ConnectedAccount held = account(holder, graphId(), graphId(), 1);
        save(held);
        ConnectedAccount before = account(taker, graphId(), graphId(), 1);
        save(before);

        assertThatThrownBy(() -> save(account(taker, held.phoneNumberId(), held.wabaId(), 2)))
                .isInstanceOf(ConflictException.class);

        assertThat(accounts().centerOfPhoneNumber(held.phoneNumberId())).contains(holder);
        assertThat(accounts().centerOfPhoneNumber(before.phoneNumberId())).contains(taker);
        assertThat(in(taker, () -> accounts().find(taker)).orElseThrow()).usingRecursiveComparison()
                .isEqualTo(before);
    }

    @Test
    void aBusinessAccountSharedByCentersListsThemAllInAStableOrder() {
        String waba = graphId();
        List<TenantId> centers = List.of(newTenant(), newTenant(), newTenant());
        centers.forEach(t -> {
            addCenter(store(), t);
            save(account(t, graphId(), waba, 1));
        });

        List<TenantId> listed = accounts().centersOfBusinessAccount(waba);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(centers);
        assertThat(accounts().centersOfBusinessAccount(waba)).isEqualTo(listed);
        // PostgreSQL's uuid order (unsigned bytes), the one every store gives
        assertThat(listed).isSortedAccordingTo(Comparator.comparing(t -> t.value().toString()));
    }

    @Test
    void markingForReconnectionHappensOnceAndOnlyForACenterWithANumber() {
        TenantId tenant = newTenant();
        TenantId without = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), without);
        ConnectedAccount saved = account(tenant, graphId(), graphId(), 1);
        save(saved);
        var later = T0.plus(Duration.ofHours(3));

        assertThat(in(tenant, () -> accounts().markReconnectNeeded(tenant, later))).isTrue();
        assertThat(in(tenant, () -> accounts().markReconnectNeeded(tenant, later.plusSeconds(1)))).isFalse();
        assertThat(in(without, () -> accounts().markReconnectNeeded(without, later))).isFalse();

        ConnectedAccount read = in(tenant, () -> accounts().find(tenant)).orElseThrow();
        assertThat(read.status()).isEqualTo(AccountStatus.RECONNECT_NEEDED);
        assertThat(read.updatedAt()).isEqualTo(later);
        assertThat(read.version()).isEqualTo(saved.version() + 1);
        assertThat(read.sealedToken()).isEqualTo(saved.sealedToken());

        // Reconnecting (saving the number again) makes it usable again.
        save(new ConnectedAccount(tenant, saved.phoneNumberId(), saved.wabaId(), saved.displayPhoneNumber(),
                randomBytes(60), AccountStatus.CONNECTED, later, later, read.version() + 1));
        assertThat(in(tenant, () -> accounts().find(tenant)).map(ConnectedAccount::status))
                .isEqualTo(Optional.of(AccountStatus.CONNECTED));
    }
}
