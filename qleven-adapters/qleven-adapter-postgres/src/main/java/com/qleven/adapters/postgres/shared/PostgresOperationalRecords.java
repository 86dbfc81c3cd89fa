package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.OperationalRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Housekeeping on PostgreSQL: range deletes on the directory's tokens and the operators' sessions
 * (global tables), the center's session log inside its own unit of work (row-level security), and
 * the queue {@code directory.housekeeping_due} of centers with rows to purge.
 */
final class PostgresOperationalRecords implements OperationalRecords {
    private static final String OVER = "coalesce(ended_at, absolute_expiry)";
    private final PostgresTransactions tx;

    PostgresOperationalRecords(PostgresTransactions tx) {
        this.tx = tx;
    }

    /** Deletes a batch of the table's rows that match, skipping rows another unit of work holds. */
    private int delete(String action, String table, String condition, Instant cutoff, int limit) {
        return tx.withHandle(action, h -> h.createUpdate("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY("
                        + "SELECT ctid FROM " + table + " WHERE " + condition + " LIMIT :limit FOR UPDATE SKIP LOCKED))")
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .execute());
    }

    @Override
    public int forgetSessionTokensExpiredBefore(Instant cutoff, int limit) {
        return delete("forget expired sign-in tokens", "directory.session_tokens", "absolute_expiry < :cutoff",
                cutoff, limit);
    }

    @Override
    public int forgetInvitationTokensExpiredBefore(Instant cutoff, int limit) {
        return delete("forget expired invitation links", "directory.invitation_tokens", "expires_at < :cutoff",
                cutoff, limit);
    }

    @Override
    public int forgetMembershipTokensExpiredBefore(Instant cutoff, int limit) {
        return delete("forget expired links to accept a membership", "directory.membership_tokens",
                "expires_at < :cutoff", cutoff, limit);
    }

    @Override
    public int forgetResetTokensExpiredBefore(Instant cutoff, int limit) {
        return delete("forget expired password-reset links", "directory.password_reset_tokens",
                "expires_at < :cutoff", cutoff, limit);
    }

    @Override
    public int forgetSessionsOverBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
        return tx.withHandle(tenant, "forget old sessions", h -> (tenant.isPresent()
                ? h.createUpdate("DELETE FROM public.sessions WHERE ctid = ANY(ARRAY(SELECT ctid FROM public.sessions"
                        + " WHERE tenant_id = :tenant AND " + OVER + " < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED))")
                        .bind("tenant", tenant.get().value())
                : h.createUpdate("DELETE FROM public.platform_sessions WHERE ctid = ANY(ARRAY(SELECT ctid FROM"
                        + " public.platform_sessions WHERE " + OVER + " < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED))"))
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .execute());
    }

    @Override
    public Optional<Instant> firstSessionOver(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "find the first session over", h -> h
                .createQuery("SELECT min(" + OVER + ") FROM public.sessions WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .mapTo(Instant.class)
                .findOne());
    }

    @Override
    public void markDue(TenantId tenant, Instant at) {
        tx.withHandle(Optional.of(tenant), "queue a center's housekeeping", h -> h
                .createUpdate("""
                        INSERT INTO directory.housekeeping_due (tenant_id, due_at) VALUES (:tenant, :at)
                        ON CONFLICT (tenant_id) DO NOTHING""")
                .bind("tenant", tenant.value())
                .bind("at", at)
                .execute());
    }

    @Override
    public List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit) {
        return tx.withHandle("claim centers due for housekeeping", h -> h
                .createQuery("""
                        UPDATE directory.housekeeping_due SET due_at = :lease
                        WHERE tenant_id IN (SELECT tenant_id FROM directory.housekeeping_due WHERE due_at <= :now
                                            ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING tenant_id""")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(java.util.UUID.class).map(TenantId::new)
                .list());
    }

    @Override
    public void reschedule(TenantId tenant, Instant at) {
        tx.withHandle(Optional.of(tenant), "reschedule a center's housekeeping", h -> h
                .createUpdate("UPDATE directory.housekeeping_due SET due_at = :at WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .bind("at", at)
                .execute());
    }
}
