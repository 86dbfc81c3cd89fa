package com.qleven.adapters.postgres.audit;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.AuditLogs;
import com.qleven.ports.audit.out.DueAppend;
import com.qleven.ports.audit.out.SealedAppend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The chains: a center's in {@code audit_events} and {@code audit_heads} (row-level security), the
 * platform's in {@code platform_audit_events} and {@code platform_audit_head}, the list of centers
 * with a chain in {@code directory.audit_chains}, and the appends still to seal in the global queue
 * {@code directory.audit_due} (ids only).
 */
final class PostgresAuditLog implements AuditLog {
    private static final String CONTENT = "at, actor_id, session_id, action, subject_type, subject_id, purpose,"
            + " row_count";
    private static final String CONTENT_VALUES = ":at, :actor, :session, :action, :subjectType, :subjectId, :purpose,"
            + " :rowCount";
    private static final String COLUMNS = "seq, " + CONTENT + ", prev_hash, hash";
    private static final String VALUES = ":seq, " + CONTENT_VALUES + ", :prevHash, :hash";

    private final PostgresTransactions tx;

    PostgresAuditLog(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public long append(AuditEvent e) {
        Optional<TenantId> chain = e.tenant();
        // One statement: the event without a place, and its due mark in the global queue. Both are
        // new rows; nothing another request of the center holds is touched.
        String sql = chain.isPresent()
                ? "WITH e AS (INSERT INTO public.audit_events (tenant_id, " + CONTENT + ") VALUES (:tenant, "
                + CONTENT_VALUES + ") RETURNING id)"
                + " INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, :tenant FROM e RETURNING event_id"
                : "WITH e AS (INSERT INTO public.platform_audit_events (" + CONTENT + ") VALUES (" + CONTENT_VALUES
                + ") RETURNING id)"
                + " INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, NULL FROM e RETURNING event_id";
        return tx.withHandle(chain, "append to the audit trail", h -> {
            var statement = h.createQuery(sql);
            bindContent(statement, e);
            bindTenant(statement, chain);
            return statement.mapTo(Long.class).one();
        });
    }

    @Override
    public void appendAll(List<AuditEvent> events) {
        AuditLogs.requireOneChain(events);
        if (events.size() < 2) {
            events.forEach(this::append);
            return;
        }
        Optional<TenantId> chain = events.get(0).tenant();
        // One statement for the whole batch, as append does for one: the events from arrays of
        // their columns (unnest keeps the order given, so the append ids follow it), then their
        // due marks.
        String rows = "SELECT * FROM unnest(CAST(:at AS timestamptz[]), CAST(:actor AS uuid[]),"
                + " CAST(:session AS uuid[]), CAST(:action AS text[]), CAST(:subjectType AS text[]),"
                + " CAST(:subjectId AS uuid[]), CAST(:purpose AS text[]), CAST(:rowCount AS int[])) WITH ORDINALITY"
                + " AS r(" + CONTENT + ", n) ORDER BY n";
        String sql = chain.isPresent()
                ? "WITH e AS (INSERT INTO public.audit_events (tenant_id, " + CONTENT + ") SELECT :tenant, " + CONTENT
                + " FROM (" + rows + ") r RETURNING id)"
                + " INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, :tenant FROM e"
                : "WITH e AS (INSERT INTO public.platform_audit_events (" + CONTENT + ") SELECT " + CONTENT
                + " FROM (" + rows + ") r RETURNING id)"
                + " INSERT INTO directory.audit_due (event_id, tenant_id) SELECT id, NULL FROM e";
        int appended = tx.withHandle(chain, "append to the audit trail", h -> {
            var statement = h.createUpdate(sql)
                    .bindArray("at", Instant.class, column(events, AuditEvent::at))
                    .bindArray("actor", UUID.class, column(events, e -> e.actor().map(UserId::value).orElse(null)))
                    .bindArray("session", UUID.class, column(events, e -> e.session().orElse(null)))
                    .bindArray("action", String.class, column(events, AuditEvent::action))
                    .bindArray("subjectType", String.class, column(events, AuditEvent::subjectType))
                    .bindArray("subjectId", UUID.class, column(events, e -> e.subjectId().orElse(null)))
                    .bindArray("purpose", String.class, column(events, AuditEvent::purpose))
                    .bindArray("rowCount", Integer.class, column(events, AuditEvent::rowCount));
            bindTenant(statement, chain);
            return statement.execute();
        });
        if (appended != events.size()) {
            throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " appended " + appended
                    + " of " + events.size() + " events");
        }
    }

