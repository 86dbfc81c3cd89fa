package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.messaging.TokenBucket;
import com.qleven.ports.messaging.out.SendBudgets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Buckets in {@code directory.whatsapp_send_buckets} (V32). The first statement creates the bucket
 * full if it is new and otherwise locks its row (a no-op update), returning its state either way; the
 * arithmetic is {@link TokenBucket}'s; the second statement stores what the take left. The row stays
 * locked to the caller's commit, so hosts side by side take one after the other.
 *
 * <p>PostgreSQL keeps microseconds: a refill time with a fraction of a microsecond is stored rounded
 * up, which only ever withholds a sliver of a token, never grants one more than the rate.
 */
final class PostgresSendBudgets implements SendBudgets {
    private final PostgresTransactions tx;

    PostgresSendBudgets(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public TokenBucket.Take take(String key, TokenBucket bucket, int n, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(now, "now");
        TokenBucket.State full = bucket.full(now);
        return tx.withHandle("take from a send budget", h -> {
            TokenBucket.State stored = h.createQuery("""
                            INSERT INTO directory.whatsapp_send_buckets AS b (key, micro_tokens, refilled_at)
                            VALUES (:key, :micro, :at)
                            ON CONFLICT (key) DO UPDATE SET key = b.key
                            RETURNING b.micro_tokens, b.refilled_at""")
                    .bind("key", key)
                    .bind("micro", full.microTokens())
                    .bind("at", full.refilledAt())
                    .map((rs, ctx) -> new TokenBucket.State(rs.getLong("micro_tokens"), Sql.instant(rs, "refilled_at")))
                    .one();
            TokenBucket.Take take = bucket.take(stored, n, now);
            TokenBucket.State next = take.state();
            if (!next.equals(stored)) {
                h.createUpdate("UPDATE directory.whatsapp_send_buckets SET micro_tokens = :micro, refilled_at = :at"
                                + " WHERE key = :key")
                        .bind("key", key)
                        .bind("micro", next.microTokens())
                        .bind("at", ceilMicros(next.refilledAt()))
                        .execute();
            }
            return take;
        });
    }

    private static Instant ceilMicros(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MICROS);
        return down.equals(at) ? at : down.plus(1, ChronoUnit.MICROS);
    }
}
