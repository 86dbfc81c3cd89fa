package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.ManageLinks;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Manage links' token hashes in memory, global as the directory's rows are. */
final class InMemoryManageLinks implements ManageLinks {
    private final InMemoryTransactions tx;
    private final Map<String, ManageLink> byHash = new HashMap<>();

    InMemoryManageLinks(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ManageLink link) {
        tx.within(() -> {
            if (byHash.containsKey(link.tokenHash())) {
                throw new ConflictException("cannot add a manage link: it conflicts with what is already stored");
            }
            tx.put(byHash, link.tokenHash(), link);
        });
    }

    @Override
    public Optional<ManageLink> byTokenHash(String tokenHash, Instant now) {
        return tx.within(() -> Optional.ofNullable(byHash.get(tokenHash)).filter(l -> l.expiresAt().isAfter(now)));
    }

    @Override
    public int revokeFor(TenantId tenant, AppointmentId appointment) {
        return removeWhere(l -> l.tenant().equals(tenant) && l.appointment().equals(appointment));
    }

    @Override
    public int removeExpired(Instant now, int batch) {
        return removeWhere(l -> !l.expiresAt().isAfter(now), batch);
    }

    private int removeWhere(java.util.function.Predicate<ManageLink> which) {
        return removeWhere(which, Integer.MAX_VALUE);
    }

    private int removeWhere(java.util.function.Predicate<ManageLink> which, int limit) {
        return tx.within(() -> {
            List<String> gone = byHash.values().stream().filter(which).map(ManageLink::tokenHash).limit(limit)
                    .toList();
            gone.forEach(h -> tx.remove(byHash, h));
            return gone.size();
        });
    }
}
