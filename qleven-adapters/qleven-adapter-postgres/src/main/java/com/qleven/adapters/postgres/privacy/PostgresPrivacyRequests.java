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
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

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
            bindValues(h.createUpdate("INSERT INTO public.privacy_requests (" + COLUMNS + ") VALUES (:tenant, :id,"
                            + " :client, :type, :note, :receivedBy, :receivedAt, :dueAt, :months, :reason, :handler,"
                            + " :completedAt, :outcome, :version)"), request)
                    .execute();
            h.createUpdate("INSERT INTO directory.privacy_request_centers (tenant_id) VALUES (:tenant)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("tenant", request.tenant().value())
                    .execute();
            return null;
        });
    }

    @Override
    public Optional<StoredPrivacyRequest> byId(TenantId tenant, PrivacyRequestId id) {
        return tx.withHandle(Optional.of(tenant), "find a privacy request", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.privacy_requests"
                        + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(REQUEST)
                .findOne());
    }

    @Override
    public boolean update(StoredPrivacyRequest request, long expectedVersion) {
        return tx.withHandle(Optional.of(request.tenant()), "update a privacy request", h -> bindValues(
                h.createUpdate("""
                        UPDATE public.privacy_requests SET client_id = :client, type = :type, note = :note,
                               received_by = :receivedBy, received_at = :receivedAt, due_at = :dueAt,
                               extension_months = :months, extension_reason = :reason, handler = :handler,
                               completed_at = :completedAt, outcome = :outcome, version = :version
                        WHERE tenant_id = :tenant AND id = :id AND version = :expected"""), request)
                .bind("expected", expectedVersion)
                .execute() == 1);
    }

    @Override
    public void noteSuppressed(TenantId tenant, PrivacyRequestId objection, Instant at) {
        tx.withHandle(Optional.of(tenant), "note an objection's suppression", h -> h.createUpdate("""
                        UPDATE public.privacy_requests SET suppressed_at = :at
                        WHERE tenant_id = :tenant AND id = :id AND suppressed_at IS NULL""")
                .bind("tenant", tenant.value())
                .bind("id", objection.value())
                .bind("at", at)
                .execute());
    }

    @Override
    public Optional<Instant> suppressedAt(TenantId tenant, PrivacyRequestId id) {
        return tx.withHandle(Optional.of(tenant), "read an objection's suppression", h -> h.createQuery("""
                        SELECT suppressed_at FROM public.privacy_requests WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .mapTo(Instant.class)
                .findOne());
    }

    @Override
    public List<StoredPrivacyRequest> ofClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's privacy requests", h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM public.privacy_requests WHERE tenant_id = :tenant AND client_id = :client"
                        + " ORDER BY received_at, id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
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
                    .bind("tenant", tenant.value())
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            bind(query, filter);
            after.ifPresent(c -> query.bind("afterAt", c.at()).bind("afterId", c.id()));
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
                    .bind("tenant", tenant.value());
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
                .mapTo(UUID.class).map(TenantId::new)
                .list());
    }

    private static String where(PrivacyRequestFilter filter) {
        return (filter.openOnly() ? " AND completed_at IS NULL" : "")
                + (filter.dueFrom().isPresent() ? " AND due_at >= :dueFrom" : "")
                + (filter.dueBefore().isPresent() ? " AND due_at < :dueBefore" : "");
    }

    private static void bind(SqlStatement<?> statement, PrivacyRequestFilter filter) {
        filter.dueFrom().ifPresent(at -> statement.bind("dueFrom", at));
        filter.dueBefore().ifPresent(at -> statement.bind("dueBefore", at));
    }

    /** The row's values, each by its type so that an absent one is a NULL of its column's type. */
    private static Update bindValues(Update statement, StoredPrivacyRequest r) {
        return statement.bind("tenant", r.tenant().value())
                .bind("id", r.id().value())
                .bind("client", r.client().value())
                .bind("type", r.type().wireName())
                .bind("note", r.note())
                .bind("receivedBy", r.receivedBy().value())
                .bind("receivedAt", r.receivedAt())
                .bind("dueAt", r.dueAt())
                .bind("months", (short) r.extensionMonths())
                .bind("reason", r.extensionReason())
                .bind("handler", r.handler().map(UserId::value).orElse(null))
                .bindByType("completedAt", r.completedAt().orElse(null), Instant.class)
                .bind("outcome", r.outcome())
                .bind("version", r.version());
    }
}
