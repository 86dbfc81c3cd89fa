package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records of a center. A claim takes a transaction-scoped advisory lock on the center
 * and key: a second request with the key while the first runs finds it busy at once instead of
 * waiting, and the lock ends with the unit of work that did the work and saved its answer.
 */
final class PostgresIdempotencyRecords implements IdempotencyRecords {
    private final PostgresTransactions tx;

    PostgresIdempotencyRecords(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Claim claim(TenantId tenant, String key) {
        return tx.withHandle(Optional.of(tenant), "claim an idempotency key", h -> {
            boolean locked = h.createQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                    .bind("lock", "idempotency|" + tenant + "|" + key)
                    .mapTo(Boolean.class)
                    .one();
            if (!locked) {
                return new Busy();
            }
            return h.createQuery("""
                            SELECT request_hash, answer FROM idempotency_records
                            WHERE tenant_id = :tenant AND key = :key""")
                    .bind("tenant", tenant.value())
                    .bind("key", key)
                    .map((rs, ctx) -> (Claim) new Done(rs.getString("request_hash"), rs.getBytes("answer")))
                    .findOne()
                    .orElseGet(Fresh::new);
        });
    }

    @Override
    public void save(TenantId tenant, String key, String requestHash, byte[] answer, Instant at) {
        tx.withHandle(Optional.of(tenant), "save an idempotent answer", h -> h
                .createUpdate("""
                        INSERT INTO idempotency_records (tenant_id, key, request_hash, answer, created_at)
                        VALUES (:tenant, :key, :hash, :answer, :at)""")
                .bind("tenant", tenant.value())
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("answer", answer)
                .bind("at", Sql.instant(at))
                .execute());
    }

    @Override
    public void forgetBefore(TenantId tenant, Instant cutoff) {
        tx.withHandle(Optional.of(tenant), "forget old idempotency records", h -> h
                .createUpdate("DELETE FROM idempotency_records WHERE tenant_id = :tenant AND created_at < :cutoff")
                .bind("tenant", tenant.value())
                .bind("cutoff", Sql.instant(cutoff))
                .execute());
    }
}
