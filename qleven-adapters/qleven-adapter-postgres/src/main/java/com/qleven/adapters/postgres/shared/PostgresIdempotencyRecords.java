package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records of a center's callers ({@code idempotency_records}, row-level security) and
 * of the platform's operators ({@code platform_idempotency_records}, global). A claim takes a
 * transaction-scoped advisory lock on the scope and key: a second request with the key while the
 * first runs finds it busy at once instead of waiting, and the lock ends with the unit of work that
 * did the work and saved its answer.
 */
final class PostgresIdempotencyRecords implements IdempotencyRecords {
    private final PostgresTransactions tx;

    PostgresIdempotencyRecords(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Claim claim(Scope scope, String key) {
        return tx.withHandle(scope.tenant(), "claim an idempotency key", h -> {
            boolean locked = h.createQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .bind("lock", "idempotency|" + scope.tenant().map(TenantId::toString).orElse("platform") + "|"
                            + scope.caller() + "|" + key)
                    .mapTo(Boolean.class)
                    .one();
            if (!locked) {
                return new Busy();
            }
            var query = scope.tenant().isPresent()
                    ? h.createQuery("""
                            SELECT request_hash, answer, created_at FROM idempotency_records
                            WHERE tenant_id = :tenant AND caller = :caller AND key = :key""")
                            .bind("tenant", scope.tenant().get().value())
                    : h.createQuery("""
                            SELECT request_hash, answer, created_at FROM platform_idempotency_records
                            WHERE caller = :caller AND key = :key""");
            return query.bind("caller", scope.caller())
                    .bind("key", key)
                    .map((rs, ctx) -> (Claim) new Done(rs.getString("request_hash"), rs.getBytes("answer"),
                            Sql.instant(rs, "created_at")))
                    .findOne()
                    .orElseGet(Fresh::new);
        });
    }

    @Override
    public void save(Scope scope, String key, String requestHash, byte[] answer, Instant at) {
        tx.withHandle(scope.tenant(), "save an idempotent answer", h -> (scope.tenant().isPresent()
                ? h.createUpdate("""
                        INSERT INTO idempotency_records (tenant_id, caller, key, request_hash, answer, created_at)
                        VALUES (:tenant, :caller, :key, :hash, :answer, :at)""")
                        .bind("tenant", scope.tenant().get().value())
                : h.createUpdate("""
                        INSERT INTO platform_idempotency_records (caller, key, request_hash, answer, created_at)
                        VALUES (:caller, :key, :hash, :answer, :at)"""))
                .bind("caller", scope.caller())
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("answer", answer)
                .bind("at", at)
                .execute());
    }

    @Override
    public void forget(Scope scope, String key) {
        tx.withHandle(scope.tenant(), "forget an expired idempotency record", h -> (scope.tenant().isPresent()
                ? h.createUpdate("DELETE FROM idempotency_records WHERE tenant_id = :tenant AND caller = :caller AND key = :key")
                        .bind("tenant", scope.tenant().get().value())
                : h.createUpdate("DELETE FROM platform_idempotency_records WHERE caller = :caller AND key = :key"))
                .bind("caller", scope.caller())
                .bind("key", key)
                .execute());
    }

    @Override
    public int forgetBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
        return tx.withHandle(tenant, "forget old idempotency records", h -> (tenant.isPresent()
                ? h.createUpdate("DELETE FROM idempotency_records WHERE ctid = ANY(ARRAY(SELECT ctid FROM"
                        + " idempotency_records WHERE tenant_id = :tenant AND created_at < :cutoff"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED))")
                        .bind("tenant", tenant.get().value())
                : h.createUpdate("DELETE FROM platform_idempotency_records WHERE ctid = ANY(ARRAY(SELECT ctid FROM"
                        + " platform_idempotency_records WHERE created_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED))"))
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .execute());
    }

    @Override
    public Optional<Instant> oldest(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "find the oldest idempotency record", h -> h
                .createQuery("SELECT min(created_at) FROM idempotency_records WHERE tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .mapTo(Instant.class)
                .findOne());
    }
}
