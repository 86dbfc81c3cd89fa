package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory. Units of work here run one at a time, so a key is never busy:
 * the claim only looks the key up.
 */
final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private record Key(Scope scope, String key) {
    }

    private record Saved(String requestHash, byte[] answer, Instant at) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Saved> saved = new HashMap<>();

    InMemoryIdempotencyRecords(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private void check(Optional<TenantId> tenant) {
        tenant.ifPresent(tx::checkWrite);
    }

    @Override
    public Claim claim(Scope scope, String key) {
        return tx.within(() -> {
            check(scope.tenant());
            Saved found = saved.get(new Key(scope, key));
            return found == null ? new Fresh() : new Done(found.requestHash(), found.answer().clone(), found.at());
        });
    }

    @Override
    public void save(Scope scope, String key, String requestHash, byte[] answer, Instant at) {
        tx.within(() -> {
            check(scope.tenant());
            Key k = new Key(scope, key);
            if (saved.containsKey(k)) {
                throw new IllegalStateException("the key was saved already");
            }
            saved.put(k, new Saved(requestHash, answer.clone(), at));
            tx.onRollback(() -> saved.remove(k));
        });
    }

    @Override
    public void forget(Scope scope, String key) {
        tx.within(() -> {
            check(scope.tenant());
            Key k = new Key(scope, key);
            Saved gone = saved.remove(k);
            if (gone != null) {
                tx.onRollback(() -> saved.put(k, gone));
            }
        });
    }

    @Override
    public int forgetBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
        return tx.within(() -> {
            check(tenant);
            List<Map.Entry<Key, Saved>> old = saved.entrySet().stream()
                    .filter(e -> e.getKey().scope().tenant().equals(tenant) && e.getValue().at().isBefore(cutoff))
                    .limit(limit)
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            old.forEach(e -> {
                saved.remove(e.getKey());
                tx.onRollback(() -> saved.put(e.getKey(), e.getValue()));
            });
            return old.size();
        });
    }

    @Override
    public Optional<Instant> oldest(TenantId tenant) {
        return tx.within(() -> {
            check(Optional.of(tenant));
            return saved.entrySet().stream()
                    .filter(e -> e.getKey().scope().tenant().equals(Optional.of(tenant)))
                    .map(e -> e.getValue().at())
                    .min(Instant::compareTo);
        });
    }
}
