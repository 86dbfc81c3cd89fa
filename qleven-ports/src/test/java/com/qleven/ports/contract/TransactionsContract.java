package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.center;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.wrappedKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Transactions} implementation promises: a unit of work commits all or nothing,
 * nested units of the same center join, another center's unit cannot open inside one, and a
 * center's unit sees only that center's rows.
 */
public abstract class TransactionsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    /** Everything {@link #writeEverything} wrote, to look for afterwards. */
    private record Written(TenantId tenant, UserId user, BlindIndex email, WrappedKey key, BlindIndex rateKey,
                           String tokenHash) {
    }

    /**
     * Writes to every repository: the center's tables too when {@code centerRows}, which only a
     * unit of work of that center may do.
     */
    private Written writeEverything(TenantId tenant, boolean centerRows) {
        QlevenStore s = store();
        UserId user = newUser();
        Written w = new Written(tenant, user, newBlindIndex(), wrappedKey(KeyScope.account(user.value())),
                newBlindIndex(), newBlindIndex().hex());
        assertThat(s.directory().claimAccountEmail(w.email(), user)).isTrue();
        s.accounts().add(account(user));
        if (centerRows) {
            s.centers().add(center(tenant));
            s.memberships().add(new Membership(tenant, user, Role.ADMINISTRATOR, T0));
        }
        s.directory().addMembership(user, tenant);
        s.directory().addSessionToken(new Directory.SessionToken(w.tokenHash(), UUID.randomUUID(),
                Optional.of(tenant), user, T0.plus(Duration.ofHours(12))));
        s.rateLimits().record("contract", w.rateKey(), T0);
        s.dataKeys().addIfAbsent(w.key());
        return w;
    }

    private void assertNothingOf(Written w) {
        QlevenStore s = store();
        s.transactions().global(() -> {
            assertThat(s.directory().accountByEmail(w.email())).isEmpty();
            assertThat(s.accounts().byId(w.user())).isEmpty();
            assertThat(s.directory().centersOf(w.user())).isEmpty();
            assertThat(s.directory().sessionByTokenHash(w.tokenHash())).isEmpty();
            assertThat(s.rateLimits().since("contract", w.rateKey(), T0.minusSeconds(1)).count()).isZero();
            assertThat(s.dataKeys().byId(w.key().id())).isEmpty();
        });
        s.transactions().inTenant(w.tenant(), () -> {
            assertThat(s.centers().byId(w.tenant())).isEmpty();
            assertThat(s.memberships().find(w.tenant(), w.user())).isEmpty();
        });
    }

    @Test
    public void a_center_unit_commits_everything_it_wrote() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Written w = s.transactions().inTenant(tenant, () -> writeEverything(tenant, true));

        s.transactions().global(() -> {
            assertThat(s.directory().accountByEmail(w.email())).contains(w.user());
            assertThat(s.accounts().byId(w.user())).isPresent();
            assertThat(s.directory().centersOf(w.user())).containsExactly(tenant);
            assertThat(s.directory().sessionByTokenHash(w.tokenHash())).isPresent();
            assertThat(s.rateLimits().since("contract", w.rateKey(), T0).count()).isEqualTo(1);
            assertThat(s.dataKeys().byId(w.key().id())).isPresent();
        });
        s.transactions().inTenant(tenant, () -> {
            assertThat(s.centers().byId(tenant)).isPresent();
            assertThat(s.memberships().find(tenant, w.user())).isPresent();
        });
    }

    @Test
    public void a_runtime_exception_in_a_center_unit_leaves_nothing_written() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Written[] written = new Written[1];
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.transactions().inTenant(tenant, () -> {
            written[0] = writeEverything(tenant, true);
            throw boom;
        })).isSameAs(boom);

        assertNothingOf(written[0]);
    }

    @Test
    public void a_runtime_exception_in_a_global_unit_leaves_nothing_written() {
        QlevenStore s = store();
        Written[] written = new Written[1];
        RuntimeException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> s.transactions().global(() -> {
            written[0] = writeEverything(newTenant(), false);
            throw boom;
        })).isSameAs(boom);

        assertNothingOf(written[0]);
    }

    @Test
    public void an_error_also_leaves_nothing_written() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Written[] written = new Written[1];
        Error boom = new AssertionError("boom");

        assertThatThrownBy(() -> s.transactions().inTenant(tenant, () -> {
            written[0] = writeEverything(tenant, true);
            throw boom;
        })).isSameAs(boom);

        assertNothingOf(written[0]);
    }

    @Test
    public void a_unit_returns_the_value_of_its_work() {
        assertThat(store().transactions().inTenant(newTenant(), () -> 42)).isEqualTo(42);
        assertThat(store().transactions().global(() -> "done")).isEqualTo("done");
    }

    @Test
    public void a_nested_unit_of_the_same_center_joins_the_outer_one() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.transactions().inTenant(tenant, () -> {
            s.centers().add(center(tenant));
            s.transactions().inTenant(tenant, () -> {
                // The inner unit sees what the outer one wrote and has not committed yet.
                assertThat(s.centers().byId(tenant)).isPresent();
                s.memberships().add(new Membership(tenant, user, Role.RECEPTIONIST, T0));
            });
            throw boom;
        })).isSameAs(boom);

        s.transactions().inTenant(tenant, () -> {
            assertThat(s.centers().byId(tenant)).isEmpty();
            assertThat(s.memberships().find(tenant, user)).isEmpty();
        });
    }

    @Test
    public void an_exception_in_a_nested_unit_rolls_back_the_outer_one_when_it_escapes() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.transactions().inTenant(tenant, () -> {
            s.centers().add(center(tenant));
            s.transactions().inTenant(tenant, () -> {
                throw boom;
            });
        })).isSameAs(boom);

        s.transactions().inTenant(tenant, () -> assertThat(s.centers().byId(tenant)).isEmpty());
    }

    @Test
    public void opening_another_centers_unit_inside_one_throws_IllegalStateException() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();
        AtomicBoolean innerRan = new AtomicBoolean();

        s.transactions().inTenant(a, () -> {
            s.centers().add(center(a));
            assertThatThrownBy(() -> s.transactions().inTenant(b, () -> innerRan.set(true)))
                    .isInstanceOf(IllegalStateException.class);
        });

        assertThat(innerRan).isFalse();
        s.transactions().inTenant(a, () -> assertThat(s.centers().byId(a)).isPresent());
    }

    @Test
    public void a_global_unit_inside_a_center_unit_joins_it() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        BlindIndex email = newBlindIndex();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.transactions().inTenant(tenant, () -> {
            s.centers().add(center(tenant));
            s.transactions().global(() -> {
                assertThat(s.directory().claimAccountEmail(email, user)).isTrue();
                s.accounts().add(account(user));
            });
            throw boom;
        })).isSameAs(boom);

        s.transactions().global(() -> {
            assertThat(s.directory().accountByEmail(email)).isEmpty();
            assertThat(s.accounts().byId(user)).isEmpty();
        });
    }

    @Test
    public void a_center_unit_inside_a_global_unit_throws_IllegalStateException() {
        QlevenStore s = store();
        AtomicBoolean innerRan = new AtomicBoolean();

        s.transactions().global(() -> assertThatThrownBy(
                () -> s.transactions().inTenant(newTenant(), () -> innerRan.set(true)))
                .isInstanceOf(IllegalStateException.class));

        assertThat(innerRan).isFalse();
    }

    @Test
    public void a_center_unit_reads_and_writes_the_global_tables() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        BlindIndex email = newBlindIndex();
        s.transactions().global(() -> s.accounts().add(account(user)));

        s.transactions().inTenant(tenant, () -> {
            assertThat(s.accounts().byId(user)).isPresent();
            assertThat(s.directory().claimAccountEmail(email, user)).isTrue();
        });

        assertThat(s.transactions().global(() -> s.directory().accountByEmail(email))).contains(user);
    }

    @Test
    public void a_center_written_in_one_centers_unit_is_not_found_in_anothers() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();
        addCenter(s, a);
        addCenter(s, b);

        s.transactions().inTenant(b, () -> assertThat(s.centers().byId(a)).isEmpty());
        s.transactions().inTenant(a, () -> assertThat(s.centers().byId(a)).isPresent());
    }

    @Test
    public void a_global_unit_sees_no_centers_rows() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        addCenter(s, tenant);

        s.transactions().global(() -> assertThat(s.centers().byId(tenant)).isEmpty());
    }

    @Test
    public void a_failed_unit_leaves_the_thread_free_for_another_center() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();

        assertThatThrownBy(() -> s.transactions().inTenant(a, () -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class);
        s.transactions().inTenant(b, () -> s.centers().add(center(b)));

        s.transactions().inTenant(b, () -> assertThat(s.centers().byId(b)).isPresent());
    }
}
