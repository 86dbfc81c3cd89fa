package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.AppointmentQuery;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.postgresql.util.PSQLException;

/**
 * Appointments, their reschedule history ({@code appointment_moves}) and their holds
 * ({@code appointment_resources}, one row per professional, room and piece of equipment over the
 * occupied range, active while the status holds resources), under row-level security. The table's
 * exclusion constraint refuses overlapping active holds of one resource; a refused hold becomes a
 * {@link ConflictException} naming the resource. What the call wrote before the refusal stays in
 * the unit of work: the caller lets it roll back, as the port says.
 */
final class PostgresAppointments implements Appointments {
    private static final String COLUMNS = "id, client_id, service_id, professional_id, room_id, equipment_ids, "
            + "start_at, end_at, buffer_before_minutes, buffer_after_minutes, status, status_at, cancel_reason, "
            + "cancelled_by_kind, cancelled_by, cancelled_at, series_id, booked_at, booked_by_kind, booked_by, version, "
            + "deposit_minor, deposit_currency";
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final PostgresTransactions tx;

    PostgresAppointments(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredAppointment a) {
        if (a.version() != 1) {
            throw new IllegalArgumentException("a new appointment is at version 1");
        }
        TenantId tenant = a.tenant();
        tx.withHandle(Optional.of(tenant), "add an appointment", h -> {
            // The appointment and its holds in one statement: a data-modifying WITH runs to
            // completion whatever the outer insert reads, and the holds' foreign key is checked at
            // the end of the statement, when the appointment's row is there.
            hold(h, a, "WITH appointment AS (INSERT INTO public.appointments (tenant_id, " + COLUMNS
                    + ") VALUES (:tenant, :id, :client, :service, :professional, :room, :equipment, :start, :end, "
                    + ":before, :after, :status, :statusAt, :reason, :cancelledByKind, :cancelledBy, :cancelledAt, "
                    + ":series, :bookedAt, :bookedByKind, :bookedBy, :version, :depositMinor, :depositCurrency)) ",
                    query -> query
                    .bindMap(row(a))
                    .bind("room", a.room() == null ? null : a.room().value())
                    .bindArray("equipment", UUID.class, a.equipment().stream().map(EquipmentId::value).toList())
                    .bind("reason", a.cancellation().map(c -> c.sealedReason()).orElse(null))
                    .bind("cancelledBy", a.cancellation().map(c -> Columns.actorUser(c.by())).orElse(null))
                    .bindByType("cancelledAt", a.cancellation().map(c -> c.at()).orElse(null), Instant.class)
                    .bind("series", a.series() == null ? null : a.series().value())
                    .bind("bookedBy", Columns.actorUser(a.bookedBy()))
                    .bindByType("depositMinor", a.depositDue() == null ? null : a.depositDue().amountMinor(),
                            Long.class)
                    .bind("depositCurrency", a.depositDue() == null ? null
                            : a.depositDue().currency().getCurrencyCode()));
            insertMoves(h, a);
            return null;
        });
    }

    /** The non-null columns' values (and the kind, a text); the others are bound by type by the caller. */
    private static Map<String, Object> row(StoredAppointment a) {
        Map<String, Object> values = new HashMap<>();
        values.put("client", a.client().value());
        values.put("service", a.service().value());
        values.put("professional", a.professional().value());
        values.put("start", a.start());
        values.put("end", a.end());
        values.put("before", a.bufferBeforeMinutes());
        values.put("after", a.bufferAfterMinutes());
        values.put("status", a.status().wireName());
        values.put("statusAt", a.statusAt());
        values.put("cancelledByKind", a.cancellation().map(c -> Columns.actorKind(c.by())).orElse(null));
        values.put("bookedAt", a.bookedAt());
        values.put("bookedByKind", Columns.actorKind(a.bookedBy()));
        values.put("version", a.version());
        return values;
    }

