package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@code IdempotencyRecords} implementation promises. */
public abstract class IdempotencyRecordsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private IdempotencyRecords records() {
        return store().idempotencyRecords();
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    @Test
    public void an_unused_key_is_fresh_and_a_saved_one_gives_back_its_hash_and_answer() {
        TenantId tenant = center();
        byte[] answer = {1, 2, 3};
        store().transactions().inTenant(tenant, () -> {
            assertThat(records().claim(tenant, "key-1")).isInstanceOf(IdempotencyRecords.Fresh.class);
            records().save(tenant, "key-1", "hash-1", answer, T0);
        });

        var claim = store().transactions().inTenant(tenant, () -> records().claim(tenant, "key-1"));
        assertThat(claim).isInstanceOfSatisfying(IdempotencyRecords.Done.class, done -> {
            assertThat(done.requestHash()).isEqualTo("hash-1");
            assertThat(done.answer()).containsExactly(1, 2, 3);
        });
    }

    @Test
    public void a_key_belongs_to_its_center_only() {
        TenantId a = center();
        TenantId b = center();
        store().transactions().inTenant(a, () -> {
            records().claim(a, "shared-key");
            records().save(a, "shared-key", "hash-a", new byte[] {1}, T0);
        });

        assertThat(store().transactions().inTenant(b, () -> records().claim(b, "shared-key")))
                .isInstanceOf(IdempotencyRecords.Fresh.class);
    }

    @Test
    public void a_unit_of_work_that_fails_leaves_the_key_fresh() {
        TenantId tenant = center();
        assertThatThrownBy(() -> store().transactions().inTenant(tenant, () -> {
            records().claim(tenant, "key-2");
            records().save(tenant, "key-2", "hash", new byte[] {9}, T0);
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");

        assertThat(store().transactions().inTenant(tenant, () -> records().claim(tenant, "key-2")))
                .isInstanceOf(IdempotencyRecords.Fresh.class);
    }

    @Test
    public void housekeeping_forgets_old_records_of_the_center_only() {
        TenantId tenant = center();
        TenantId other = center();
        store().transactions().inTenant(tenant, () -> {
            records().save(tenant, "old", "h", new byte[] {1}, T0);
            records().save(tenant, "new", "h", new byte[] {2}, T0.plus(Duration.ofDays(2)));
        });
        store().transactions().inTenant(other, () -> records().save(other, "old", "h", new byte[] {3}, T0));

        store().transactions().inTenant(tenant, () -> records().forgetBefore(tenant, T0.plus(Duration.ofDays(1))));

        store().transactions().inTenant(tenant, () -> {
            assertThat(records().claim(tenant, "old")).isInstanceOf(IdempotencyRecords.Fresh.class);
            assertThat(records().claim(tenant, "new")).isInstanceOf(IdempotencyRecords.Done.class);
        });
        assertThat(store().transactions().inTenant(other, () -> records().claim(other, "old")))
                .isInstanceOf(IdempotencyRecords.Done.class);
    }
}
