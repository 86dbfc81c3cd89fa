package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import java.time.Instant;
import java.util.Optional;

/** Feed tokens' hashes in {@code directory.calendar_feed_tokens}: one row per member, keyed by hash. */
final class PostgresCalendarFeeds implements CalendarFeeds {
    private final PostgresTransactions tx;

    PostgresCalendarFeeds(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void replace(TenantId tenant, UserId member, String tokenHash, Instant at) {
        tx.withHandle(Optional.of(tenant), "replace a calendar feed link", h -> h.createUpdate("""
                        INSERT INTO directory.calendar_feed_tokens (token_hash, tenant_id, user_id, created_at)
                        VALUES (:hash, :tenant, :user, :at)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE
                        SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at""")
                .bind("hash", tokenHash)
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .bind("at", at)
                .execute());
    }

    @Override
    public boolean revoke(TenantId tenant, UserId member) {
        return tx.withHandle(Optional.of(tenant), "revoke a calendar feed link", h -> h.createUpdate(
                        "DELETE FROM directory.calendar_feed_tokens WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .execute()) == 1;
    }

    @Override
    public Optional<FeedToken> ofMember(TenantId tenant, UserId member) {
        return tx.withHandle(Optional.of(tenant), "find a member's calendar feed", h -> h.createQuery(
                        "SELECT created_at FROM directory.calendar_feed_tokens WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", tenant.value())
                .bind("user", member.value())
                .map((rs, ctx) -> new FeedToken(tenant, member, Sql.instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public Optional<FeedToken> byTokenHash(String tokenHash) {
        return tx.withHandle("find a calendar feed", h -> h.createQuery(
                        "SELECT tenant_id, user_id, created_at FROM directory.calendar_feed_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new FeedToken(new TenantId(Sql.uuid(rs, "tenant_id")),
                        new UserId(Sql.uuid(rs, "user_id")), Sql.instant(rs, "created_at")))
                .findOne());
    }
}
