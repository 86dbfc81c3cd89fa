package com.qleven.adapters.postgres.clients;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
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

/**
 * Restrictions of processing: one row per client, in force while {@code lifted_at} is null, under
 * row-level security. Reasons arrive sealed.
 */
final class PostgresClientRestrictions implements ClientRestrictions {
    /** The client row's columns, qualified for the query that joins its restriction. */
    private static final String CLIENT_COLUMNS = java.util.Arrays.stream(PostgresClients.COLUMNS.split(","))
            .map(c -> "c." + c.strip()).collect(java.util.stream.Collectors.joining(", "));
    private final PostgresTransactions tx;

    PostgresClientRestrictions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void restrict(TenantId tenant, ClientId client, Optional<UUID> requestId, byte[] sealedReason,
                         Instant at) {
        tx.withHandle(Optional.of(tenant), "restrict a client", h -> h.createUpdate("""
                        INSERT INTO public.client_restrictions (tenant_id, client_id, restricted_at, request_id, reason)
                        VALUES (:tenant, :client, :at, :request, :reason)
                        ON CONFLICT (tenant_id, client_id) DO UPDATE
                        SET restricted_at = EXCLUDED.restricted_at, request_id = EXCLUDED.request_id,
                            reason = EXCLUDED.reason, lifted_at = NULL, lifted_by = NULL, lift_reason = NULL
                        WHERE client_restrictions.lifted_at IS NOT NULL""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .bind("at", at)
                .bind("request", requestId.orElse(null))
                .bind("reason", sealedReason)
                .execute());
    }

    @Override
    public boolean lift(TenantId tenant, ClientId client, UserId by, byte[] sealedReason, Instant at) {
        return tx.withHandle(Optional.of(tenant), "lift a client's restriction", h -> h.createUpdate("""
                        UPDATE public.client_restrictions
                        SET lifted_at = :at, lifted_by = :by, lift_reason = :reason
                        WHERE tenant_id = :tenant AND client_id = :client AND lifted_at IS NULL""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .bind("at", at)
                .bind("by", by.value())
                .bind("reason", sealedReason)
                .execute()) == 1;
    }

    @Override
    public Map<ClientId, Restriction> activeAmong(TenantId tenant, Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        return tx.withHandle(Optional.of(tenant), "find restricted clients", h -> {
            Map<ClientId, Restriction> active = new HashMap<>();
            h.createQuery("""
                            SELECT client_id, restricted_at, request_id, reason FROM public.client_restrictions
                            WHERE tenant_id = :tenant AND client_id = ANY(:clients) AND lifted_at IS NULL""")
                    .bind("tenant", tenant.value())
                    .bindArray("clients", UUID.class, clients.stream().map(ClientId::value).toList())
                    .map((rs, ctx) -> new Restriction(new ClientId(Sql.uuid(rs, "client_id")),
                            Sql.instant(rs, "restricted_at"), Optional.ofNullable(Sql.uuid(rs, "request_id")),
                            rs.getBytes("reason")))
                    .forEach(r -> active.put(r.client(), r));
            return active;
        });
    }

    @Override
    public Optional<Boolean> restrictedIfClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "find a client and its restriction", h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM public.client_restrictions r
                                       WHERE r.tenant_id = c.tenant_id AND r.client_id = c.id
                                         AND r.lifted_at IS NULL) AS restricted
                        FROM public.clients c WHERE c.tenant_id = :tenant AND c.id = :client""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map((rs, ctx) -> rs.getBoolean("restricted"))
                .findOne());
    }

    @Override
    public Optional<ClientAndRestriction> clientAndRestriction(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "find a client with its restriction", h -> h.createQuery("SELECT "
                        + CLIENT_COLUMNS + """
                        , EXISTS (SELECT 1 FROM public.client_restrictions r
                                  WHERE r.tenant_id = c.tenant_id AND r.client_id = c.id
                                    AND r.lifted_at IS NULL) AS restricted
                        FROM public.clients c WHERE c.tenant_id = :tenant AND c.id = :client""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map((rs, ctx) -> new ClientAndRestriction(PostgresClients.CLIENT.map(rs, ctx),
                        rs.getBoolean("restricted")))
                .findOne());
    }
}
