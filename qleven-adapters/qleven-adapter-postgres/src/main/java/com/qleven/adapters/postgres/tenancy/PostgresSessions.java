package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredSession;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Sign-in sessions: a center's in {@code sessions} (row-level security), an operator's in
 * {@code platform_sessions}.
 */
final class PostgresSessions implements Sessions {
    private static final String COLUMNS = "id, user_id, created_at, last_seen_at, absolute_expiry, ended_at,"
            + " end_reason, ip, user_agent, country";
    private static final String VALUES =
            ":id, :user, :created, :lastSeen, :expiry, :ended, :reason, :ip, :agent, :country";

    private final PostgresTransactions tx;

    PostgresSessions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredSession s) {
        Optional<TenantId> tenant = s.tenantId();
        String sql = tenant.isPresent()
                ? "INSERT INTO public.sessions (tenant_id, " + COLUMNS + ") VALUES (:tenant, " + VALUES + ")"
                : "INSERT INTO public.platform_sessions (" + COLUMNS + ") VALUES (" + VALUES + ")";
        tx.withHandle(tenant, "add a session", h -> {
            var update = h.createUpdate(sql)
                    .bind("id", s.id().value())
                    .bind("user", s.userId().value())
                    .bind("created", s.createdAt())
                    .bind("lastSeen", s.lastSeenAt())
                    .bind("expiry", s.absoluteExpiry())
                    .bindByType("ended", s.endedAt().orElse(null), Instant.class)
                    .bind("reason", s.endReason().orElse(null))
                    .bind("ip", s.ip())
                    .bind("agent", s.userAgent())
                    .bind("country", s.country().orElse(null));
            bindTenant(update, tenant);
            return update.execute();
        });
    }

    @Override
    public Optional<StoredSession> byId(Optional<TenantId> tenant, SessionId id) {
        String sql = "SELECT " + COLUMNS + " FROM " + table(tenant) + " WHERE id = :id" + tenantFilter(tenant);
        return tx.withHandle(tenant, "find a session", h -> {
            var query = h.createQuery(sql).bind("id", id.value());
            bindTenant(query, tenant);
            return query.map((rs, ctx) -> new StoredSession(new SessionId(Sql.uuid(rs, "id")),
                            new UserId(Sql.uuid(rs, "user_id")), tenant, Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "absolute_expiry"),
                            Sql.optionalInstant(rs, "ended_at"), Optional.ofNullable(rs.getString("end_reason")),
                            rs.getBytes("ip"), rs.getBytes("user_agent"),
                            Optional.ofNullable(rs.getString("country"))))
                    .findOne();
        });
    }

    @Override
    public void touch(Optional<TenantId> tenant, SessionId id, Instant lastSeenAt) {
        // greatest(): two requests of one session racing must not move last use backwards.
        String sql = "UPDATE " + table(tenant) + " SET last_seen_at = greatest(last_seen_at, :at)"
                + " WHERE id = :id" + tenantFilter(tenant);
        tx.withHandle(tenant, "touch a session", h -> {
            var update = h.createUpdate(sql).bind("id", id.value()).bind("at", lastSeenAt);
            bindTenant(update, tenant);
            return update.execute();
        });
    }

    @Override
    public void end(Optional<TenantId> tenant, SessionId id, Instant endedAt, String reason) {
        String sql = "UPDATE " + table(tenant) + " SET ended_at = :at, end_reason = :reason"
                + " WHERE id = :id AND ended_at IS NULL" + tenantFilter(tenant);
        tx.withHandle(tenant, "end a session", h -> {
            var update = h.createUpdate(sql)
                    .bind("id", id.value())
                    .bind("at", endedAt)
                    .bind("reason", reason);
            bindTenant(update, tenant);
            return update.execute();
        });
    }

    @Override
    public Page<StoredSession> listOf(Optional<TenantId> tenant, UserId user, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = "SELECT " + COLUMNS + " FROM " + table(tenant) + " WHERE user_id = :user" + tenantFilter(tenant)
                + (after.isPresent() ? " AND (created_at, id) < (:afterAt, :afterId)" : "")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<StoredSession> rows = tx.withHandle(tenant, "list a person's sessions", h -> {
            var query = h.createQuery(sql)
                    .bind("user", user.value())
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            bindTenant(query, tenant);
            after.ifPresent(c -> query.bind("afterAt", c.at()).bind("afterId", c.id()));
            return query.map((rs, ctx) -> session(rs, tenant)).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredSession> items = rows.subList(0, page.limit());
        StoredSession last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    private static StoredSession session(java.sql.ResultSet rs, Optional<TenantId> tenant) throws java.sql.SQLException {
        return new StoredSession(new SessionId(Sql.uuid(rs, "id")), new UserId(Sql.uuid(rs, "user_id")), tenant,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at"), Sql.instant(rs, "absolute_expiry"),
                Sql.optionalInstant(rs, "ended_at"), Optional.ofNullable(rs.getString("end_reason")),
                rs.getBytes("ip"), rs.getBytes("user_agent"), Optional.ofNullable(rs.getString("country")));
    }

    private static String table(Optional<TenantId> tenant) {
        return tenant.isPresent() ? "public.sessions" : "public.platform_sessions";
    }

    private static String tenantFilter(Optional<TenantId> tenant) {
        return tenant.isPresent() ? " AND tenant_id = :tenant" : "";
    }

    private static void bindTenant(SqlStatement<?> statement, Optional<TenantId> tenant) {
        tenant.ifPresent(t -> statement.bind("tenant", t.value()));
    }
}
