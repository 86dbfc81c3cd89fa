package com.qleven.domain.devices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a device stands in the registry: {@code active} (its credentials open a connection) or
 * {@code revoked} (for good: its credentials are refused and it cannot be rotated back). Wire names
 * are lowercase.
 */
public enum DeviceStatus {
    ACTIVE,
    REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a wire name; empty for anything else. */
    public static Optional<DeviceStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }
}
