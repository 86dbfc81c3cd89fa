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
        return store().rateLimits();
    }

    private void record(String bucket, BlindIndex key, Instant... moments) {
        store().transactions().global(() -> {
            for (Instant at : moments) {
                limits().record(bucket, key, at);
            }
        });
    }

    private Window since(String bucket, BlindIndex key, Instant since) {
        return store().transactions().global(() -> limits().since(bucket, key, since));
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

        store().transactions().global(() -> limits().clear(BUCKET, key));

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

        store().transactions().global(() -> limits().forgetBefore(cutoff));

        Window window = since(BUCKET, key, cutoff.minus(Duration.ofDays(30)));
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.oldest()).contains(cutoff);
    }
}
