package com.qleven.ports.devices.out;

import com.qleven.domain.devices.Device;
import com.qleven.ports.devices.in.TelemetryReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as the registry holds it: its registration and its live state. {@code online} is what the
 * newest status report said (false until one came), {@code statusAt} when that report came;
 * {@code lastSeenAt} the newest online status or telemetry; {@code telemetry} the newest snapshot, whole.
 */
public record RegisteredDevice(Device device, boolean online, Optional<Instant> statusAt, Optional<Instant> lastSeenAt,
                               Optional<TelemetryReport> telemetry) {
    public RegisteredDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(statusAt, "statusAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A device just registered: offline, never seen, no telemetry. */
    public static RegisteredDevice registered(Device device) {
        return new RegisteredDevice(device, false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
