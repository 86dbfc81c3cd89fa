package com.qleven.adapters.postgres.audit;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.audit.out.AuditLog;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The chains: a center's in {@code audit_events} and {@code audit_heads} (row-level security), the
 * platform's in {@code platform_audit_events} and {@code platform_audit_head}, and the list of
 * centers with a chain in {@code directory.audit_chains}.
 */
final class PostgresAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, at, actor_id, session_id, action, subject_type, subject_id, purpose,"
            + " row_count, prev_hash, hash";
    private static final String VALUES = ":seq, :at, :actor, :session, :action, :subjectType, :subjectId, :purpose,"
            + " :rowCount, :prevHash, :hash";

    private final PostgresTransactions tx;

    PostgresAuditLog(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public ChainHead lockHead(Optional<TenantId> chain) {
        return tx.withHandle(chain, "lock an audit chain's head", h -> {
            Optional<ChainHead> head = lock(h, chain);
            if (head.isPresent()) {
                return head.get();
            }
            // First use: two writers may both get here; the second waits on the first's key, then
            // inserts nothing and locks the row the first one committed.
            String insert = chain.isPresent()
                    ? "INSERT INTO public.audit_heads (tenant_id, seq, hash) VALUES (:tenant, 0, :hash)"
                    + " ON CONFLICT DO NOTHING"
                    : "INSERT INTO public.platform_audit_head (seq, hash) VALUES (0, :hash) ON CONFLICT DO NOTHING";
            var statement = h.createUpdate(insert).bind("hash", Sql.bytes(ChainHash.GENESIS.bytes()));
            bindTenant(statement, chain);
            statement.execute();
            chain.ifPresent(t -> h.createUpdate(
                            "INSERT INTO directory.audit_chains (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
                    .bind("tenant", Sql.uuid(t.value()))
                    .execute());
            return lock(h, chain).orElseThrow(() -> new IllegalStateException(
                    "the head of audit chain " + ChainHead.name(chain) + " cannot be created"));
        });
    }

    private static Optional<ChainHead> lock(Handle h, Optional<TenantId> chain) {
        String sql = chain.isPresent()
                ? "UPDATE public.audit_heads SET seq = seq WHERE tenant_id = :tenant RETURNING seq, hash"
                : "UPDATE public.platform_audit_head SET seq = seq RETURNING seq, hash";
        var statement = h.createQuery(sql);
        bindTenant(statement, chain);
        return statement
                .map((rs, ctx) -> new ChainHead(chain, rs.getLong("seq"), ChainHash.of(rs.getBytes("hash"))))
                .findOne();
    }

    @Override
    public void append(AuditEntry entry) {
        Optional<TenantId> chain = entry.chain();
        AuditEvent e = entry.event();
        String sql = chain.isPresent()
                ? "INSERT INTO public.audit_events (tenant_id, " + COLUMNS + ") VALUES (:tenant, " + VALUES + ")"
                : "INSERT INTO public.platform_audit_events (" + COLUMNS + ") VALUES (" + VALUES + ")";
        tx.withHandle(chain, "append to the audit trail", h -> {
            var statement = h.createUpdate(sql)
                    .bind("seq", entry.seq())
                    .bind("at", Sql.instant(e.at()))
                    .bind("actor", Sql.uuid(e.actor().map(UserId::value).orElse(null)))
                    .bind("session", Sql.uuid(e.session().orElse(null)))
                    .bind("action", e.action())
                    .bind("subjectType", e.subjectType())
                    .bind("subjectId", Sql.uuid(e.subjectId().orElse(null)))
                    .bind("purpose", e.purpose())
                    .bind("rowCount", e.rowCount())
                    .bind("prevHash", Sql.bytes(entry.prevHash().bytes()))
                    .bind("hash", Sql.bytes(entry.hash().bytes()));
            bindTenant(statement, chain);
            return statement.execute();
        });
    }

    @Override
    public void moveHead(ChainHead head) {
        String sql = head.chain().isPresent()
                ? "UPDATE public.audit_heads SET seq = :seq, hash = :hash WHERE tenant_id = :tenant"
                : "UPDATE public.platform_audit_head SET seq = :seq, hash = :hash";
        int moved = tx.withHandle(head.chain(), "move an audit chain's head", h -> {
            var statement = h.createUpdate(sql).bind("seq", head.seq()).bind("hash", Sql.bytes(head.hash().bytes()));
            bindTenant(statement, head.chain());
            return statement.execute();
        });
        if (moved != 1) {
            throw new IllegalStateException("audit chain " + ChainHead.name(head.chain()) + " has no head to move");
        }
    }

    @Override
    public Optional<ChainHead> head(Optional<TenantId> chain) {
        String sql = chain.isPresent()
                ? "SELECT seq, hash FROM public.audit_heads WHERE tenant_id = :tenant"
                : "SELECT seq, hash FROM public.platform_audit_head";
        return tx.withHandle(chain, "read an audit chain's head", h -> {
            var query = h.createQuery(sql);
            bindTenant(query, chain);
            return query.map((rs, ctx) -> new ChainHead(chain, rs.getLong("seq"), ChainHash.of(rs.getBytes("hash"))))
                    .findOne();
        });
    }

    @Override
    public List<AuditEntry> read(Optional<TenantId> chain, long afterSeq, int limit) {
        return entries(chain, "seq > :seq ORDER BY seq", afterSeq, limit);
    }

    @Override
    public List<AuditEntry> readNewestFirst(Optional<TenantId> chain, long beforeSeq, int limit) {
        return entries(chain, "seq < :seq ORDER BY seq DESC", beforeSeq, limit);
    }

    private List<AuditEntry> entries(Optional<TenantId> chain, String where, long seq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        String sql = "SELECT " + COLUMNS + " FROM "
                + (chain.isPresent() ? "public.audit_events WHERE tenant_id = :tenant AND " : "public.platform_audit_events WHERE ")
                + where + " LIMIT :limit";
        return tx.withHandle(chain, "read the audit trail", h -> {
            var query = h.createQuery(sql).bind("seq", seq).bind("limit", limit);
            bindTenant(query, chain);
            return query.map(entry(chain)).list();
        });
    }

    @Override
    public List<TenantId> centerChains(Optional<TenantId> after, int limit) {
        return tx.withHandle("list the audit chains", h -> h
                .createQuery("SELECT tenant_id FROM directory.audit_chains"
                        + (after.isPresent() ? " WHERE tenant_id > :after" : "") + " ORDER BY tenant_id LIMIT :limit")
                .bind("after", Sql.uuid(after.map(TenantId::value).orElse(null)))
                .bind("limit", limit)
                .map((rs, ctx) -> new TenantId(Sql.uuid(rs, "tenant_id")))
                .list());
    }

    private static RowMapper<AuditEntry> entry(Optional<TenantId> chain) {
        return (rs, ctx) -> {
            Optional<UserId> actor = Optional.ofNullable(Sql.uuid(rs, "actor_id")).map(UserId::new);
            Optional<UUID> session = Optional.ofNullable(Sql.uuid(rs, "session_id"));
            Optional<UUID> subject = Optional.ofNullable(Sql.uuid(rs, "subject_id"));
            var at = Sql.instant(rs, "at");
            AuditEvent event;
            try {
                event = new AuditEvent(chain, actor, session, rs.getString("action"), rs.getString("subject_type"),
                        subject, rs.getString("purpose"), rs.getInt("row_count"), at);
            } catch (IllegalArgumentException | NullPointerException rewritten) {
                // A row edited under the trigger into something no use case could record: read as an
                // event that was never signed, so that verification reports this row as altered
                // instead of failing to read the chain.
                event = new AuditEvent(chain, actor, session, AuditCanonical.UNREADABLE_ACTION, "entry", subject, "", 0, at);
            }
            return new AuditEntry(rs.getLong("seq"), event, ChainHash.of(rs.getBytes("prev_hash")),
                    ChainHash.of(rs.getBytes("hash")));
        };
    }

    private static void bindTenant(SqlStatement<?> statement, Optional<TenantId> chain) {
        chain.ifPresent(t -> statement.bind("tenant", Sql.uuid(t.value())));
    }
}
