package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.StoredNotification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** Per-center notifications in {@code center_notifications}, under row-level security; title and text sealed. */
final class PostgresCenterNotifications implements CenterNotifications {
    private static final String COLUMNS = "tenant_id, id, kind, subject_id, title, body, created_at";
    private static final RowMapper<StoredNotification> NOTIFICATION = (rs, ctx) -> new StoredNotification(
            new TenantId(Sql.uuid(rs, "tenant_id")), Sql.uuid(rs, "id"), rs.getString("kind"),
            Sql.uuid(rs, "subject_id"), rs.getBytes("title"), rs.getBytes("body"), Sql.instant(rs, "created_at"));

    private final PostgresTransactions tx;

    PostgresCenterNotifications(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredNotification n) {
        tx.withHandle(Optional.of(n.tenantId()), "record a notification", h -> h
                .createUpdate("INSERT INTO public.center_notifications (" + COLUMNS
                        + ") VALUES (:tenant, :id, :kind, :subject, :title, :body, :createdAt)")
                .bind("tenant", n.tenantId().value())
                .bind("id", n.id())
                .bind("kind", n.kind())
                .bind("subject", n.subjectId())
                .bind("title", n.title())
                .bind("body", n.text())
                .bind("createdAt", n.createdAt())
                .execute());
    }

    @Override
    public Page<StoredNotification> list(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<StoredNotification> rows = tx.withHandle(Optional.of(tenant), "list notifications", h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM public.center_notifications"
                            + " WHERE tenant_id = :tenant"
                            + (after.isPresent() ? " AND (created_at, id) < (:afterAt, :afterId)" : "")
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .bind("tenant", tenant.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> query.bind("afterAt", c.at()).bind("afterId", c.id()));
            return query.map(NOTIFICATION).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredNotification> items = rows.subList(0, page.limit());
        StoredNotification last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id()).encode()));
    }

    @Override
    public Optional<Instant> sentAt(TenantId tenant, String kind, UUID subjectId) {
        return tx.withHandle(Optional.of(tenant), "find a notification", h -> h
                .createQuery("SELECT min(created_at) AS sent_at FROM public.center_notifications"
                        + " WHERE tenant_id = :tenant AND kind = :kind AND subject_id = :subject")
                .bind("tenant", tenant.value())
                .bind("kind", kind)
                .bind("subject", subjectId)
                .mapTo(Instant.class)
                .findOne());
    }

    @Override
    public java.util.Map<UUID, java.util.Map<TenantId, Instant>> sentAtAcrossCenters(String kind,
                                                                                     java.util.Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return java.util.Map.of();
        }
        // directory.notices_sent is kept by a trigger on the center's rows, in the same transaction.
        return tx.withHandle("find notices sent across centers", h -> {
            java.util.Map<UUID, java.util.Map<TenantId, Instant>> sent = new java.util.HashMap<>();
            h.createQuery("SELECT subject_id, tenant_id, sent_at FROM directory.notices_sent"
                            + " WHERE kind = :kind AND subject_id = ANY(:subjects)")
                    .bind("kind", kind)
                    .bindArray("subjects", UUID.class, subjectIds)
                    .map((rs, ctx) -> new Object[] {Sql.uuid(rs, "subject_id"), new TenantId(Sql.uuid(rs, "tenant_id")),
                            Sql.instant(rs, "sent_at")})
                    .forEach(r -> sent.computeIfAbsent((UUID) r[0], s -> new java.util.HashMap<>())
                            .put((TenantId) r[1], (Instant) r[2]));
            return sent;
        });
    }

    @Override
    public java.util.Map<UUID, Instant> sentAt(TenantId tenant, String kind, java.util.Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return java.util.Map.of();
        }
        return tx.withHandle(Optional.of(tenant), "find a page's notifications", h -> {
            java.util.Map<UUID, Instant> sent = new java.util.HashMap<>();
            h.createQuery("SELECT subject_id, min(created_at) AS sent_at FROM public.center_notifications"
                            + " WHERE tenant_id = :tenant AND kind = :kind AND subject_id = ANY(:subjects)"
                            + " GROUP BY subject_id")
                    .bind("tenant", tenant.value())
                    .bind("kind", kind)
                    .bindArray("subjects", UUID.class, subjectIds)
                    .map((rs, ctx) -> java.util.Map.entry(Sql.uuid(rs, "subject_id"), Sql.instant(rs, "sent_at")))
                    .forEach(e -> sent.put(e.getKey(), e.getValue()));
            return sent;
        });
    }
}
