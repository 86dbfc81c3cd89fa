package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.privacy.out.StoredIncident;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** The incident register in {@code privacy_incidents}, a global table; the description is sealed (bytea). */
final class PostgresIncidents implements Incidents {
    private static final String COLUMNS =
            "id, detected_at, description, categories, affected_centers, reported_by, reported_at";
    private static final RowMapper<StoredIncident> INCIDENT = (rs, ctx) -> new StoredIncident(
            new IncidentId(Sql.uuid(rs, "id")), Sql.instant(rs, "detected_at"), rs.getBytes("description"),
            Arrays.stream((String[]) rs.getArray("categories").getArray())
                    .map(c -> IncidentCategory.parse("categories", c))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(IncidentCategory.class))),
            Arrays.stream((UUID[]) rs.getArray("affected_centers").getArray()).map(TenantId::new).toList(),
            new UserId(Sql.uuid(rs, "reported_by")), Sql.instant(rs, "reported_at"));

    private final PostgresTransactions tx;

    PostgresIncidents(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredIncident incident) {
        List<String> categories = incident.categories().stream().sorted().map(IncidentCategory::wireName).toList();
        List<UUID> centers = incident.centers().stream().map(TenantId::value).toList();
        tx.withHandle("record an incident", h -> h.createUpdate("INSERT INTO public.privacy_incidents (" + COLUMNS
                        + ") VALUES (:id, :detectedAt, :description, :categories, :centers, :reportedBy, :reportedAt)")
                .bind("id", incident.id().value())
                .bind("detectedAt", incident.detectedAt())
                .bind("description", incident.description())
                .bindArray("categories", String.class, categories)
                .bindArray("centers", UUID.class, centers)
                .bind("reportedBy", incident.reportedBy().value())
                .bind("reportedAt", incident.reportedAt())
                .execute());
    }

    @Override
    public Optional<StoredIncident> byId(IncidentId id) {
        return tx.withHandle("find an incident", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.privacy_incidents WHERE id = :id")
                .bind("id", id.value())
                .map(INCIDENT)
                .findOne());
    }

    @Override
    public Page<StoredIncident> list(PageRequest page) {
        return page(Optional.empty(), page);
    }

    @Override
    public Page<StoredIncident> listAffecting(TenantId center, PageRequest page) {
        return page(Optional.of(center), page);
    }

    private Page<StoredIncident> page(Optional<TenantId> center, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<StoredIncident> rows = tx.withHandle("list incidents", h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM public.privacy_incidents WHERE true"
                            + (center.isPresent() ? " AND affected_centers @> ARRAY[:center]::uuid[]" : "")
                            + (after.isPresent() ? " AND (detected_at, id) < (:afterAt, :afterId)" : "")
                            + " ORDER BY detected_at DESC, id DESC LIMIT :limit")
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            center.ifPresent(c -> query.bind("center", c.value()));
            after.ifPresent(c -> query.bind("afterAt", c.at()).bind("afterId", c.id()));
            return query.map(INCIDENT).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredIncident> items = rows.subList(0, page.limit());
        StoredIncident last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.detectedAt(), last.id().value()).encode()));
    }
}
