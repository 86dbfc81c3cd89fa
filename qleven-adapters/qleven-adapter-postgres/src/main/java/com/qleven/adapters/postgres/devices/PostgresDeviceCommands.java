package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.devices.CommandStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.devices.out.DeviceCommands;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The command outbox in {@code public.device_commands} (V39), under row-level security, every call one
 * statement. V39's trigger keeps {@code directory.device_dispatch_due} in step with each write that
 * adds, ends or moves waiting commands.
 */
final class PostgresDeviceCommands implements DeviceCommands {
    private static final String SELECT = "SELECT id, device_id, type, appointment_id, issued_by, created_at, expires_at,"
            + " status, status_at, attempts, due_at, detail, " + FlatJson.select("parameters", "p")
            + " FROM public.device_commands";
    /** When the dispatcher must act on a waiting command: its due time, or its expiry if earlier. */
    private static final String ACT_AT = "least(coalesce(due_at, expires_at), expires_at)";

    private final PostgresTransactions tx;

    PostgresDeviceCommands(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, DeviceCommand c) {
        tx.withHandle(Optional.of(tenant), "queue a device command", h -> h.createUpdate("""
                        INSERT INTO public.device_commands (tenant_id, id, device_id, type, parameters, appointment_id,
                            issued_by, created_at, expires_at, status, status_at, attempts, due_at, detail)
                        VALUES (:tenant, :id, :device, :type, CAST(:parameters AS jsonb), :appointment, :issuedBy,
                            :createdAt, :expiresAt, :status, :statusAt, :attempts, :dueAt, :detail)""")
                .bind("tenant", tenant.value())
                .bind("id", c.id().value())
                .bind("device", c.device().value())
                .bind("type", c.type().wireName())
                .bind("parameters", FlatJson.encode(c.parameters()))
                .bind("appointment", c.appointment().map(AppointmentId::value).orElse(null))
                .bind("issuedBy", c.issuedBy().value())
                .bind("createdAt", c.createdAt())
                .bind("expiresAt", c.expiresAt())
                .bind("status", c.status().wireName())
                .bind("statusAt", c.statusAt())
                .bind("attempts", c.attempts())
                .bind("dueAt", c.dueAt().orElse(null))
                .bind("detail", c.detail().orElse(null))
                .execute());
    }

    @Override
    public Optional<DeviceCommand> find(TenantId tenant, DeviceCommandId id) {
        return tx.withHandle(Optional.of(tenant), "find a device command", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<DeviceCommand> read(TenantId tenant, DeviceCommandId id) {
        return tx.withHandle(Optional.of(tenant), "read a device command", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public void update(TenantId tenant, DeviceCommand c) {
        int rows = tx.withHandle(Optional.of(tenant), "update a device command", h -> h.createUpdate("""
                        UPDATE public.device_commands SET status = :status, status_at = :statusAt, attempts = :attempts,
                            due_at = :dueAt, detail = :detail
                        WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", tenant.value())
                .bind("id", c.id().value())
                .bind("status", c.status().wireName())
                .bind("statusAt", c.statusAt())
                .bind("attempts", c.attempts())
                .bind("dueAt", c.dueAt().orElse(null))
                .bind("detail", c.detail().orElse(null))
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("no command " + c.id() + " to update");
        }
    }

    @Override
    public List<DeviceCommand> lockDue(TenantId tenant, Instant now, int limit) {
        requireLimit(limit);
        return tx.withHandle(Optional.of(tenant), "lock due device commands", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND status IN ('queued', 'sent') AND "
                        + ACT_AT + " <= :now ORDER BY " + ACT_AT + ", id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("tenant", tenant.value())
                .bind("now", now)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    @Override
    public List<DeviceCommand> waitingOf(TenantId tenant, DeviceId device, int limit) {
        requireLimit(limit);
        return tx.withHandle(Optional.of(tenant), "lock a device's waiting commands", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND device_id = :device"
                        + " AND status IN ('queued', 'sent') ORDER BY created_at, id LIMIT :limit FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    @Override
    public Page<DeviceCommand> ofDevice(TenantId tenant, DeviceId device, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = SELECT + " WHERE tenant_id = :tenant AND device_id = :device"
                + after.map(c -> " AND (created_at, id) < (:afterAt, :afterId)").orElse("")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<DeviceCommand> rows = tx.withHandle(Optional.of(tenant), "list a device's commands", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("device", device.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(MAPPER).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<DeviceCommand> items = rows.subList(0, page.limit());
        DeviceCommand last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    @Override
    public List<TenantId> claimDueCenters(Instant now, Instant leaseUntil, int limit) {
        requireLimit(limit);
        return tx.withHandle("claim centers with device commands to dispatch", h -> h
                .createQuery("""
                        UPDATE directory.device_dispatch_due d SET lease_until = :lease
                        FROM (SELECT tenant_id, due_at FROM directory.device_dispatch_due
                              WHERE due_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                              ORDER BY due_at, tenant_id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE d.tenant_id = due.tenant_id
                        RETURNING d.tenant_id, due.due_at""")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Claimed(new TenantId(Sql.uuid(rs, "tenant_id")), Sql.instant(rs, "due_at")))
                .list()
                .stream()
                .sorted(Comparator.comparing(Claimed::dueAt).thenComparing(c -> c.tenant().value().toString()))
                .map(Claimed::tenant)
                .toList());
    }

    @Override
    public void endLease(TenantId tenant) {
        tx.withHandle(Optional.of(tenant), "end a device dispatch lease", h -> h.createUpdate("""
                        UPDATE directory.device_dispatch_due SET lease_until = NULL
                        WHERE tenant_id = :tenant AND lease_until IS NOT NULL""")
                .bind("tenant", tenant.value())
                .execute());
    }

    private record Claimed(TenantId tenant, Instant dueAt) {
    }

    private static final RowMapper<DeviceCommand> MAPPER = (rs, ctx) -> new DeviceCommand(
            new DeviceCommandId(Sql.uuid(rs, "id")),
            new DeviceId(Sql.uuid(rs, "device_id")),
            CommandType.parse("type", rs.getString("type")),
            FlatJson.read(rs, "p"),
            Optional.ofNullable(Sql.uuid(rs, "appointment_id")).map(AppointmentId::new),
            new UserId(Sql.uuid(rs, "issued_by")),
            Sql.instant(rs, "created_at"),
            Sql.instant(rs, "expires_at"),
            CommandStatus.fromWire(rs.getString("status")),
            Sql.instant(rs, "status_at"),
            rs.getInt("attempts"),
            Sql.optionalInstant(rs, "due_at"),
            Optional.ofNullable(rs.getString("detail")));

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
    }
}
