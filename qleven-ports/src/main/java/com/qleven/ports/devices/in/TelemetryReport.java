package com.qleven.ports.devices.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code telemetry} message: counters (shots, pulses, lamp hours, …), temperatures, fault codes the
 * machine reports, and when it came. Names are the machine's; values finite numbers.
 */
public record TelemetryReport(Map<String, Double> counters, Map<String, Double> temperatures,
                              List<String> errorCodes, Instant receivedAt) {
    public TelemetryReport {
        counters = Map.copyOf(Objects.requireNonNull(counters, "counters"));
        temperatures = Map.copyOf(Objects.requireNonNull(temperatures, "temperatures"));
        errorCodes = List.copyOf(Objects.requireNonNull(errorCodes, "errorCodes"));
        Objects.requireNonNull(receivedAt, "receivedAt");
        counters.values().forEach(TelemetryReport::finite);
        temperatures.values().forEach(TelemetryReport::finite);
    }

    private static void finite(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            throw new IllegalArgumentException("telemetry values are finite numbers");
        }
    }
}
