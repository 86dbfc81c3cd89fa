package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Optional;

/** A center's suppression list: keyed HMACs only, no client id, under row-level security. */
final class PostgresSuppressions implements Suppressions {
    private final PostgresTransactions tx;

    PostgresSuppressions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, BlindIndex key, Instant at) {
        tx.withHandle(Optional.of(tenant), "add a suppression entry", h -> h.createUpdate("""
                        INSERT INTO public.marketing_suppressions (tenant_id, key_hmac, created_at)
                        VALUES (:tenant, :key, :at) ON CONFLICT DO NOTHING""")
                .bind("tenant", tenant.value())
                .bind("key", key.hex())
                .bind("at", at)
                .execute());
    }

    @Override
    public boolean contains(TenantId tenant, BlindIndex key) {
        return tx.withHandle(Optional.of(tenant), "look a suppression entry up", h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM public.marketing_suppressions
                                       WHERE tenant_id = :tenant AND key_hmac = :key)""")
                .bind("tenant", tenant.value())
                .bind("key", key.hex())
                .mapTo(Boolean.class)
                .one());
    }
}
