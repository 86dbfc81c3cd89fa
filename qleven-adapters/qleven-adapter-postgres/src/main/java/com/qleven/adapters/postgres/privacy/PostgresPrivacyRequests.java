package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A center's data-subject requests. Every statement filters by {@code tenant_id} on top of
 * row-level security; lists page by keyset on (received_at, id). Adding a request also notes its
 * center in {@code directory.privacy_request_centers}, ids only, for the deadline watch.
 */
final class PostgresPrivacyRequests implements PrivacyRequests {
    private static final String COLUMNS = "tenant_id, id, client_id, type, note, received_by, received_at, due_at,"
            + " extension_months, extension_reason, handler, completed_at, outcome, version";
    private static final RowMapper<StoredPrivacyRequest> REQUEST = (rs, ctx) -> new StoredPrivacyRequest(
            new PrivacyRequestId(Sql.uuid(rs, "id")), new TenantId(Sql.uuid(rs, "tenant_id")),
            new ClientId(Sql.uuid(rs, "client_id")), PrivacyRequestType.parse("type", rs.getString("type")),
            rs.getBytes("note"), new UserId(Sql.uuid(rs, "received_by")), Sql.instant(rs, "received_at"),
            Sql.instant(rs, "due_at"), rs.getInt("extension_months"), rs.getBytes("extension_reason"),
            Optional.ofNullable(Sql.uuid(rs, "handler")).map(UserId::new), Sql.optionalInstant(rs, "completed_at"),
            rs.getBytes("outcome"), rs.getLong("version"));

    private final PostgresTransactions tx;

