package com.qleven.adapters.memory;

import com.qleven.domain.messaging.TokenBucket;
import com.qleven.ports.messaging.out.SendBudgets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Send budgets in memory: one unit at a time holds the store, so a take is alone as PostgreSQL's row
 * lock makes it; a take in a unit that rolls back gives its tokens back, as there.
 */
final class InMemorySendBudgets implements SendBudgets {
    private final InMemoryTransactions tx;
    private final Map<String, TokenBucket.State> buckets = new HashMap<>();

    InMemorySendBudgets(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public TokenBucket.Take take(String key, TokenBucket bucket, int n, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(now, "now");
        return tx.within(() -> {
            TokenBucket.State stored = buckets.get(key);
            if (stored == null) {
                stored = bucket.full(now);
                tx.put(buckets, key, stored);
            }
            TokenBucket.Take take = bucket.take(stored, n, now);
            if (!take.state().equals(stored)) {
                tx.put(buckets, key, take.state());
            }
            return take;
        });
    }
}
