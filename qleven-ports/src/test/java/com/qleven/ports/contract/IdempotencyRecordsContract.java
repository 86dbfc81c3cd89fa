package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.IdempotencyRecords.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code IdempotencyRecords} implementation promises. */
public abstract class IdempotencyRecordsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private IdempotencyRecords records() {
        return store().shared().idempotencyRecords();
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static Scope of(TenantId tenant) {
        return new Scope(Optional.of(tenant), UUID.randomUUID());
    }

    private IdempotencyRecords.Claim claim(Scope scope, String key) {
        return scope.tenant().isPresent()
                ? store().shared().transactions().inTenant(scope.tenant().get(), () -> records().claim(scope, key))
                : store().shared().transactions().global(() -> records().claim(scope, key));
    }

    @Test
    public void an_unused_key_is_fresh_and_a_saved_one_gives_back_its_hash_answer_and_time() {
        TenantId tenant = center();
        Scope scope = of(tenant);
        byte[] answer = {1, 2, 3};
        store().shared().transactions().inTenant(tenant, () -> {
            assertThat(records().claim(scope, "key-1")).isInstanceOf(IdempotencyRecords.Fresh.class);
            records().save(scope, "key-1", "hash-1", answer, T0);
        });

        assertThat(claim(scope, "key-1")).isInstanceOfSatisfying(IdempotencyRecords.Done.class, done -> {
            assertThat(done.requestHash()).isEqualTo("hash-1");
            assertThat(done.answer()).containsExactly(1, 2, 3);
            assertThat(done.createdAt()).isEqualTo(T0);
        });
    }

    @Test
    public void a_key_belongs_to_its_center_and_its_caller_only() {
        TenantId a = center();
        TenantId b = center();
        Scope first = of(a);
        store().shared().transactions().inTenant(a, () -> records().save(first, "shared-key", "hash-a", new byte[] {1},
                T0));

        assertThat(claim(new Scope(Optional.of(b), first.caller()), "shared-key"))
                .isInstanceOf(IdempotencyRecords.Fresh.class);
        assertThat(claim(of(a), "shared-key")).isInstanceOf(IdempotencyRecords.Fresh.class);
        assertThat(claim(new Scope(Optional.empty(), first.caller()), "shared-key"))
                .isInstanceOf(IdempotencyRecords.Fresh.class);
        assertThat(claim(first, "shared-key")).isInstanceOf(IdempotencyRecords.Done.class);
    }

    @Test
    public void an_operators_records_live_in_the_platform_scope() {
        Scope operator = new Scope(Optional.empty(), UUID.randomUUID());
        store().shared().transactions().global(() -> records().save(operator, "op-key", "h", new byte[] {7}, T0));

        assertThat(claim(operator, "op-key")).isInstanceOf(IdempotencyRecords.Done.class);
        store().shared().transactions().global(() -> records().forget(operator, "op-key"));
        assertThat(claim(operator, "op-key")).isInstanceOf(IdempotencyRecords.Fresh.class);
    }

    @Test
    public void a_unit_of_work_that_fails_leaves_the_key_fresh() {
        TenantId tenant = center();
        Scope scope = of(tenant);
        assertThatThrownBy(() -> store().shared().transactions().inTenant(tenant, () -> {
            records().claim(scope, "key-2");
            records().save(scope, "key-2", "hash", new byte[] {9}, T0);
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        assertThat(claim(scope, "key-2")).isInstanceOf(IdempotencyRecords.Fresh.class);
    }

    @Test
    public void housekeeping_forgets_old_records_of_the_center_only_and_tells_the_oldest() {
        TenantId tenant = center();
        TenantId other = center();
        Scope scope = of(tenant);
        Scope otherScope = of(other);
        store().shared().transactions().inTenant(tenant, () -> {
            records().save(scope, "old", "h", new byte[] {1}, T0);
            records().save(scope, "new", "h", new byte[] {2}, T0.plus(Duration.ofDays(2)));
        });
        store().shared().transactions().inTenant(other, () -> records().save(otherScope, "old", "h", new byte[] {3},
                T0));
        assertThat(store().shared().transactions().inTenant(tenant, () -> records().oldest(tenant))).contains(T0);

        int forgotten = store().shared().transactions().inTenant(tenant,
                () -> records().forgetBefore(Optional.of(tenant), T0.plus(Duration.ofDays(1)), 1000));

        assertThat(forgotten).isEqualTo(1);
        assertThat(claim(scope, "old")).isInstanceOf(IdempotencyRecords.Fresh.class);
        assertThat(claim(scope, "new")).isInstanceOf(IdempotencyRecords.Done.class);
        assertThat(claim(otherScope, "old")).isInstanceOf(IdempotencyRecords.Done.class);
        assertThat(store().shared().transactions().inTenant(tenant, () -> records().oldest(tenant)))
                .contains(T0.plus(Duration.ofDays(2)));
    }

    @Test
    public void housekeeping_forgets_a_batch_at_most_per_call() {
        TenantId tenant = center();
        Scope scope = of(tenant);
        store().shared().transactions().inTenant(tenant, () -> {
            records().save(scope, "a", "h", new byte[] {1}, T0);
            records().save(scope, "b", "h", new byte[] {2}, T0);
            records().save(scope, "c", "h", new byte[] {3}, T0);
        });
        java.util.function.IntSupplier batch = () -> store().shared().transactions().inTenant(tenant,
                () -> records().forgetBefore(Optional.of(tenant), T0.plusSeconds(1), 2));

        assertThat(batch.getAsInt()).isEqualTo(2);
        assertThat(batch.getAsInt()).isEqualTo(1);
        assertThat(batch.getAsInt()).isZero();
    }
}
