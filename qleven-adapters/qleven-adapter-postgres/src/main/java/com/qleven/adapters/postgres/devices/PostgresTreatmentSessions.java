package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.devices.out.TreatmentSessions;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Treatment sessions in {@code public.treatment_sessions} (V40), one row per appointment. */
final class PostgresTreatmentSessions implements TreatmentSessions {
    private static final String SELECT = "SELECT appointment_id, client_id, device_id, arm_command_id, started_at,"
            + " stopped_at, " + FlatJson.select("parameters", "p") + ", " + FlatJson.select("counters_at_start", "s")
            + ", " + FlatJson.select("counters_at_stop", "e") + " FROM public.treatment_sessions";

    private final PostgresTransactions tx;

    PostgresTreatmentSessions(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StoredSession> find(TenantId tenant, AppointmentId appointment) {
        return tx.withHandle(Optional.of(tenant), "find a treatment session", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND appointment_id = :appointment FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("appointment", appointment.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public Optional<StoredSession> runningOn(TenantId tenant, DeviceId device) {
        return tx.withHandle(Optional.of(tenant), "find a device's running session", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND device_id = :device AND stopped_at IS NULL"
                        + " ORDER BY started_at DESC LIMIT 1 FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("device", device.value())
                .map(MAPPER)
                .findOne());
    }

    @Override
    public void save(TenantId tenant, StoredSession stored) {
        TreatmentSession s = stored.session();
        tx.withHandle(Optional.of(tenant), "save a treatment session", h -> h.createUpdate("""
                        INSERT INTO public.treatment_sessions (tenant_id, appointment_id, client_id, device_id,
                            arm_command_id, started_at, stopped_at, parameters, counters_at_start, counters_at_stop)
                        VALUES (:tenant, :appointment, :client, :device, :arm, :startedAt, :stoppedAt,
                            CAST(:parameters AS jsonb), CAST(:start AS jsonb), CAST(:stop AS jsonb))
                        ON CONFLICT (tenant_id, appointment_id) DO UPDATE SET client_id = EXCLUDED.client_id,
                            device_id = EXCLUDED.device_id, arm_command_id = EXCLUDED.arm_command_id,
                            started_at = EXCLUDED.started_at, stopped_at = EXCLUDED.stopped_at,
                            parameters = EXCLUDED.parameters, counters_at_start = EXCLUDED.counters_at_start,
                            counters_at_stop = EXCLUDED.counters_at_stop""")
                .bind("tenant", tenant.value())
                .bind("appointment", s.appointment().value())
                .bind("client", stored.client().value())
                .bind("device", s.device().value())
                .bind("arm", s.armCommand().value())
                .bind("startedAt", s.startedAt())
                .bind("stoppedAt", s.stoppedAt().orElse(null))
                .bind("parameters", FlatJson.encode(s.parameters()))
                .bind("start", FlatJson.encode(s.countersAtStart()))
                .bind("stop", FlatJson.encode(s.countersAtStop()))
                .execute());
    }

    @Override
    public List<StoredSession> allOfClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's treatment sessions", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND client_id = :client"
                        + " ORDER BY started_at, appointment_id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map(MAPPER)
                .list());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "erase a client's treatment sessions", h -> h
                .createUpdate("DELETE FROM public.treatment_sessions WHERE tenant_id = :tenant AND client_id = :client")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .execute());
    }

    private static final RowMapper<StoredSession> MAPPER = (rs, ctx) -> new StoredSession(new TreatmentSession(
            new AppointmentId(Sql.uuid(rs, "appointment_id")),
            new DeviceId(Sql.uuid(rs, "device_id")),
            new DeviceCommandId(Sql.uuid(rs, "arm_command_id")),
            Sql.instant(rs, "started_at"),
            Sql.optionalInstant(rs, "stopped_at"),
            FlatJson.read(rs, "p"),
            FlatJson.readNumbers(rs, "s"),
            FlatJson.readNumbers(rs, "e")), new ClientId(Sql.uuid(rs, "client_id")));
}
