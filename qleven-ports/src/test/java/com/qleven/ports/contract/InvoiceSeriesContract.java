package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@code InvoiceSeries} implementation promises: each series counts from 1 on its own, a
 * rolled-back unit gives its place back, and concurrent units of one series get consecutive places,
 * never the same one twice and never leaving a gap.
 */
public abstract class InvoiceSeriesContract {
    private static final InvoiceNumber.Series FULL_2027 = new InvoiceNumber.Series(InvoiceKind.FULL, 2027);

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private InvoiceNumber next(TenantId tenant, InvoiceNumber.Series series) {
        return store().shared().transactions().inTenant(tenant,
                () -> store().billing().invoiceSeries().next(tenant, series).number());
    }

    private long last(TenantId tenant, InvoiceNumber.Series series) {
        return store().shared().transactions().inTenant(tenant,
                () -> store().billing().invoiceSeries().last(tenant, series));
    }

    @Test
    void each_series_counts_from_one_on_its_own() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);

        assertThat(last(tenant, FULL_2027)).isZero();
        assertThat(next(tenant, FULL_2027).text()).isEqualTo("F2027-000001");
        assertThat(next(tenant, FULL_2027).text()).isEqualTo("F2027-000002");
        assertThat(next(tenant, new InvoiceNumber.Series(InvoiceKind.CREDIT_NOTE, 2027)).text())
                .isEqualTo("R2027-000001");
        assertThat(next(tenant, new InvoiceNumber.Series(InvoiceKind.FULL, 2028)).text()).isEqualTo("F2028-000001");
        assertThat(next(other, FULL_2027).text()).as("another center's series").isEqualTo("F2027-000001");
        assertThat(next(tenant, FULL_2027).text()).isEqualTo("F2027-000003");
        assertThat(last(tenant, FULL_2027)).isEqualTo(3);
        assertThat(store().shared().transactions().inTenant(other,
                () -> store().billing().invoiceSeries().last(tenant, FULL_2027))).as("read from another center's unit")
                .isZero();
    }

    @Test
    void a_unit_that_rolls_back_gives_its_place_back() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        next(tenant, FULL_2027);

        assertThatThrownBy(() -> store().shared().transactions().inTenant(tenant, () -> {
            assertThat(store().billing().invoiceSeries().next(tenant, FULL_2027).number().sequence()).isEqualTo(2);
            throw new IllegalStateException("the invoice could not be issued");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(last(tenant, FULL_2027)).isEqualTo(1);
        assertThat(next(tenant, FULL_2027).sequence()).isEqualTo(2);
    }

    @Test
    void another_centers_unit_cannot_take_a_place_in_this_centers_series() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);

        assertThatThrownBy(() -> store().shared().transactions().inTenant(other,
                () -> store().billing().invoiceSeries().next(tenant, FULL_2027))).isInstanceOf(RuntimeException.class);
        assertThat(last(tenant, FULL_2027)).isZero();
    }

    /**
     * 32 units of one series at once, every other one rolling back after taking its place: the 16
     * that commit hold exactly the places 1 to 16.
     */
    @Test
    void concurrent_units_get_consecutive_places_with_no_gap_and_no_duplicate() throws Exception {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        int units = 32;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        Set<Long> committed = new ConcurrentSkipListSet<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < units; i++) {
                boolean rollsBack = i % 2 == 1;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        long place = store().shared().transactions().inTenant(tenant, () -> {
                            long taken = store().billing().invoiceSeries().next(tenant, FULL_2027).number().sequence();
                            if (rollsBack) {
                                throw new IllegalStateException("rolled back");
                            }
                            return taken;
                        });
                        assertThat(committed.add(place)).as("place %d given twice", place).isTrue();
                    } catch (IllegalStateException expected) {
                        assertThat(expected).hasMessage("rolled back");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Long> expected = new TreeSet<>();
        LongStream.rangeClosed(1, units / 2).forEach(expected::add);
        assertThat(committed).containsExactlyElementsOf(expected);
        assertThat(last(tenant, FULL_2027)).isEqualTo(units / 2);
    }
}
