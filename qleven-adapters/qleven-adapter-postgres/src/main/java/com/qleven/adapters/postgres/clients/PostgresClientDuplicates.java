package com.qleven.adapters.postgres.clients;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.clients.out.ClientDuplicates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Possible-duplicate flags under row-level security: ids and what the pair shares, never the shared
 * value. Every method is one statement.
 */
final class PostgresClientDuplicates implements ClientDuplicates {
    private static final String COLUMNS = "id, client_id, other_client_id, matched_on, source, appointment_id,"
            + " flagged_at, dismissed_at, dismissed_by";
    private static final RowMapper<Flag> FLAG = (rs, ctx) -> new Flag(new ClientDuplicateId(Sql.uuid(rs, "id")),
            new ClientId(Sql.uuid(rs, "client_id")), new ClientId(Sql.uuid(rs, "other_client_id")),
            DuplicateMatch.ofWireName(rs.getString("matched_on")), DuplicateSource.ofWireName(rs.getString("source")),
            Optional.ofNullable(Sql.uuid(rs, "appointment_id")), Sql.instant(rs, "flagged_at"),
            Sql.optionalInstant(rs, "dismissed_at"), Optional.ofNullable(Sql.uuid(rs, "dismissed_by")).map(UserId::new));

    private final PostgresTransactions tx;

    PostgresClientDuplicates(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void addAll(TenantId tenant, List<Flag> flags) {
        if (flags.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>();
        List<UUID> clients = new ArrayList<>();
        List<UUID> others = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<UUID> appointments = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        for (Flag f : flags) {
            if (!f.isOpen()) {
                throw new IllegalArgumentException("a flag is added open");
            }
            ids.add(f.id().value());
            clients.add(f.client().value());
            others.add(f.other().value());
            matched.add(f.matchedOn().wireName());
            sources.add(f.source().wireName());
            appointments.add(f.appointment().orElse(null));
            at.add(f.flaggedAt());
        }
        tx.withHandle(Optional.of(tenant), "flag possible duplicate clients", h -> h.createUpdate("""
                        INSERT INTO public.client_duplicates (tenant_id, id, client_id, other_client_id, matched_on,
                            source, appointment_id, flagged_at)
                        SELECT :tenant, f.id, f.client_id, f.other_client_id, f.matched_on, f.source, f.appointment_id,
                               f.flagged_at
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:clients AS uuid[]), CAST(:others AS uuid[]),
                                    CAST(:matched AS text[]), CAST(:sources AS text[]), CAST(:appointments AS uuid[]),
                                    CAST(:at AS timestamptz[]))
                             AS f(id, client_id, other_client_id, matched_on, source, appointment_id, flagged_at)""")
                .bind("tenant", tenant.value())
                .bindArray("ids", UUID.class, ids)
                .bindArray("clients", UUID.class, clients)
                .bindArray("others", UUID.class, others)
                .bindArray("matched", String.class, matched)
                .bindArray("sources", String.class, sources)
                .bindArray("appointments", UUID.class, appointments)
                .bindArray("at", Instant.class, at)
                .execute());
    }

    @Override
    public Page<Flag> open(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<Flag> rows = tx.withHandle(Optional.of(tenant), "list the open possible duplicates", h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM public.client_duplicates"
                            + " WHERE tenant_id = :tenant AND dismissed_at IS NULL"
                            + (after.isPresent() ? " AND (flagged_at, id) > (:afterAt, :afterId)" : "")
                            + " ORDER BY flagged_at, id LIMIT :limit")
                    .bind("tenant", tenant.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(FLAG).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<Flag> items = rows.subList(0, page.limit());
        Flag last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.flaggedAt(), last.id().value()).encode()));
    }

    @Override
    public Dismissal dismiss(TenantId tenant, ClientDuplicateId id, UserId by, Instant at) {
        // The flag locked and read, and dismissed only if open, in one statement: found and changed
        // tell unknown, dismissed before and dismissed now apart.
        return tx.withHandle(Optional.of(tenant), "dismiss a possible duplicate", h -> h.createQuery("""
                        WITH target AS (
                            SELECT id, dismissed_at FROM public.client_duplicates
                            WHERE tenant_id = :tenant AND id = :id FOR UPDATE),
                        changed AS (
                            UPDATE public.client_duplicates d SET dismissed_at = :at, dismissed_by = :by
                            FROM target
                            WHERE d.tenant_id = :tenant AND d.id = target.id AND target.dismissed_at IS NULL
                            RETURNING d.id)
                        SELECT (SELECT count(*) FROM target) AS found, (SELECT count(*) FROM changed) AS changed""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("at", at)
                .bind("by", by.value())
                .map((rs, ctx) -> rs.getLong("found") == 0 ? Dismissal.NOT_FOUND
                        : rs.getLong("changed") == 1 ? Dismissal.DISMISSED : Dismissal.ALREADY_DISMISSED)
                .one());
    }

    @Override
    public List<Flag> naming(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "find the possible duplicates of a client", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.client_duplicates WHERE tenant_id = :tenant"
                                + " AND (client_id = :client OR other_client_id = :client) ORDER BY flagged_at, id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map(FLAG)
                .list());
    }

    @Override
    public void removeNaming(TenantId tenant, ClientId client) {
        tx.withHandle(Optional.of(tenant), "remove the possible duplicates of a client", h -> h.createUpdate(
                        "DELETE FROM public.client_duplicates WHERE tenant_id = :tenant"
                                + " AND (client_id = :client OR other_client_id = :client)")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .execute());
    }
}
