package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code directory.waitlist_offer_due}, which the trigger on {@code public.waitlist_entries} keeps in
 * step (V21): claimed with {@code FOR UPDATE SKIP LOCKED} under a lease, refreshed by the same
 * function the trigger calls.
 */
final class PostgresWaitlistOffersDue implements WaitlistOffersDue {
    private final PostgresTransactions tx;

    PostgresWaitlistOffersDue(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit) {
        return tx.withHandle("claim centers with lapsed waitlist offers", h -> h
                .createQuery("""
                        UPDATE directory.waitlist_offer_due d SET due_at = :lease
                        FROM (SELECT tenant_id, due_at FROM directory.waitlist_offer_due WHERE due_at <= :now
                              ORDER BY due_at, tenant_id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE d.tenant_id = due.tenant_id
                        RETURNING d.tenant_id, due.due_at""")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Claimed(new TenantId(Sql.uuid(rs, "tenant_id")), Sql.instant(rs, "due_at")))
                .list()
                .stream()
                // RETURNING keeps no order: earliest first, as claimed.
                .sorted(Comparator.comparing(Claimed::dueAt).thenComparing(c -> c.tenant().value().toString()))
                .map(Claimed::tenant)
                .toList());
    }

    private record Claimed(TenantId tenant, Instant dueAt) {
    }

    @Override
    public void refresh(TenantId tenant) {
        tx.withHandle(Optional.of(tenant), "refresh a center's waitlist offer due", h -> h
                .createQuery("SELECT 1 FROM (SELECT public.qleven_directory_waitlist_offer_due_refresh(:tenant)) refreshed")
                .bind("tenant", tenant.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant) {
        return tx.withHandle("read a center's waitlist offer due", h -> h
                .createQuery("SELECT due_at FROM directory.waitlist_offer_due WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .mapTo(Instant.class)
                .findOne());
    }
}
