package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceTelemetryLog;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Telemetry history in {@code public.device_telemetry} (V40): one statement appends and prunes. */
final class PostgresDeviceTelemetryLog implements DeviceTelemetryLog {
    private static final String SELECT = "SELECT received_at, error_codes, " + FlatJson.select("counters", "c") + ", "
            + FlatJson.select("temperatures", "t") + " FROM public.device_telemetry";

    private final PostgresTransactions tx;

    PostgresDeviceTelemetryLog(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(TenantId tenant, DeviceId device, TelemetryReport report) {
        tx.withHandle(Optional.of(tenant), "record telemetry", h -> h.createUpdate("""
                        WITH pruned AS (
                            DELETE FROM public.device_telemetry
                            WHERE tenant_id = :tenant AND device_id = :device AND received_at < :horizon)
                        INSERT INTO public.device_telemetry (tenant_id, device_id, received_at, counters, temperatures,
                            error_codes)
                        VALUES (:tenant, :device, :at, CAST(:counters AS jsonb), CAST(:temperatures AS jsonb), :codes)""")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .bind("horizon", report.receivedAt().minus(RETENTION))
                .bind("at", report.receivedAt())
                .bind("counters", FlatJson.encode(report.counters()))
                .bind("temperatures", FlatJson.encode(report.temperatures()))
                .bindArray("codes", String.class, report.errorCodes())
                .execute());
    }

    @Override
    public Optional<TelemetryReport> latest(TenantId tenant, DeviceId device) {
        return tx.withHandle(Optional.of(tenant), "read the latest telemetry", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND device_id = :device"
                        + " ORDER BY received_at DESC, seq DESC LIMIT 1")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<TelemetryReport> since(TenantId tenant, DeviceId device, Instant since, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
        return tx.withHandle(Optional.of(tenant), "list telemetry", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND device_id = :device AND received_at >= :since"
                        + " ORDER BY received_at DESC, seq DESC LIMIT :limit")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .bind("since", since)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    private static final RowMapper<TelemetryReport> MAPPER = (rs, ctx) -> new TelemetryReport(
            FlatJson.readNumbers(rs, "c"), FlatJson.readNumbers(rs, "t"),
            Arrays.asList(FlatJson.strings(rs.getArray("error_codes"))), Sql.instant(rs, "received_at"));
}