    /** One value per element, in order, nulls kept (a stream's toList keeps them): an array's elements. */
    private static <T, V> List<V> column(List<T> elements, Function<T, V> value) {
        return elements.stream().map(value).toList();
    }

    @Override
    public Optional<ChainHead> claimHead(Optional<TenantId> chain) {
        return tx.withHandle(chain, "claim an audit chain's head", h -> {
            Optional<ChainHead> head = claim(h, chain);
            if (head.isPresent() || exists(h, chain)) {
                return head;
            }
            // First use: two sealers may both get here; the second waits on the first's key, then
            // inserts nothing and finds the row the first one holds or has committed.
            String insert = chain.isPresent()
                    ? "INSERT INTO public.audit_heads (tenant_id, seq, hash) VALUES (:tenant, 0, :hash)"
                    + " ON CONFLICT DO NOTHING"
                    : "INSERT INTO public.platform_audit_head (seq, hash) VALUES (0, :hash) ON CONFLICT DO NOTHING";
            var statement = h.createUpdate(insert).bind("hash", ChainHash.GENESIS.bytes());
            bindTenant(statement, chain);
            statement.execute();
            chain.ifPresent(t -> h.createUpdate(
                            "INSERT INTO directory.audit_chains (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING")
                    .bind("tenant", t.value())
                    .execute());
            return claim(h, chain);
        });
    }

    private static Optional<ChainHead> claim(Handle h, Optional<TenantId> chain) {
        String sql = chain.isPresent()
                ? "SELECT seq, hash FROM public.audit_heads WHERE tenant_id = :tenant FOR UPDATE SKIP LOCKED"
                : "SELECT seq, hash FROM public.platform_audit_head FOR UPDATE SKIP LOCKED";
        var statement = h.createQuery(sql);
        bindTenant(statement, chain);
        return statement
                .map((rs, ctx) -> new ChainHead(chain, rs.getLong("seq"), ChainHash.of(rs.getBytes("hash"))))
                .findOne();
    }

    private static boolean exists(Handle h, Optional<TenantId> chain) {
        String sql = chain.isPresent()
                ? "SELECT EXISTS (SELECT 1 FROM public.audit_heads WHERE tenant_id = :tenant)"
                : "SELECT EXISTS (SELECT 1 FROM public.platform_audit_head)";
        var statement = h.createQuery(sql);
        bindTenant(statement, chain);
        return statement.mapTo(Boolean.class).one();
    }

    @Override
    public List<DueAppend> due(Optional<TenantId> chain, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        // Every due mark this statement sees has committed with its event (one transaction wrote
        // both, one snapshot reads both). An append still to commit is not seen now and is sealed
        // by a later run at a later place: there is no high-water mark for it to fall behind.
        String sql = "SELECT d.event_id, e.id, e.seq, " + prefixed("e") + " FROM directory.audit_due d"
                + (chain.isPresent()
                ? " LEFT JOIN public.audit_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id"
                + " WHERE d.tenant_id = :tenant"
                : " LEFT JOIN public.platform_audit_events e ON e.id = d.event_id WHERE d.tenant_id IS NULL")
                + " ORDER BY d.event_id LIMIT :limit";
        return tx.withHandle(chain, "find audit events due for sealing", h -> {
            var query = h.createQuery(sql).bind("limit", limit);
            bindTenant(query, chain);
            return query.map((rs, ctx) -> {
                long id = rs.getLong("event_id");
                rs.getLong("id");
                if (rs.wasNull()) {
                    return new DueAppend(id, Optional.empty());
                }
                return new DueAppend(id, Optional.of(event(rs, chain)));
            }).list();
        });
    }

