package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.ClientRestrictions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Restricted clients in memory; visible and writable only in their center's unit. */
final class InMemoryClientRestrictions implements ClientRestrictions {
    private record Key(TenantId tenant, ClientId client) {
    }

    private final InMemoryTransactions tx;
    private final Set<Key> restricted = new HashSet<>();

    InMemoryClientRestrictions(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void restrict(TenantId tenant, ClientId client, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, client);
            if (restricted.add(key)) {
                tx.onRollback(() -> restricted.remove(key));
            }
        });
    }

    @Override
    public Set<ClientId> restrictedAmong(TenantId tenant, Collection<ClientId> clients) {
        return tx.within(() -> tx.visible(tenant)
                ? clients.stream().filter(c -> restricted.contains(new Key(tenant, c))).collect(Collectors.toSet())
                : Set.<ClientId>of());
    }
}
