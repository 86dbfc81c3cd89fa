package com.qleven.adapters.memory;

import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceCredential;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The devices registry in memory, and the credentials directory kept in step in the same unit, as
 * PostgreSQL's {@code public.devices} and {@code directory.device_credentials} are.
 */
final class InMemoryDevices implements Devices {
    private record Row(TenantId tenant, RegisteredDevice device) {
    }

    private final InMemoryTransactions tx;
    private final Map<DeviceId, Row> rows = new HashMap<>();
    private final Map<DeviceId, DeviceCredential> credentials = new HashMap<>();

    InMemoryDevices(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, Device device, BlindIndex secretHash) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(secretHash, "secretHash");
        tx.within(() -> {
            tx.checkWrite(tenant);
            if (credentials.containsKey(device.id()) || rows.containsKey(device.id())) {
                throw new ConflictException("a device of this id is registered");
            }
            tx.put(rows, device.id(), new Row(tenant, RegisteredDevice.registered(device)));
            tx.put(credentials, device.id(), new DeviceCredential(tenant, device.id(), secretHash, false));
        });
    }

    @Override
    public Optional<RegisteredDevice> find(TenantId tenant, DeviceId id) {
        return tx.within(() -> own(tenant, id).map(Row::device));
    }

    @Override
    public Page<RegisteredDevice> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(rows.values().stream()
                .filter(r -> tx.visible(tenant) && r.tenant().equals(tenant))
                .map(Row::device)
                .toList(), d -> d.device().registeredAt(), d -> d.device().id().value(), page));
    }

    @Override
    public boolean rotate(TenantId tenant, DeviceId id, BlindIndex secretHash, Instant at) {
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(at, "at");
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<Row> row = own(tenant, id).filter(r -> r.device().device().active());
            if (row.isEmpty()) {
                return false;
            }
            RegisteredDevice r = row.get().device();
            Device d = r.device();
            Instant rotated = at.isBefore(d.credentialsRotatedAt()) ? d.credentialsRotatedAt() : at;
            Device next = new Device(d.id(), d.name(), d.equipment(), d.model(), d.firmware(), d.status(),
                    d.registeredAt(), d.credentialVersion() + 1, rotated);
            put(tenant, new RegisteredDevice(next, r.online(), r.statusAt(), r.lastSeenAt(), r.telemetry()));
            tx.put(credentials, id, new DeviceCredential(tenant, id, secretHash, false));
            return true;
        });
    }

    @Override
    public boolean revoke(TenantId tenant, DeviceId id) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<Row> row = own(tenant, id).filter(r -> r.device().device().active());
            if (row.isEmpty()) {
                return false;
            }
            RegisteredDevice r = row.get().device();
            Device d = r.device();
            put(tenant, new RegisteredDevice(new Device(d.id(), d.name(), d.equipment(), d.model(), d.firmware(),
                    DeviceStatus.REVOKED, d.registeredAt(), d.credentialVersion(), d.credentialsRotatedAt()),
                    r.online(), r.statusAt(), r.lastSeenAt(), r.telemetry()));
            DeviceCredential c = credentials.get(id);
            tx.put(credentials, id, new DeviceCredential(tenant, id, c.secretHash(), true));
            return true;
        });
    }

    @Override
    public boolean recordStatus(TenantId tenant, DeviceId id, boolean online, Optional<String> firmware, Instant at) {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(at, "at");
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<Row> row = own(tenant, id);
            if (row.isEmpty() || row.get().device().statusAt().filter(at::isBefore).isPresent()) {
                return false;
            }
            RegisteredDevice r = row.get().device();
            Device d = r.device();
            Device next = firmware.isEmpty() ? d : new Device(d.id(), d.name(), d.equipment(), d.model(), firmware,
                    d.status(), d.registeredAt(), d.credentialVersion(), d.credentialsRotatedAt());
            put(tenant, new RegisteredDevice(next, online, Optional.of(at),
                    online ? later(r.lastSeenAt(), at) : r.lastSeenAt(), r.telemetry()));
            return true;
        });
    }

    @Override
    public boolean recordTelemetry(TenantId tenant, DeviceId id, TelemetryReport report) {
        Objects.requireNonNull(report, "report");
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<Row> row = own(tenant, id);
            if (row.isEmpty() || row.get().device().telemetry()
                    .filter(t -> report.receivedAt().isBefore(t.receivedAt())).isPresent()) {
                return false;
            }
            RegisteredDevice r = row.get().device();
            put(tenant, new RegisteredDevice(r.device(), r.online(), r.statusAt(),
                    later(r.lastSeenAt(), report.receivedAt()), Optional.of(report)));
            return true;
        });
    }

    @Override
    public Optional<DeviceCredential> credential(DeviceId id) {
        return tx.within(() -> Optional.ofNullable(credentials.get(id)));
    }

    private Optional<Row> own(TenantId tenant, DeviceId id) {
        return Optional.ofNullable(rows.get(id)).filter(r -> tx.visible(tenant) && r.tenant().equals(tenant));
    }

    private void put(TenantId tenant, RegisteredDevice device) {
        tx.put(rows, device.device().id(), new Row(tenant, device));
    }

    private static Optional<Instant> later(Optional<Instant> seen, Instant at) {
        return Optional.of(seen.filter(at::isBefore).orElse(at));
    }
}