    @Override
    public boolean update(StoredAppointment a, long expectedVersion) {
        if (a.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("an update moves the version on by one");
        }
        TenantId tenant = a.tenant();
        return tx.withHandle(Optional.of(tenant), "update an appointment", h -> {
            int updated = h.createUpdate("""
                            UPDATE public.appointments SET professional_id = :professional, room_id = :room,
                                equipment_ids = :equipment, start_at = :start, end_at = :end,
                                buffer_before_minutes = :before, buffer_after_minutes = :after, status = :status,
                                status_at = :statusAt, cancel_reason = :reason, cancelled_by_kind = :cancelledByKind,
                                cancelled_by = :cancelledBy, cancelled_at = :cancelledAt, version = :version
                            WHERE tenant_id = :tenant AND id = :id AND version = :expected
                              AND client_id = :client AND service_id = :service""")
                    .bindMap(row(a))
                    .bind("tenant", tenant.value())
                    .bind("id", a.id().value())
                    .bind("room", a.room() == null ? null : a.room().value())
                    .bindArray("equipment", UUID.class, a.equipment().stream().map(EquipmentId::value).toList())
                    .bind("reason", a.cancellation().map(c -> c.sealedReason()).orElse(null))
                    .bind("cancelledBy", a.cancellation().map(c -> Columns.actorUser(c.by())).orElse(null))
                    .bindByType("cancelledAt", a.cancellation().map(c -> c.at()).orElse(null), Instant.class)
                    .bind("expected", expectedVersion)
                    .execute();
            if (updated == 0) {
                return false;
            }
            insertMoves(h, a);
            h.createUpdate("DELETE FROM public.appointment_resources WHERE tenant_id = :tenant AND appointment_id = :id")
                    .bind("tenant", tenant.value())
                    .bind("id", a.id().value())
                    .execute();
            hold(h, a, "", query -> { });
            return true;
        });
    }

