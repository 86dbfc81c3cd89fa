package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The suppression lists in memory; visible and writable only in their center's unit. */
final class InMemorySuppressions implements Suppressions {
    private record Key(TenantId tenant, BlindIndex key) {
    }

    private final InMemoryTransactions tx;
    private final Set<Key> entries = new HashSet<>();

    InMemorySuppressions(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, BlindIndex key, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key entry = new Key(tenant, key);
            if (entries.add(entry)) {
                tx.onRollback(() -> entries.remove(entry));
            }
        });
    }

    @Override
    public boolean contains(TenantId tenant, BlindIndex key) {
        return tx.within(() -> tx.visible(tenant) && entries.contains(new Key(tenant, key)));
    }
}
