package com.qleven.adapters.postgres.clients;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.ClientRestrictions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Restricted clients: one row per client, under row-level security. */
final class PostgresClientRestrictions implements ClientRestrictions {
    private final PostgresTransactions tx;

    PostgresClientRestrictions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void restrict(TenantId tenant, ClientId client, Instant at) {
        tx.withHandle(Optional.of(tenant), "restrict a client", h -> h.createUpdate("""
                        INSERT INTO public.client_restrictions (tenant_id, client_id, restricted_at)
                        VALUES (:tenant, :client, :at) ON CONFLICT DO NOTHING""")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("client", Sql.uuid(client.value()))
                .bind("at", Sql.instant(at))
                .execute());
    }

    @Override
    public Set<ClientId> restrictedAmong(TenantId tenant, Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Set.of();
        }
        return tx.withHandle(Optional.of(tenant), "find restricted clients", h -> new HashSet<>(h.createQuery("""
                        SELECT client_id FROM public.client_restrictions
                        WHERE tenant_id = :tenant AND client_id = ANY(:clients)""")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("clients", Sql.uuids(clients.stream().map(ClientId::value).toList()))
                .map((rs, ctx) -> new ClientId(Sql.uuid(rs, "client_id")))
                .list()));
    }
}
