package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceStatus;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceCredential;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.shared.out.BlindIndex;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry in {@code public.devices} (V38, row-level security) and the global
 * {@code directory.device_credentials}, every call one statement: a write that touches both does it
 * in one statement of data-modifying CTEs, the directory row first, so the two never disagree.
 */
final class PostgresDevices implements Devices {
    private static final String COLUMNS = "id, name, equipment_id, model, firmware, status, registered_at,"
            + " credential_version, credentials_rotated_at, online, status_at, last_seen_at, telemetry_at,"
            + " counter_names, counter_values, temperature_names, temperature_values, error_codes";
    private final PostgresTransactions tx;

    PostgresDevices(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, Device d, BlindIndex secretHash) {
        // The directory row is claimed first: an id already there (any center's) leaves "claimed"
        // empty, and then the center's row is not written.
        int added = tx.withHandle(Optional.of(tenant), "register a device", h -> h.createUpdate("""
                        WITH claimed AS (
                            INSERT INTO directory.device_credentials (device_id, tenant_id, secret_hash, revoked)
                            VALUES (:id, :tenant, :hash, false)
                            ON CONFLICT (device_id) DO NOTHING
                            RETURNING 1)
                        INSERT INTO public.devices (tenant_id, id, name, equipment_id, model, firmware, status,
                            registered_at, credential_version, credentials_rotated_at)
                        SELECT :tenant, :id, :name, :equipment, :model, :firmware, :status, :registeredAt,
                            :version, :rotatedAt
                        WHERE EXISTS (SELECT 1 FROM claimed)""")
                .bind("tenant", tenant.value())
                .bind("id", d.id().value())
                .bind("hash", secretHash.hex())
                .bind("name", d.name())
                .bind("equipment", d.equipment().value())
                .bind("model", d.model())
                .bind("firmware", d.firmware().orElse(null))
                .bind("status", d.status().wireName())
                .bind("registeredAt", d.registeredAt())
                .bind("version", d.credentialVersion())
                .bind("rotatedAt", d.credentialsRotatedAt())
                .execute());
        if (added == 0) {
            throw new ConflictException("a device of this id is registered");
        }
    }

