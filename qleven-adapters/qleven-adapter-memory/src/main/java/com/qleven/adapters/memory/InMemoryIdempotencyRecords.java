package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Idempotency records in memory. Units of work here run one at a time, so a key is never busy:
 * the claim only looks the key up.
 */
final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private record Key(TenantId tenant, String key) {
    }

    private record Saved(String requestHash, byte[] answer, Instant at) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Saved> saved = new HashMap<>();

    InMemoryIdempotencyRecords(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Claim claim(TenantId tenant, String key) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Saved found = saved.get(new Key(tenant, key));
            return found == null ? new Fresh() : new Done(found.requestHash(), found.answer().clone());
        });
    }

    @Override
    public void save(TenantId tenant, String key, String requestHash, byte[] answer, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key k = new Key(tenant, key);
            if (saved.containsKey(k)) {
                throw new IllegalStateException("the key was saved already");
            }
            saved.put(k, new Saved(requestHash, answer.clone(), at));
            tx.onRollback(() -> saved.remove(k));
        });
    }

    @Override
    public void forgetBefore(TenantId tenant, Instant cutoff) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            List<Map.Entry<Key, Saved>> old = saved.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().at().isBefore(cutoff))
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            old.forEach(e -> {
                saved.remove(e.getKey());
                tx.onRollback(() -> saved.put(e.getKey(), e.getValue()));
            });
        });
    }
}
