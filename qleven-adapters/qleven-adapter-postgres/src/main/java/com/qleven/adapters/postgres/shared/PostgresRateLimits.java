package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.RateLimits;
import java.time.Instant;

/** Rate-limit events in the directory schema, shared by every host. */
final class PostgresRateLimits implements RateLimits {
    private final PostgresTransactions tx;

    PostgresRateLimits(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Window since(String bucket, BlindIndex key, Instant since) {
        return tx.withHandle("count rate-limit events", h -> h
                .createQuery("""
                        SELECT count(*) AS events, min(at) AS oldest FROM directory.rate_events
                        WHERE bucket = :bucket AND key_index = :key AND at >= :since""")
                .bind("bucket", bucket)
                .bind("key", key.hex())
                .bind("since", since)
                .map((rs, ctx) -> new Window(rs.getInt("events"), Sql.optionalInstant(rs, "oldest")))
                .one());
    }

    @Override
    public void record(String bucket, BlindIndex key, Instant at) {
        tx.withHandle("record a rate-limit event", h -> h
                .createUpdate("INSERT INTO directory.rate_events (bucket, key_index, at) VALUES (:bucket, :key, :at)")
                .bind("bucket", bucket)
                .bind("key", key.hex())
                .bind("at", at)
                .execute());
    }

    @Override
    public void clear(String bucket, BlindIndex key) {
        tx.withHandle("clear rate-limit events", h -> h
                .createUpdate("DELETE FROM directory.rate_events WHERE bucket = :bucket AND key_index = :key")
                .bind("bucket", bucket)
                .bind("key", key.hex())
                .execute());
    }

    @Override
    public void lock(String bucket, BlindIndex key) {
        // A transaction-scoped advisory lock: released at commit or rollback, after the unit's writes
        // are visible to the next holder (read committed reads them in its next statement).
        tx.withHandle("lock a rate-limit key", h -> h
                .createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))::text")
                .bind("lock", "rate_events|" + bucket + "|" + key.hex())
                .mapTo(String.class)
                .one());
    }

    @Override
    public void forget(String bucket, BlindIndex key, Instant at) {
        tx.withHandle("forget a rate-limit event", h -> h
                .createUpdate("""
                        DELETE FROM directory.rate_events WHERE ctid = (
                            SELECT ctid FROM directory.rate_events
                            WHERE bucket = :bucket AND key_index = :key AND at = :at LIMIT 1)""")
                .bind("bucket", bucket)
                .bind("key", key.hex())
                .bind("at", at)
                .execute());
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return tx.withHandle("forget old rate-limit events", h -> h
                .createUpdate("DELETE FROM directory.rate_events WHERE at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}
