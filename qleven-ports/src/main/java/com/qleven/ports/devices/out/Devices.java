package com.qleven.ports.devices.out;

import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Optional;

/**
 * Each center's registry of connected machines (in the center's unit) and the global directory of
 * their credentials, kept in step in the same unit: a device's directory row holds its center, the
 * keyed hash of its current secret and its revoked flag, so a broker authenticating a CONNECT finds
 * all it needs in one global read by the device id (its MQTT username).
 */
public interface Devices {
    /**
     * Registers the device with the keyed hash of its first secret, in the registry and the directory.
     *
     * @throws com.qleven.domain.shared.ConflictException when a device of that id exists (in any center)
     */
    void add(TenantId tenant, Device device, BlindIndex secretHash);

    /** The center's device with its live state; empty for an unknown id or another center's device. */
    Optional<RegisteredDevice> find(TenantId tenant, DeviceId id);

    /** The center's devices, newest registration first (then by id), with their live state. */
    Page<RegisteredDevice> list(TenantId tenant, PageRequest page);

    /**
     * Replaces an active device's secret hash (the registry's credential version grows by one and its
     * rotation time becomes {@code at}) and the directory's, so the old secret stops working when the
     * unit commits. False, changing nothing, for an unknown or revoked device.
     */
    boolean rotate(TenantId tenant, DeviceId id, BlindIndex secretHash, Instant at);

    /** Revokes an active device in the registry and the directory; false, changing nothing, otherwise. */
    boolean revoke(TenantId tenant, DeviceId id);

    /**
     * Records a status report, order-safe: a report older than the one stored changes nothing (and
     * returns false), so a late duplicate cannot bring back a state the device left. An online report
     * also moves {@code lastSeenAt}; a firmware named replaces the device's (checked by the caller with
     * {@link Device#validFirmware}: 1 to 60 characters, stripped). False for an unknown device.
     */
    boolean recordStatus(TenantId tenant, DeviceId id, boolean online, Optional<String> firmware, Instant at);

    /**
     * Keeps the report as the device's latest telemetry and moves {@code lastSeenAt}, unless a newer
     * report is already stored (then false, nothing changed). False for an unknown device.
     */
    boolean recordTelemetry(TenantId tenant, DeviceId id, TelemetryReport report);

    /** The device's credentials directory row, in a global unit (before the center is known). */
    Optional<DeviceCredential> credential(DeviceId id);
}