    /** The history's entries not stored yet (history only grows), in one statement. */
    private static void insertMoves(Handle h, StoredAppointment a) {
        List<PreviousSlot> history = a.history();
        if (history.isEmpty()) {
            return;
        }
        List<Integer> positions = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        List<UUID> professionals = new ArrayList<>();
        List<UUID> rooms = new ArrayList<>();
        List<String> equipment = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<UUID> by = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            PreviousSlot p = history.get(i);
            positions.add(i);
            starts.add(p.start());
            ends.add(p.end());
            professionals.add(p.professional().value());
            rooms.add(p.room() == null ? null : p.room().value());
            equipment.add(String.join(",", p.equipment().stream().map(e -> e.value().toString()).toList()));
            at.add(p.movedAt());
            kinds.add(Columns.actorKind(p.movedBy()));
            by.add(Columns.actorUser(p.movedBy()));
        }
        h.createUpdate("""
                        INSERT INTO public.appointment_moves (tenant_id, appointment_id, position, start_at, end_at,
                            professional_id, room_id, equipment_ids, moved_at, moved_by_kind, moved_by)
                        SELECT :tenant, :id, m.position, m.start_at, m.end_at, m.professional_id, m.room_id,
                               coalesce(CAST(string_to_array(nullif(m.equipment, ''), ',') AS uuid[]),
                                        CAST('{}' AS uuid[])), m.moved_at, m.kind, m.by
                        FROM unnest(CAST(:positions AS integer[]), CAST(:starts AS timestamptz[]),
                                    CAST(:ends AS timestamptz[]), CAST(:professionals AS uuid[]),
                                    CAST(:rooms AS uuid[]), CAST(:equipment AS text[]), CAST(:at AS timestamptz[]),
                                    CAST(:kinds AS text[]), CAST(:by AS uuid[]))
                             AS m(position, start_at, end_at, professional_id, room_id, equipment, moved_at, kind, by)
                        ON CONFLICT (tenant_id, appointment_id, position) DO NOTHING""")
                .bind("tenant", a.tenant().value())
                .bind("id", a.id().value())
                .bindArray("positions", Integer.class, positions)
                .bindArray("starts", Instant.class, starts)
                .bindArray("ends", Instant.class, ends)
                .bindArray("professionals", UUID.class, professionals)
                .bindArray("rooms", UUID.class, rooms)
                .bindArray("equipment", String.class, equipment)
                .bindArray("at", Instant.class, at)
                .bindArray("kinds", String.class, kinds)
                .bindArray("by", UUID.class, by)
                .execute();
    }

    /**
     * The appointment's holds in one statement: its professional, room and equipment over the
     * occupied range, active while its status holds resources. {@code ON CONFLICT DO NOTHING} (no
     * target: the exclusion constraint is its arbiter) skips a hold the constraint refuses instead of
     * aborting the transaction, waiting first for a concurrent unit holding an overlapping row, so a
     * refused hold is seen in the rows returned and named. Row-level security keeps the key values
     * out of the constraint's own error detail, hence this way rather than parsing 23P01.
     * {@code with} (empty, or a {@code WITH} clause whose parameters {@code bindWith} binds) runs in
     * the same statement, before the holds.
     */
    private static void hold(Handle h, StoredAppointment a, String with, Consumer<Query> bindWith) {
        Map<UUID, String> wanted = new LinkedHashMap<>();
        wanted.put(a.professional().value(), "professional");
        if (a.room() != null) {
            wanted.put(a.room().value(), "room");
        }
        // Pieces in one order for every unit (kinds are already in one order), so two bookings
        // sharing machines wait on each other rather than deadlock.
        a.equipment().stream().map(EquipmentId::value).sorted().forEach(piece -> wanted.put(piece, "equipment"));
        TimeRange occupied = a.occupied();
        List<UUID> held;
        try {
            Query query = h.createQuery(with + """
                            INSERT INTO public.appointment_resources (tenant_id, appointment_id, resource_id, kind, during,
                                active)
                            SELECT :tenant, :id, r.id, r.kind, tstzrange(:from, :to, '[)'), :active
                            FROM unnest(CAST(:ids AS uuid[]), CAST(:kinds AS text[])) AS r(id, kind)
                            ON CONFLICT DO NOTHING
                            RETURNING resource_id""")
                    .bind("tenant", a.tenant().value())
                    .bind("id", a.id().value())
                    .bindArray("ids", UUID.class, List.copyOf(wanted.keySet()))
                    .bindArray("kinds", String.class, List.copyOf(wanted.values()))
                    .bind("from", occupied.start())
                    .bind("to", occupied.end())
                    .bind("active", a.status().holdsResources());
            bindWith.accept(query);
            held = query.mapTo(UUID.class).list();
        } catch (JdbiException e) {
            if (exclusionViolation(e) == null) {
                throw e;
            }
            throw taken(a, Optional.empty());
        }
        if (held.size() == wanted.size()) {
            return;
        }
        Map.Entry<UUID, String> first = wanted.entrySet().stream().filter(w -> !held.contains(w.getKey()))
                .findFirst().orElseThrow();
        throw taken(a, Optional.of(first));
    }

    private static PSQLException exclusionViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException p && EXCLUSION_VIOLATION.equals(p.getSQLState())) {
                return p;
            }
        }
        return null;
    }

    /** The conflict naming the taken resource when known (ids and times only). */
    private static ConflictException taken(StoredAppointment a, Optional<Map.Entry<UUID, String>> resource) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("start", a.start().toString());
        if (resource.isEmpty()) {
            return new ConflictException("a professional, room or piece of equipment of this appointment is "
                    + "already taken at this time", details);
        }
        String kind = resource.get().getValue();
        details.put("resource", kind);
        details.put("resourceId", resource.get().getKey().toString());
        return new ConflictException("the " + kind + " is already taken at this time", details);
    }

    /**
     * The appointment's reschedule history in the same statement: one text per move, in order,
     * {@code start|end|professional|room|equipment,…|movedAt|kind|by} (instants in UTC to the
     * microsecond, empty for none), so that reading appointments is one statement per call.
     */
    private static final String HISTORY = """
            (SELECT array_agg(concat_ws('|',
                        to_char(m.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        to_char(m.end_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        m.professional_id::text, coalesce(m.room_id::text, ''),
                        array_to_string(m.equipment_ids, ','),
                        to_char(m.moved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        m.moved_by_kind, coalesce(m.moved_by::text, '')) ORDER BY m.position)
             FROM public.appointment_moves m WHERE m.tenant_id = a.tenant_id AND m.appointment_id = a.id) AS history""";
    private static final String SELECT = "SELECT a.tenant_id, " + COLUMNS.replaceAll("(\\w+)(,|$)", "a.$1$2")
            + ", " + HISTORY + " FROM public.appointments a";

    private static PreviousSlot move(String text) {
        String[] f = text.split("\\|", -1);
        List<EquipmentId> equipment = f[4].isEmpty() ? List.of()
                : java.util.Arrays.stream(f[4].split(",")).map(id -> new EquipmentId(UUID.fromString(id))).toList();
        com.qleven.domain.scheduling.Actor by = new com.qleven.domain.scheduling.Actor(
                com.qleven.domain.scheduling.Actor.Kind.valueOf(f[6].toUpperCase(java.util.Locale.ROOT)),
                f[7].isEmpty() ? null : new UserId(UUID.fromString(f[7])));
        return new PreviousSlot(java.time.Instant.parse(f[0]), java.time.Instant.parse(f[1]),
                new UserId(UUID.fromString(f[2])), f[3].isEmpty() ? null : new RoomId(UUID.fromString(f[3])),
                equipment, java.time.Instant.parse(f[5]), by);
    }

    private static final RowMapper<StoredAppointment> APPOINTMENT = (rs, ctx) -> {
        byte[] reason = rs.getBytes("cancel_reason");
        Optional<StoredAppointment.SealedCancellation> cancellation = reason == null ? Optional.empty()
                : Optional.of(new StoredAppointment.SealedCancellation(reason,
                Columns.actor(rs, "cancelled_by_kind", "cancelled_by"), Sql.instant(rs, "cancelled_at")));
        UUID room = Sql.uuid(rs, "room_id");
        UUID series = Sql.uuid(rs, "series_id");
        String depositCurrency = rs.getString("deposit_currency");
        List<PreviousSlot> history = Columns.texts(rs, "history").stream().map(PostgresAppointments::move).toList();
        return new StoredAppointment(new TenantId(Sql.uuid(rs, "tenant_id")), new AppointmentId(Sql.uuid(rs, "id")),
                new ClientId(Sql.uuid(rs, "client_id")), new ServiceId(Sql.uuid(rs, "service_id")),
                new UserId(Sql.uuid(rs, "professional_id")), room == null ? null : new RoomId(room),
                Columns.uuids(rs, "equipment_ids").stream().map(EquipmentId::new).toList(),
                Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), rs.getInt("buffer_before_minutes"),
                rs.getInt("buffer_after_minutes"), AppointmentStatus.parse(rs.getString("status")),
                Sql.instant(rs, "status_at"), cancellation, history, series == null ? null : new SeriesId(series),
                Sql.instant(rs, "booked_at"), Columns.actor(rs, "booked_by_kind", "booked_by"), rs.getLong("version"),
                depositCurrency == null ? null
                        : new Money(rs.getLong("deposit_minor"), Currency.getInstance(depositCurrency)));
    };

    @Override
    public Optional<StoredAppointment> byId(TenantId tenant, AppointmentId id) {
        return tx.withHandle(Optional.of(tenant), "find an appointment", h -> h.createQuery(
                        SELECT + " WHERE a.tenant_id = :tenant AND a.id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(APPOINTMENT)
                .findOne());
    }

    @Override
    public List<StoredAppointment> bySeries(TenantId tenant, SeriesId series) {
        return tx.withHandle(Optional.of(tenant), "list a series", h -> h.createQuery(
                        SELECT + " WHERE a.tenant_id = :tenant AND a.series_id = :series ORDER BY a.start_at, a.id")
                .bind("tenant", tenant.value())
                .bind("series", series.value())
                .map(APPOINTMENT)
                .list());
    }

    @Override
    public Page<StoredAppointment> list(TenantId tenant, AppointmentQuery query, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        StringBuilder sql = new StringBuilder(SELECT)
                .append(" WHERE a.tenant_id = :tenant AND a.start_at >= :from AND a.start_at < :to");
        query.professional().ifPresent(p -> sql.append(" AND a.professional_id = :professional"));
        query.client().ifPresent(c -> sql.append(" AND a.client_id = :client"));
        after.ifPresent(c -> sql.append(" AND (a.start_at, a.id) > (:afterAt, :afterId)"));
        sql.append(" ORDER BY a.start_at, a.id LIMIT :limit");
        record Found(List<StoredAppointment> items, boolean more) {
        }
        Found found = tx.withHandle(Optional.of(tenant), "list appointments", h -> {
            var q = h.createQuery(sql.toString())
                    .bind("tenant", tenant.value())
                    .bind("from", query.starts().start())
                    .bind("to", query.starts().end())
                    .bind("limit", page.limit() + 1);
            query.professional().ifPresent(p -> q.bind("professional", p.value()));
            query.client().ifPresent(c -> q.bind("client", c.value()));
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            List<StoredAppointment> rows = q.map(APPOINTMENT).list();
            boolean more = rows.size() > page.limit();
            return new Found(more ? rows.subList(0, page.limit()) : rows, more);
        });
        if (!found.more()) {
            return new Page<>(found.items(), Optional.empty());
        }
        StoredAppointment last = found.items().get(found.items().size() - 1);
        return new Page<>(found.items(), Optional.of(new KeysetCursor(last.start(), last.id().value()).encode()));
    }

    @Override
    public List<StoredAppointment> ofProfessional(TenantId tenant, UserId professional, TimeRange starts, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return tx.withHandle(Optional.of(tenant), "list a professional's appointments", h -> h.createQuery(SELECT
                        + " WHERE a.tenant_id = :tenant AND a.professional_id = :professional"
                        + " AND a.start_at >= :from AND a.start_at < :to AND a.status <> 'cancelled'"
                        + " ORDER BY a.start_at, a.id LIMIT :max")
                .bind("tenant", tenant.value())
                .bind("professional", professional.value())
                .bind("from", starts.start())
                .bind("to", starts.end())
                .bind("max", max)
                .map(APPOINTMENT)
                .list());
    }

    @Override
    public BusyIntervals busy(TenantId tenant, Collection<UserId> professionals, Collection<RoomId> rooms,
                              Collection<EquipmentId> equipment, TimeRange range) {
        // Each id once: the query probes the index once per id, and a repeated id would repeat its rows.
        Set<UUID> ids = new LinkedHashSet<>();
        professionals.forEach(p -> ids.add(p.value()));
        rooms.forEach(r -> ids.add(r.value()));
        equipment.forEach(e -> ids.add(e.value()));
        if (ids.isEmpty()) {
            return BusyIntervals.none();
        }
        BusyIntervals.Builder busy = BusyIntervals.builder();
        // One index probe per resource (OFFSET 0 keeps the lateral subquery a probe per id rather than
        // a join over the center's holds). Once the statistics know the table it is a range scan of
        // appointment_resources_busy (V19): tenant_id and resource_id equal, starts_at in [earliest,
        // to), all leakproof comparisons and so index conditions under row-level security too; &&
        // only drops holds that start early enough but end before the range. While the statistics
        // know no rows (right after a bulk import) PostgreSQL may probe the exclusion constraint's
        // index on (tenant_id, resource_id) instead: every hold of each resource, never the center's.
        tx.withHandle(Optional.of(tenant), "read busy intervals", h -> {
            h.createQuery("""
                            SELECT h.resource_id, h.kind, h.starts_at AS start_at, upper(h.during) AS end_at
                            FROM unnest(CAST(:ids AS uuid[])) AS wanted(id)
                            CROSS JOIN LATERAL (
                                SELECT resource_id, kind, starts_at, during FROM public.appointment_resources
                                WHERE tenant_id = :tenant AND active AND resource_id = wanted.id
                                  AND starts_at >= :earliest AND starts_at < :to
                                  AND during && tstzrange(:from, :to, '[)') OFFSET 0) h""")
                    .bind("tenant", tenant.value())
                    .bindArray("ids", UUID.class, ids)
                    .bind("earliest", range.start().minus(StoredAppointment.MAX_OCCUPIED))
                    .bind("from", range.start())
                    .bind("to", range.end())
                    .map((rs, ctx) -> {
                        UUID id = Sql.uuid(rs, "resource_id");
                        TimeRange taken = new TimeRange(Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"));
                        switch (rs.getString("kind")) {
                            case "professional" -> busy.professional(new UserId(id), taken);
                            case "room" -> busy.room(new RoomId(id), taken);
                            default -> busy.equipment(new EquipmentId(id), taken);
                        }
                        return id;
                    })
                    .list();
            return null;
        });
        return busy.build();
    }

    @Override
    public java.util.Map<com.qleven.domain.clients.ClientId, com.qleven.ports.scheduling.in.ClientActivity.Activity>
            activity(TenantId tenant) {
        java.util.Map<com.qleven.domain.clients.ClientId, com.qleven.ports.scheduling.in.ClientActivity.Activity> out =
                new java.util.HashMap<>();
        tx.withHandle(Optional.of(tenant), "summarize the clients' visits", h -> h.createQuery("""
                        SELECT client_id,
                               max(start_at) FILTER (WHERE status = 'completed') AS last_visit,
                               coalesce(array_agg(DISTINCT service_id) FILTER (WHERE status = 'completed'),
                                        '{}'::uuid[]) AS services,
                               count(*) FILTER (WHERE status = 'no_show') AS no_shows
                        FROM public.appointments WHERE tenant_id = :tenant GROUP BY client_id""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> {
                    java.util.Set<com.qleven.domain.scheduling.ServiceId> services = new java.util.HashSet<>();
                    for (Object id : (Object[]) rs.getArray("services").getArray()) {
                        services.add(new com.qleven.domain.scheduling.ServiceId((java.util.UUID) id));
                    }
                    return java.util.Map.entry(new com.qleven.domain.clients.ClientId(Sql.uuid(rs, "client_id")),
                            new com.qleven.ports.scheduling.in.ClientActivity.Activity(
                                    Sql.optionalInstant(rs, "last_visit"), services, rs.getInt("no_shows")));
                })
                .list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