    PostgresPrivacyRequests(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredPrivacyRequest request) {
        tx.withHandle(Optional.of(request.tenant()), "add a privacy request", h -> {
            h.createUpdate("INSERT INTO public.privacy_requests (" + COLUMNS + ") VALUES (:tenant, :id, :client,"
                            + " :type, :note, :receivedBy, :receivedAt, :dueAt, :months, :reason, :handler,"
                            + " :completedAt, :outcome, :version)")
                    .bindMap(values(request))
                    .execute();
            h.createUpdate("INSERT INTO directory.privacy_request_centers (tenant_id) VALUES (:tenant)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("tenant", Sql.uuid(request.tenant().value()))
                    .execute();
            return null;
        });
    }

    @Override
    public Optional<StoredPrivacyRequest> byId(TenantId tenant, PrivacyRequestId id) {
        return tx.withHandle(Optional.of(tenant), "find a privacy request", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.privacy_requests"
                        + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("id", Sql.uuid(id.value()))
                .map(REQUEST)
                .findOne());
    }

    @Override
    public boolean update(StoredPrivacyRequest request, long expectedVersion) {
        return tx.withHandle(Optional.of(request.tenant()), "update a privacy request", h -> h.createUpdate("""
                        UPDATE public.privacy_requests SET client_id = :client, type = :type, note = :note,
                               received_by = :receivedBy, received_at = :receivedAt, due_at = :dueAt,
                               extension_months = :months, extension_reason = :reason, handler = :handler,
                               completed_at = :completedAt, outcome = :outcome, version = :version
                        WHERE tenant_id = :tenant AND id = :id AND version = :expected""")
                .bindMap(values(request))
                .bind("expected", expectedVersion)
                .execute() == 1);
    }

    @Override
    public void noteSuppressed(TenantId tenant, PrivacyRequestId objection, Instant at) {
        tx.withHandle(Optional.of(tenant), "note an objection's suppression", h -> h.createUpdate("""
                        UPDATE public.privacy_requests SET suppressed_at = :at
                        WHERE tenant_id = :tenant AND id = :id AND suppressed_at IS NULL""")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("id", Sql.uuid(objection.value()))
                .bind("at", Sql.instant(at))
                .execute());
    }

    @Override
    public Optional<Instant> suppressedAt(TenantId tenant, PrivacyRequestId id) {
        return tx.withHandle(Optional.of(tenant), "read an objection's suppression", h -> h.createQuery("""
                        SELECT suppressed_at FROM public.privacy_requests WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("id", Sql.uuid(id.value()))
                .map((rs, ctx) -> Sql.optionalInstant(rs, "suppressed_at"))
                .findOne()
                .flatMap(at -> at));
    }

    @Override
    public List<StoredPrivacyRequest> ofClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's privacy requests", h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM public.privacy_requests WHERE tenant_id = :tenant AND client_id = :client"
                        + " ORDER BY received_at, id")
                .bind("tenant", Sql.uuid(tenant.value()))
                .bind("client", Sql.uuid(client.value()))
                .map(REQUEST)
                .list());
    }

    @Override
    public Page<StoredPrivacyRequest> list(TenantId tenant, PrivacyRequestFilter filter, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<StoredPrivacyRequest> rows = tx.withHandle(Optional.of(tenant), "list privacy requests", h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM public.privacy_requests WHERE tenant_id = :tenant"
                            + where(filter)
                            + (after.isPresent() ? " AND (received_at, id) > (:afterAt, :afterId)" : "")
                            + " ORDER BY received_at, id LIMIT :limit")
                    .bind("tenant", Sql.uuid(tenant.value()))
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            bind(query, filter);
            after.ifPresent(c -> query.bind("afterAt", Sql.instant(c.at())).bind("afterId", Sql.uuid(c.id())));
            return query.map(REQUEST).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredPrivacyRequest> items = rows.subList(0, page.limit());
        StoredPrivacyRequest last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.receivedAt(), last.id().value()).encode()));
    }

    @Override
    public long count(TenantId tenant, PrivacyRequestFilter filter) {
        return tx.withHandle(Optional.of(tenant), "count privacy requests", h -> {
            var query = h.createQuery("SELECT count(*) FROM public.privacy_requests WHERE tenant_id = :tenant"
                            + where(filter))
                    .bind("tenant", Sql.uuid(tenant.value()));
            bind(query, filter);
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public long countOpenAcrossCenters(PrivacyRequestFilter filter) {
        if (!filter.openOnly()) {
            throw new IllegalArgumentException("filter: only open requests are counted across centers");
        }
        // directory.privacy_deadlines holds exactly the open requests (a trigger on the centers' rows).
        return tx.withHandle("count open privacy requests across centers", h -> {
            // Every row is an open request: the filter's due window is all there is left to apply.
            var query = h.createQuery("SELECT count(*) FROM directory.privacy_deadlines WHERE true"
                    + where(filter).replace(" AND completed_at IS NULL", ""));
            bind(query, filter);
            return query.mapTo(Long.class).one();
        });
    }

    @Override
    public List<TenantId> centers() {
        return tx.withHandle("list the centers with privacy requests", h -> h
                .createQuery("SELECT tenant_id FROM directory.privacy_request_centers ORDER BY tenant_id")
                .map((rs, ctx) -> new TenantId(Sql.uuid(rs, "tenant_id")))
                .list());
    }

    private static String where(PrivacyRequestFilter filter) {
        return (filter.openOnly() ? " AND completed_at IS NULL" : "")
                + (filter.dueFrom().isPresent() ? " AND due_at >= :dueFrom" : "")
                + (filter.dueBefore().isPresent() ? " AND due_at < :dueBefore" : "");
    }

    private static void bind(SqlStatement<?> statement, PrivacyRequestFilter filter) {
        filter.dueFrom().ifPresent(at -> statement.bind("dueFrom", Sql.instant(at)));
        filter.dueBefore().ifPresent(at -> statement.bind("dueBefore", Sql.instant(at)));
    }

    private static Map<String, Object> values(StoredPrivacyRequest r) {
        return Map.ofEntries(
                Map.entry("tenant", Sql.uuid(r.tenant().value())),
                Map.entry("id", Sql.uuid(r.id().value())),
                Map.entry("client", Sql.uuid(r.client().value())),
                Map.entry("type", r.type().wireName()),
                Map.entry("note", Sql.bytes(r.note())),
                Map.entry("receivedBy", Sql.uuid(r.receivedBy().value())),
                Map.entry("receivedAt", Sql.instant(r.receivedAt())),
                Map.entry("dueAt", Sql.instant(r.dueAt())),
                Map.entry("months", (Argument) (position, statement, ctx) ->
                        statement.setShort(position, (short) r.extensionMonths())),
                Map.entry("reason", Sql.bytes(r.extensionReason())),
                Map.entry("handler", Sql.uuid(r.handler().map(UserId::value).orElse(null))),
                Map.entry("completedAt", Sql.instant(r.completedAt().orElse(null))),
                Map.entry("outcome", Sql.bytes(r.outcome())),
                Map.entry("version", (Argument) (position, statement, ctx) -> statement.setLong(position, r.version())));
    }
}
