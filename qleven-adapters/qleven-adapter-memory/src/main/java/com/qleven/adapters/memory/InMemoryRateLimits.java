package com.qleven.adapters.memory;

import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.RateLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rate-limit events in memory, by bucket and hashed key. */
final class InMemoryRateLimits implements RateLimits {
    private final InMemoryTransactions tx;
    private final Map<String, List<Instant>> rateEvents = new HashMap<>();

    InMemoryRateLimits(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private static String key(String bucket, BlindIndex key) {
        return bucket + "|" + key.hex();
    }

    @Override
    public Window since(String bucket, BlindIndex key, Instant since) {
        return tx.within(() -> {
            List<Instant> events = rateEvents.getOrDefault(key(bucket, key), List.of()).stream()
                    .filter(at -> !at.isBefore(since)).toList();
            return new Window(events.size(), events.stream().min(Comparator.naturalOrder()));
        });
    }

    @Override
    public void record(String bucket, BlindIndex key, Instant at) {
        tx.within(() -> {
            List<Instant> events = new ArrayList<>(rateEvents.getOrDefault(key(bucket, key), List.of()));
            events.add(at);
            tx.put(rateEvents, key(bucket, key), List.copyOf(events));
        });
    }

    @Override
    public void clear(String bucket, BlindIndex key) {
        tx.within(() -> tx.remove(rateEvents, key(bucket, key)));
    }

    @Override
    public void lock(String bucket, BlindIndex key) {
        // Units of work run one at a time here: the open unit already excludes every other.
        tx.within(() -> { });
    }

    @Override
    public void forget(String bucket, BlindIndex key, Instant at) {
        tx.within(() -> {
            List<Instant> events = new ArrayList<>(rateEvents.getOrDefault(key(bucket, key), List.of()));
            if (events.remove(at)) {
                if (events.isEmpty()) {
                    tx.remove(rateEvents, key(bucket, key));
                } else {
                    tx.put(rateEvents, key(bucket, key), List.copyOf(events));
                }
            }
        });
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return tx.within(() -> {
            int removed = 0;
            for (String k : List.copyOf(rateEvents.keySet())) {
                List<Instant> kept = rateEvents.get(k).stream().filter(at -> !at.isBefore(cutoff)).toList();
                removed += rateEvents.get(k).size() - kept.size();
                if (kept.isEmpty()) {
                    tx.remove(rateEvents, k);
                } else if (kept.size() < rateEvents.get(k).size()) {
                    tx.put(rateEvents, k, kept);
                }
            }
            return removed;
        });
    }
}
