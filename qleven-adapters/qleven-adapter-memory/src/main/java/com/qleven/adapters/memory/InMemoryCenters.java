package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.ports.tenancy.out.Centers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The centers in memory; a unit of work sees only its own center. */
final class InMemoryCenters implements Centers {
    private final InMemoryTransactions tx;
    private final Map<TenantId, Center> centers = new HashMap<>();

    InMemoryCenters(InMemoryTransactions tx) {
        this.tx = tx;
    }

    /** Whether the center is stored, whatever the unit: the memberships' foreign key. */
    boolean exists(TenantId id) {
        return centers.containsKey(id);
    }

    /** The center's name whatever center the unit is bound to, as PostgreSQL's global directory has it. */
    String nameOf(TenantId id) {
        return java.util.Optional.ofNullable(centers.get(id)).map(c -> c.profile().name()).orElse("");
    }

    @Override
    public void add(Center center) {
        tx.within(() -> {
            tx.checkWrite(center.id());
            if (centers.containsKey(center.id())) {
                throw new IllegalStateException("center " + center.id() + " exists");
            }
            tx.put(centers, center.id(), center);
        });
    }

    @Override
    public Optional<Center> byId(TenantId id) {
        return tx.within(() -> Optional.ofNullable(centers.get(id)).filter(c -> tx.visible(c.id())));
    }
}