    @Override
    public void seal(long appendId, AuditEntry entry) {
        Optional<TenantId> chain = entry.chain();
        String sql = chain.isPresent()
                ? "UPDATE public.audit_events SET seq = :seq, prev_hash = :prevHash, hash = :hash"
                + " WHERE tenant_id = :tenant AND id = :id AND seq IS NULL"
                : "UPDATE public.platform_audit_events SET seq = :seq, prev_hash = :prevHash, hash = :hash"
                + " WHERE id = :id AND seq IS NULL";
        int sealed = tx.withHandle(chain, "seal an audit event", h -> {
            var statement = h.createUpdate(sql).bind("id", appendId).bind("seq", entry.seq())
                    .bind("prevHash", entry.prevHash().bytes())
                    .bind("hash", entry.hash().bytes());
            bindTenant(statement, chain);
            int n = statement.execute();
            undue(h, appendId);
            return n;
        });
        if (sealed != 1) {
            throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " has no unsealed event "
                    + appendId);
        }
    }

    @Override
    public void sealAll(List<SealedAppend> sealed) {
        if (sealed.size() < 2) {
            sealed.forEach(s -> seal(s.appendId(), s.entry()));
            return;
        }
        Optional<TenantId> chain = sealed.get(0).entry().chain();
        if (sealed.stream().anyMatch(s -> !s.entry().chain().equals(chain))) {
            throw new IllegalArgumentException("sealed: a batch belongs to one audit chain");
        }
        // One statement for the batch: each unsealed event gets its place and hashes from the
        // arrays (the trigger still checks every row), and the due marks of those sealed go.
        String events = chain.isPresent() ? "public.audit_events" : "public.platform_audit_events";
        String sql = "WITH s AS (UPDATE " + events + " e SET seq = u.seq, prev_hash = decode(u.prev_hash, 'hex'),"
                + " hash = decode(u.hash, 'hex')"
                + " FROM unnest(CAST(:ids AS bigint[]), CAST(:seqs AS bigint[]), CAST(:prevHashes AS text[]),"
                + " CAST(:hashes AS text[])) AS u(id, seq, prev_hash, hash)"
                + " WHERE e.id = u.id AND e.seq IS NULL" + (chain.isPresent() ? " AND e.tenant_id = :tenant" : "")
                + " RETURNING e.id)"
                + " DELETE FROM directory.audit_due d USING s WHERE d.event_id = s.id RETURNING d.event_id";
        HexFormat hex = HexFormat.of();
        int done = tx.withHandle(chain, "seal audit events", h -> {
            var statement = h.createQuery(sql)
                    .bindArray("ids", Long.class, column(sealed, SealedAppend::appendId))
                    .bindArray("seqs", Long.class, column(sealed, s -> s.entry().seq()))
                    .bindArray("prevHashes", String.class,
                            column(sealed, s -> hex.formatHex(s.entry().prevHash().bytes())))
                    .bindArray("hashes", String.class, column(sealed, s -> hex.formatHex(s.entry().hash().bytes())));
            bindTenant(statement, chain);
            return statement.mapTo(Long.class).list().size();
        });
        if (done != sealed.size()) {
            throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " had " + done
                    + " of " + sealed.size() + " events unsealed and due");
        }
    }

    @Override
    public void sealLost(long appendId, AuditEntry marker) {
        Optional<TenantId> chain = marker.chain();
        AuditEvent e = marker.event();
        String sql = chain.isPresent()
                ? "INSERT INTO public.audit_events (tenant_id, " + COLUMNS + ") VALUES (:tenant, " + VALUES + ")"
                : "INSERT INTO public.platform_audit_events (" + COLUMNS + ") VALUES (" + VALUES + ")";
        tx.withHandle(chain, "seal the loss of an audit event", h -> {
            var statement = h.createUpdate(sql)
                    .bind("seq", marker.seq())
                    .bind("prevHash", marker.prevHash().bytes())
                    .bind("hash", marker.hash().bytes());
            bindContent(statement, e);
            bindTenant(statement, chain);
            statement.execute();
            undue(h, appendId);
            return null;
        });
    }

    private static void undue(Handle h, long appendId) {
        h.createUpdate("DELETE FROM directory.audit_due WHERE event_id = :id").bind("id", appendId).execute();
    }

    @Override
    public void moveHead(ChainHead head) {
        String sql = head.chain().isPresent()
                ? "UPDATE public.audit_heads SET seq = :seq, hash = :hash WHERE tenant_id = :tenant"
                : "UPDATE public.platform_audit_head SET seq = :seq, hash = :hash";
        int moved = tx.withHandle(head.chain(), "move an audit chain's head", h -> {
            var statement = h.createUpdate(sql).bind("seq", head.seq()).bind("hash", head.hash().bytes());
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
        return rows(chain, "seq > :seq ORDER BY seq", afterSeq, limit, entry(chain));
    }

    @Override
    public List<AuditRecord> readNewestFirst(Optional<TenantId> chain, long beforeId, int limit) {
        return rows(chain, "id < :seq ORDER BY id DESC", beforeId, limit, (rs, ctx) -> {
            long seq = rs.getLong("seq");
            Optional<Long> place = rs.wasNull() ? Optional.empty() : Optional.of(seq);
            return new AuditRecord(rs.getLong("id"), place, event(rs, chain));
        });
    }

    private <T> List<T> rows(Optional<TenantId> chain, String where, long bound, int limit, RowMapper<T> mapper) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        String sql = "SELECT id, " + COLUMNS + " FROM "
                + (chain.isPresent() ? "public.audit_events WHERE tenant_id = :tenant AND " : "public.platform_audit_events WHERE ")
                + where + " LIMIT :limit";
        return tx.withHandle(chain, "read the audit trail", h -> {
            var query = h.createQuery(sql).bind("seq", bound).bind("limit", limit);
            bindTenant(query, chain);
            return query.map(mapper).list();
        });
    }

    @Override
    public List<TenantId> centersDue(int limit) {
        return tx.withHandle("list the centers with audit events to seal", h -> h
                .createQuery("SELECT DISTINCT tenant_id FROM directory.audit_due WHERE tenant_id IS NOT NULL LIMIT :limit")
                .bind("limit", limit)
                .mapTo(UUID.class).map(TenantId::new)
                .list());
    }

    @Override
    public List<TenantId> centerChains(Optional<TenantId> after, int limit) {
        return tx.withHandle("list the audit chains", h -> h
                .createQuery("SELECT tenant_id FROM directory.audit_chains"
                        + (after.isPresent() ? " WHERE tenant_id > :after" : "") + " ORDER BY tenant_id LIMIT :limit")
                .bind("after", after.map(TenantId::value).orElse(null))
                .bind("limit", limit)
                .mapTo(UUID.class).map(TenantId::new)
                .list());
    }

    private static RowMapper<AuditEntry> entry(Optional<TenantId> chain) {
        return (rs, ctx) -> new AuditEntry(rs.getLong("seq"), event(rs, chain), ChainHash.of(rs.getBytes("prev_hash")),
                ChainHash.of(rs.getBytes("hash")));
    }

    /** The columns of an event taken from the table named {@code alias}, under their own names. */
    private static String prefixed(String alias) {
        StringBuilder out = new StringBuilder();
        for (String column : CONTENT.split(", ")) {
            out.append(out.length() == 0 ? "" : ", ").append(alias).append('.').append(column.strip())
                    .append(" AS ").append(column.strip());
        }
        return out.toString();
    }

    private static AuditEvent event(ResultSet rs, Optional<TenantId> chain) throws SQLException {
        Optional<UserId> actor = Optional.ofNullable(Sql.uuid(rs, "actor_id")).map(UserId::new);
        Optional<UUID> session = Optional.ofNullable(Sql.uuid(rs, "session_id"));
        Optional<UUID> subject = Optional.ofNullable(Sql.uuid(rs, "subject_id"));
        var at = Sql.instant(rs, "at");
        try {
            return new AuditEvent(chain, actor, session, rs.getString("action"), rs.getString("subject_type"),
                    subject, rs.getString("purpose"), rs.getInt("row_count"), at);
        } catch (IllegalArgumentException | NullPointerException rewritten) {
            // A row edited under the trigger into something no use case could record: read as an
            // event that was never signed, so that verification reports this row as altered
            // instead of failing to read the chain.
            return new AuditEvent(chain, actor, session, AuditCanonical.UNREADABLE_ACTION, "entry", subject, "", 0, at);
        }
    }

    private static void bindContent(SqlStatement<?> statement, AuditEvent e) {
        statement.bind("at", e.at())
                .bind("actor", e.actor().map(UserId::value).orElse(null))
                .bind("session", e.session().orElse(null))
                .bind("action", e.action())
                .bind("subjectType", e.subjectType())
                .bind("subjectId", e.subjectId().orElse(null))
                .bind("purpose", e.purpose())
                .bind("rowCount", e.rowCount());
    }

    private static void bindTenant(SqlStatement<?> statement, Optional<TenantId> chain) {
        chain.ifPresent(t -> statement.bind("tenant", t.value()));
    }
}
