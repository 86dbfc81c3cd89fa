package com.qleven.ports.devices.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@code status} message: online or offline (the last will), the firmware it names, when it came. */
public record DeviceStatusReport(boolean online, Optional<String> firmware, Instant receivedAt) {
    public DeviceStatusReport {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
