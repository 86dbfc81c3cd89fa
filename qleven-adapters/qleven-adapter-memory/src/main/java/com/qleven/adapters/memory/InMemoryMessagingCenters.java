package com.qleven.adapters.memory;

import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.MessagingCenters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each center's messaging settings in memory, with their version; visible in the center's unit only. */
final class InMemoryMessagingCenters implements MessagingCenters {
    private final InMemoryTransactions tx;
    private final Map<TenantId, Saved> saved = new HashMap<>();

    InMemoryMessagingCenters(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Saved> read(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(saved.get(tenant)) : Optional.<Saved>empty());
    }

    @Override
    public boolean save(TenantId tenant, MessagingSettings settings, long expectedVersion, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            long current = Optional.ofNullable(saved.get(tenant)).map(Saved::version).orElse(0L);
            if (current != expectedVersion) {
                return false;
            }
            tx.put(saved, tenant, new Saved(settings, expectedVersion + 1));
            return true;
        });
    }
}
