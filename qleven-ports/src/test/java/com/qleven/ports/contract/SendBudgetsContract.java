package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.messaging.TokenBucket;
import com.qleven.ports.messaging.out.SendBudgets;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@code SendBudgets} promises: a bucket starts full, grants all or nothing, refills at its
 * rate, says when refused tokens will be there, gives back what a rolled-back unit took, and never
 * grants more than its tokens to takers racing each other from many threads (hosts).
 */
public abstract class SendBudgetsContract {
    protected abstract QlevenStore store();

    private SendBudgets budgets() {
        return store().messaging().sendBudgets();
    }

    private Transactions tx() {
        return store().shared().transactions();
    }

    private static String newKey() {
        return "wa:number:" + UUID.randomUUID();
    }

    private TokenBucket.Take take(String key, TokenBucket bucket, int n, Instant now) {
        return tx().global(() -> budgets().take(key, bucket, n, now));
    }

    @Test
    void aNewBucketIsFullThenRefusesUntilItRefillsAtItsRate() {
        String key = newKey();
        TokenBucket bucket = TokenBucket.perSecond(20, 20);
        assertThat(take(key, bucket, 15, T0).granted()).isTrue();
        assertThat(take(key, bucket, 5, T0).granted()).isTrue();
        TokenBucket.Take refused = take(key, bucket, 1, T0);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAt()).contains(T0.plus(Duration.ofMillis(50)));
        assertThat(take(key, bucket, 1, T0.plus(Duration.ofMillis(49))).granted()).isFalse();
        assertThat(take(key, bucket, 1, T0.plus(Duration.ofMillis(50))).granted()).isTrue();
        // all or none: two are not there after 60 ms more, and the one that is stays
        assertThat(take(key, bucket, 2, T0.plus(Duration.ofMillis(100))).granted()).isFalse();
        assertThat(take(key, bucket, 1, T0.plus(Duration.ofMillis(100))).granted()).isTrue();
        assertThat(take(key, bucket, 20, T0.plus(Duration.ofSeconds(10))).granted()).as("full again, never above")
                .isTrue();
        assertThat(take(key, bucket, 1, T0.plus(Duration.ofSeconds(10))).granted()).isFalse();
        assertThat(take(newKey(), bucket, 20, T0).granted()).as("another key, another bucket").isTrue();
    }

    @Test
    void aTakeInAUnitThatRollsBackGivesItsTokensBack() {
        String key = newKey();
        TokenBucket bucket = TokenBucket.perSecond(5, 5);
        assertThat(take(key, bucket, 3, T0).granted()).isTrue();
        assertThatThrownBy(() -> tx().global(() -> {
            budgets().take(key, bucket, 2, T0);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(take(key, bucket, 2, T0).granted()).isTrue();
        assertThat(take(key, bucket, 1, T0).granted()).isFalse();
    }

    @Test
    void takersRacingOnOneBucketNeverGetMoreThanItsTokens() throws Exception {
        String key = newKey();
        TokenBucket bucket = new TokenBucket(10, 1, Duration.ofSeconds(6));
        int threads = 6;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 10; i++) {
                        // all at the same moment: no refill, so exactly the capacity can be granted
                        if (take(key, bucket, 1, T0).granted()) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted.get()).isEqualTo(10);
    }
}
