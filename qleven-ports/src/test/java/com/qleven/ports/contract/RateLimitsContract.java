package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.RateLimits.Window;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@code RateLimits} implementation promises. */
public abstract class RateLimitsContract {
    private static final String BUCKET = "contract_failures";

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private RateLimits limits() {
        return store().shared().rateLimits();
    }

    private void record(String bucket, BlindIndex key, Instant... moments) {
        store().shared().transactions().global(() -> {
            for (Instant at : moments) {
                limits().record(bucket, key, at);
            }
        });
    }

    private Window since(String bucket, BlindIndex key, Instant since) {
        return store().shared().transactions().global(() -> limits().since(bucket, key, since));
    }

    @Test
    public void since_counts_only_events_at_or_after_since_and_reports_the_oldest() {
        BlindIndex key = newBlindIndex();
        record(BUCKET, key, T0.minus(Duration.ofMinutes(10)), T0.minus(Duration.ofMinutes(5)),
                T0.minus(Duration.ofMinutes(1)), T0);

        Window window = since(BUCKET, key, T0.minus(Duration.ofMinutes(5)));

        assertThat(window.count()).isEqualTo(3);
        assertThat(window.oldest()).contains(T0.minus(Duration.ofMinutes(5)));
    }

    @Test
    public void a_key_without_events_has_an_empty_window() {
        Window window = since(BUCKET, newBlindIndex(), T0.minus(Duration.ofHours(1)));

        assertThat(window.count()).isZero();
        assertThat(window.oldest()).isEmpty();
    }

    @Test
    public void events_before_the_window_are_not_counted() {
        BlindIndex key = newBlindIndex();
        record(BUCKET, key, T0.minus(Duration.ofHours(2)));

        Window window = since(BUCKET, key, T0.minus(Duration.ofHours(1)));

        assertThat(window.count()).isZero();
        assertThat(window.oldest()).isEmpty();
    }

    @Test
    public void the_same_moment_recorded_twice_counts_twice() {
        BlindIndex key = newBlindIndex();
        record(BUCKET, key, T0, T0);

        assertThat(since(BUCKET, key, T0).count()).isEqualTo(2);
    }

    @Test
    public void buckets_and_keys_are_counted_apart() {
        BlindIndex key = newBlindIndex();
        BlindIndex other = newBlindIndex();
        record(BUCKET, key, T0);
        record("contract_other", key, T0, T0);
        record(BUCKET, other, T0, T0, T0);

        assertThat(since(BUCKET, key, T0).count()).isEqualTo(1);
        assertThat(since("contract_other", key, T0).count()).isEqualTo(2);
        assertThat(since(BUCKET, other, T0).count()).isEqualTo(3);
    }

    @Test
    public void clear_forgets_the_keys_events_in_that_bucket_only() {
        BlindIndex key = newBlindIndex();
        BlindIndex other = newBlindIndex();
        record(BUCKET, key, T0, T0);
        record("contract_other", key, T0);
        record(BUCKET, other, T0);

        store().shared().transactions().global(() -> limits().clear(BUCKET, key));

        assertThat(since(BUCKET, key, T0).count()).isZero();
        assertThat(since("contract_other", key, T0).count()).isEqualTo(1);
        assertThat(since(BUCKET, other, T0).count()).isEqualTo(1);
    }

    @Test
    public void forgetBefore_forgets_older_events_and_keeps_the_rest() {
        // Far in the past, so that forgetting touches no other test's events.
        Instant cutoff = Instant.parse("2001-06-01T12:00:00.000001Z");
        BlindIndex key = newBlindIndex();
        record(BUCKET, key, cutoff.minus(Duration.ofDays(2)), cutoff.minusNanos(1_000), cutoff,
                cutoff.plus(Duration.ofMinutes(1)));

        store().shared().transactions().global(() -> limits().forgetBefore(cutoff));

        Window window = since(BUCKET, key, cutoff.minus(Duration.ofDays(30)));
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.oldest()).contains(cutoff);
    }

    @Test
    public void forget_removes_one_event_at_that_moment_only() {
        BlindIndex key = newBlindIndex();
        record(BUCKET, key, T0, T0, T0.plusSeconds(1));

        store().shared().transactions().global(() -> limits().forget(BUCKET, key, T0));
        assertThat(since(BUCKET, key, T0).count()).isEqualTo(2);
        store().shared().transactions().global(() -> limits().forget(BUCKET, key, T0.plusSeconds(5)));
        assertThat(since(BUCKET, key, T0).count()).isEqualTo(2);
        store().shared().transactions().global(() -> limits().forget(BUCKET, key, T0));
        Window left = since(BUCKET, key, T0);
        assertThat(left.count()).isEqualTo(1);
        assertThat(left.oldest()).contains(T0.plusSeconds(1));
    }

    @Test
    public void lock_makes_count_then_record_one_step_per_key() throws Exception {
        // Each of many threads counts, and records only while fewer than the limit are recorded: with
        // the lock, never more than the limit get through.
        BlindIndex key = newBlindIndex();
        int limit = 5;
        int threads = 16;
        java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    store().shared().transactions().global(() -> {
                        limits().lock(BUCKET, key);
                        if (limits().since(BUCKET, key, T0.minus(Duration.ofHours(1))).count() < limit) {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            limits().record(BUCKET, key, T0);
                            passed.incrementAndGet();
                        }
                    });
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : all) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(passed.get()).isEqualTo(limit);
        assertThat(since(BUCKET, key, T0).count()).isEqualTo(limit);
    }
}