    @Override
    public Optional<RegisteredDevice> find(TenantId tenant, DeviceId id) {
        return tx.withHandle(Optional.of(tenant), "find a device", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.devices WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> device(rs))
                .findOne());
    }

    @Override
    public Page<RegisteredDevice> list(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = "SELECT " + COLUMNS + " FROM public.devices WHERE tenant_id = :tenant"
                + after.map(c -> " AND (registered_at, id) < (:afterAt, :afterId)").orElse("")
                + " ORDER BY registered_at DESC, id DESC LIMIT :limit";
        List<RegisteredDevice> rows = tx.withHandle(Optional.of(tenant), "list devices", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map((rs, ctx) -> device(rs)).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<RegisteredDevice> items = rows.subList(0, page.limit());
        Device last = items.get(items.size() - 1).device();
        return new Page<>(items, Optional.of(new KeysetCursor(last.registeredAt(), last.id().value()).encode()));
    }

    @Override
    public boolean rotate(TenantId tenant, DeviceId id, BlindIndex secretHash, Instant at) {
        return tx.withHandle(Optional.of(tenant), "rotate a device's credentials", h -> h.createUpdate("""
                        WITH rotated AS (
                            UPDATE public.devices SET credential_version = credential_version + 1,
                                credentials_rotated_at = greatest(credentials_rotated_at, :at)
                            WHERE tenant_id = :tenant AND id = :id AND status = 'active'
                            RETURNING id)
                        UPDATE directory.device_credentials SET secret_hash = :hash, revoked = false
                        WHERE device_id IN (SELECT id FROM rotated) AND tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("hash", secretHash.hex())
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public boolean revoke(TenantId tenant, DeviceId id) {
        return tx.withHandle(Optional.of(tenant), "revoke a device", h -> h.createUpdate("""
                        WITH revoked AS (
                            UPDATE public.devices SET status = 'revoked'
                            WHERE tenant_id = :tenant AND id = :id AND status = 'active'
                            RETURNING id)
                        UPDATE directory.device_credentials SET revoked = true
                        WHERE device_id IN (SELECT id FROM revoked) AND tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .execute()) == 1;
    }

    @Override
    public boolean recordStatus(TenantId tenant, DeviceId id, boolean online, Optional<String> firmware, Instant at) {
        return tx.withHandle(Optional.of(tenant), "record a device's status", h -> h.createUpdate("""
                        UPDATE public.devices SET online = :online, status_at = :at,
                            last_seen_at = CASE WHEN :online THEN greatest(last_seen_at, :at) ELSE last_seen_at END,
                            firmware = coalesce(:firmware, firmware)
                        WHERE tenant_id = :tenant AND id = :id AND (status_at IS NULL OR status_at <= :at)""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("online", online)
                .bind("at", at)
                .bind("firmware", firmware.orElse(null))
                .execute()) == 1;
    }

    @Override
    public boolean recordTelemetry(TenantId tenant, DeviceId id, TelemetryReport report) {
        List<String> counterNames = new ArrayList<>(report.counters().keySet());
        List<String> temperatureNames = new ArrayList<>(report.temperatures().keySet());
        return tx.withHandle(Optional.of(tenant), "record a device's telemetry", h -> h.createUpdate("""
                        UPDATE public.devices SET telemetry_at = :at, last_seen_at = greatest(last_seen_at, :at),
                            counter_names = :counterNames, counter_values = :counterValues,
                            temperature_names = :temperatureNames, temperature_values = :temperatureValues,
                            error_codes = :errorCodes
                        WHERE tenant_id = :tenant AND id = :id AND (telemetry_at IS NULL OR telemetry_at <= :at)""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("at", report.receivedAt())
                .bindArray("counterNames", String.class, counterNames)
                .bindArray("counterValues", Double.class, counterNames.stream().map(report.counters()::get).toList())
                .bindArray("temperatureNames", String.class, temperatureNames)
                .bindArray("temperatureValues", Double.class,
                        temperatureNames.stream().map(report.temperatures()::get).toList())
                .bindArray("errorCodes", String.class, report.errorCodes())
                .execute()) == 1;
    }

    @Override
    public Optional<DeviceCredential> credential(DeviceId id) {
        return tx.withHandle("read a device's credentials", h -> h.createQuery("""
                        SELECT tenant_id, secret_hash, revoked FROM directory.device_credentials
                        WHERE device_id = :id""")
                .bind("id", id.value())
                .map((rs, ctx) -> new DeviceCredential(new TenantId(Sql.uuid(rs, "tenant_id")), id,
                        new BlindIndex(rs.getString("secret_hash")), rs.getBoolean("revoked")))
                .findOne());
    }

    private static RegisteredDevice device(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        Device device = new Device(new DeviceId(Sql.uuid(rs, "id")), rs.getString("name"),
                new EquipmentId(Sql.uuid(rs, "equipment_id")), rs.getString("model"),
                Optional.ofNullable(rs.getString("firmware")),
                DeviceStatus.fromWire(status).orElseThrow(() -> new SQLException("unknown device status " + status)),
                Sql.instant(rs, "registered_at"), rs.getLong("credential_version"),
                Sql.instant(rs, "credentials_rotated_at"));
        Optional<Instant> telemetryAt = Sql.optionalInstant(rs, "telemetry_at");
        Optional<TelemetryReport> telemetry = telemetryAt.isEmpty() ? Optional.empty()
                : Optional.of(new TelemetryReport(numbers(rs.getArray("counter_names"), rs.getArray("counter_values")),
                numbers(rs.getArray("temperature_names"), rs.getArray("temperature_values")),
                Arrays.stream((Object[]) rs.getArray("error_codes").getArray()).map(String.class::cast).toList(),
                telemetryAt.get()));
        return new RegisteredDevice(device, rs.getBoolean("online"), Sql.optionalInstant(rs, "status_at"),
                Sql.optionalInstant(rs, "last_seen_at"), telemetry);
    }

    private static Map<String, Double> numbers(Array names, Array values) throws SQLException {
        Object[] n = (Object[]) names.getArray();
        Object[] v = (Object[]) values.getArray();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < n.length; i++) {
            out.put((String) n[i], ((Number) v[i]).doubleValue());
        }
        return out;
    }
}
