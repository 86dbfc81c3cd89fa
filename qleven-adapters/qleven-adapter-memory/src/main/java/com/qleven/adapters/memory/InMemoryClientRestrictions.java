package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.clients.out.ClientRestrictions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Restrictions of processing in memory; visible and writable only in their center's unit. */
final class InMemoryClientRestrictions implements ClientRestrictions {
    private record Key(TenantId tenant, ClientId client) {
    }

    /** One record per client, as the table keeps it: the restriction and, once lifted, its lifting. */
    private record Row(Restriction restriction, Optional<Instant> liftedAt, Optional<UserId> liftedBy,
                       byte[] liftReason) {
        boolean active() {
            return liftedAt.isEmpty();
        }
    }

    private final InMemoryTransactions tx;
    private final InMemoryClients clients;
    private final Map<Key, Row> rows = new HashMap<>();

    InMemoryClientRestrictions(InMemoryTransactions tx, InMemoryClients clients) {
        this.tx = tx;
        this.clients = clients;
    }

    private void put(Key key, Row row) {
        Row previous = rows.put(key, row);
        tx.onRollback(() -> {
            if (previous == null) {
                rows.remove(key);
            } else {
                rows.put(key, previous);
            }
        });
    }

    @Override
    public void restrict(TenantId tenant, ClientId client, Optional<UUID> requestId, byte[] sealedReason,
                         Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, client);
            Row row = rows.get(key);
            if (row == null || !row.active()) {
                put(key, new Row(new Restriction(client, at, requestId, sealedReason), Optional.empty(),
                        Optional.empty(), null));
            }
        });
    }

    @Override
    public boolean lift(TenantId tenant, ClientId client, UserId by, byte[] sealedReason, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, client);
            Row row = rows.get(key);
            if (row == null || !row.active()) {
                return false;
            }
            put(key, new Row(row.restriction(), Optional.of(at), Optional.of(by), sealedReason.clone()));
            return true;
        });
    }

    @Override
    public Map<ClientId, Restriction> activeAmong(TenantId tenant, Collection<ClientId> clients) {
        return tx.within(() -> {
            Map<ClientId, Restriction> active = new HashMap<>();
            if (!tx.visible(tenant)) {
                return active;
            }
            for (ClientId client : clients) {
                Row row = rows.get(new Key(tenant, client));
                if (row != null && row.active()) {
                    active.put(client, row.restriction());
                }
            }
            return active;
        });
    }

    @Override
    public Optional<Boolean> restrictedIfClient(TenantId tenant, ClientId client) {
        return tx.within(() -> clients.byId(tenant, client).map(c -> active(tenant, client).isPresent()));
    }

    @Override
    public Optional<ClientAndRestriction> clientAndRestriction(TenantId tenant, ClientId client) {
        return tx.within(() -> clients.byId(tenant, client)
                .map(c -> new ClientAndRestriction(c, active(tenant, client).isPresent())));
    }
}
