package com.qleven.ports.devices.in;

import com.qleven.domain.devices.Device;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as staff see it: its registration, whether it is online (what its newest status report
 * said; offline until one came), when it was last seen and its newest telemetry. Never its secret.
 */
public record DeviceView(Device device, boolean online, Optional<Instant> lastSeenAt,
                         Optional<TelemetryReport> telemetry) {
    public DeviceView {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(telemetry, "telemetry");
    }
}
