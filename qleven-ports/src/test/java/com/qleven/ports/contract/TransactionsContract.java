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
        assertThat(s.shared().directory().claimAccountEmail(w.email(), user)).isTrue();
        s.tenancy().accounts().add(account(user));
        if (centerRows) {
            s.tenancy().centers().add(center(tenant));
            s.tenancy().memberships().add(new Membership(tenant, user, Role.ADMINISTRATOR, T0));
        }
        s.shared().directory().addMembership(user, tenant);
        s.shared().directory().addSessionToken(new Directory.SessionToken(w.tokenHash(), UUID.randomUUID(),
                Optional.of(tenant), user, T0.plus(Duration.ofHours(12))));
        s.shared().rateLimits().record("contract", w.rateKey(), T0);
        s.shared().dataKeys().addIfAbsent(w.key());
        return w;
    }

    private void assertNothingOf(Written w) {
        QlevenStore s = store();
        s.shared().transactions().global(() -> {
            assertThat(s.shared().directory().accountByEmail(w.email())).isEmpty();
            assertThat(s.tenancy().accounts().byId(w.user())).isEmpty();
            assertThat(s.shared().directory().centersOf(w.user())).isEmpty();
            assertThat(s.shared().directory().sessionByTokenHash(w.tokenHash())).isEmpty();
            assertThat(s.shared().rateLimits().since("contract", w.rateKey(), T0.minusSeconds(1)).count()).isZero();
            assertThat(s.shared().dataKeys().byId(w.key().id())).isEmpty();
        });
        s.shared().transactions().inTenant(w.tenant(), () -> {
            assertThat(s.tenancy().centers().byId(w.tenant())).isEmpty();
            assertThat(s.tenancy().memberships().find(w.tenant(), w.user())).isEmpty();
        });
    }

    @Test
    public void a_center_unit_commits_everything_it_wrote() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Written w = s.shared().transactions().inTenant(tenant, () -> writeEverything(tenant, true));

        s.shared().transactions().global(() -> {
            assertThat(s.shared().directory().accountByEmail(w.email())).contains(w.user());
            assertThat(s.tenancy().accounts().byId(w.user())).isPresent();
            assertThat(s.shared().directory().centersOf(w.user())).containsExactly(tenant);
            assertThat(s.shared().directory().sessionByTokenHash(w.tokenHash())).isPresent();
            assertThat(s.shared().rateLimits().since("contract", w.rateKey(), T0).count()).isEqualTo(1);
            assertThat(s.shared().dataKeys().byId(w.key().id())).isPresent();
        });
        s.shared().transactions().inTenant(tenant, () -> {
            assertThat(s.tenancy().centers().byId(tenant)).isPresent();
            assertThat(s.tenancy().memberships().find(tenant, w.user())).isPresent();
        });
    }

    @Test
    public void after_commit_actions_run_once_the_outermost_unit_committed_in_order_and_see_its_writes() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        java.util.List<String> ran = new java.util.ArrayList<>();
        Written[] written = new Written[1];

        s.shared().transactions().inTenant(tenant, () -> {
            written[0] = writeEverything(tenant, true);
            s.shared().transactions().afterCommit(() -> ran.add("first " + s.shared().transactions().global(
                    () -> s.shared().directory().accountByEmail(written[0].email()).isPresent())));
            s.shared().transactions().inTenant(tenant, () -> s.shared().transactions().afterCommit(
                    () -> ran.add("nested")));
            assertThat(ran).as("nothing runs before the commit").isEmpty();
            return null;
        });

        assertThat(ran).containsExactly("first true", "nested");
        s.shared().transactions().afterCommit(() -> ran.add("outside"));
        assertThat(ran).as("outside any unit, at once").endsWith("outside");
    }

    @Test
    public void after_commit_actions_never_run_when_the_unit_rolls_back() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
            s.shared().transactions().afterCommit(() -> ran.set(true));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ran).isFalse();
    }

    @Test
    public void a_runtime_exception_in_a_center_unit_leaves_nothing_written() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        Written[] written = new Written[1];
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
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

        assertThatThrownBy(() -> s.shared().transactions().global(() -> {
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

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
            written[0] = writeEverything(tenant, true);
            throw boom;
        })).isSameAs(boom);

        assertNothingOf(written[0]);
    }

    @Test
    public void a_unit_returns_the_value_of_its_work() {
        assertThat(store().shared().transactions().inTenant(newTenant(), () -> 42)).isEqualTo(42);
        assertThat(store().shared().transactions().global(() -> "done")).isEqualTo("done");
    }

    @Test
    public void a_nested_unit_of_the_same_center_joins_the_outer_one() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
            s.tenancy().centers().add(center(tenant));
            s.shared().transactions().inTenant(tenant, () -> {
                // The inner unit sees what the outer one wrote and has not committed yet.
                assertThat(s.tenancy().centers().byId(tenant)).isPresent();
                s.tenancy().memberships().add(new Membership(tenant, user, Role.RECEPTIONIST, T0));
            });
            throw boom;
        })).isSameAs(boom);

        s.shared().transactions().inTenant(tenant, () -> {
            assertThat(s.tenancy().centers().byId(tenant)).isEmpty();
            assertThat(s.tenancy().memberships().find(tenant, user)).isEmpty();
        });
    }

    @Test
    public void an_exception_in_a_nested_unit_rolls_back_the_outer_one_when_it_escapes() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
            s.tenancy().centers().add(center(tenant));
            s.shared().transactions().inTenant(tenant, () -> {
                throw boom;
            });
        })).isSameAs(boom);

        s.shared().transactions().inTenant(tenant, () -> assertThat(s.tenancy().centers().byId(tenant)).isEmpty());
    }

    @Test
    public void opening_another_centers_unit_inside_one_throws_IllegalStateException() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();
        AtomicBoolean innerRan = new AtomicBoolean();

        s.shared().transactions().inTenant(a, () -> {
            s.tenancy().centers().add(center(a));
            assertThatThrownBy(() -> s.shared().transactions().inTenant(b, () -> innerRan.set(true)))
                    .isInstanceOf(IllegalStateException.class);
        });

        assertThat(innerRan).isFalse();
        s.shared().transactions().inTenant(a, () -> assertThat(s.tenancy().centers().byId(a)).isPresent());
    }

    @Test
    public void a_global_unit_inside_a_center_unit_joins_it() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        BlindIndex email = newBlindIndex();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> s.shared().transactions().inTenant(tenant, () -> {
            s.tenancy().centers().add(center(tenant));
            s.shared().transactions().global(() -> {
                assertThat(s.shared().directory().claimAccountEmail(email, user)).isTrue();
                s.tenancy().accounts().add(account(user));
            });
            throw boom;
        })).isSameAs(boom);

        s.shared().transactions().global(() -> {
            assertThat(s.shared().directory().accountByEmail(email)).isEmpty();
            assertThat(s.tenancy().accounts().byId(user)).isEmpty();
        });
    }

    @Test
    public void a_center_unit_inside_a_global_unit_throws_IllegalStateException() {
        QlevenStore s = store();
        AtomicBoolean innerRan = new AtomicBoolean();

        s.shared().transactions().global(() -> assertThatThrownBy(
                () -> s.shared().transactions().inTenant(newTenant(), () -> innerRan.set(true)))
                .isInstanceOf(IllegalStateException.class));

        assertThat(innerRan).isFalse();
    }

    @Test
    public void a_center_unit_reads_and_writes_the_global_tables() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        UserId user = newUser();
        BlindIndex email = newBlindIndex();
        s.shared().transactions().global(() -> s.tenancy().accounts().add(account(user)));

        s.shared().transactions().inTenant(tenant, () -> {
            assertThat(s.tenancy().accounts().byId(user)).isPresent();
            assertThat(s.shared().directory().claimAccountEmail(email, user)).isTrue();
        });

        assertThat(s.shared().transactions().global(() -> s.shared().directory().accountByEmail(email))).contains(user);
    }

    @Test
    public void a_center_written_in_one_centers_unit_is_not_found_in_anothers() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();
        addCenter(s, a);
        addCenter(s, b);

        s.shared().transactions().inTenant(b, () -> assertThat(s.tenancy().centers().byId(a)).isEmpty());
        s.shared().transactions().inTenant(a, () -> assertThat(s.tenancy().centers().byId(a)).isPresent());
    }

    @Test
    public void a_global_unit_sees_no_centers_rows() {
        QlevenStore s = store();
        TenantId tenant = newTenant();
        addCenter(s, tenant);

        s.shared().transactions().global(() -> assertThat(s.tenancy().centers().byId(tenant)).isEmpty());
    }

    @Test
    public void a_failed_unit_leaves_the_thread_free_for_another_center() {
        QlevenStore s = store();
        TenantId a = newTenant();
        TenantId b = newTenant();

        assertThatThrownBy(() -> s.shared().transactions().inTenant(a, () -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class);
        s.shared().transactions().inTenant(b, () -> s.tenancy().centers().add(center(b)));

        s.shared().transactions().inTenant(b, () -> assertThat(s.tenancy().centers().byId(b)).isPresent());
    }
}
