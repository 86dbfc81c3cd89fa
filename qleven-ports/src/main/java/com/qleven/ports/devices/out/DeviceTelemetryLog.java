package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each device's telemetry history, bounded: {@link #append} drops the device's reports older than
 * {@link #RETENTION} in the same statement batch. Machine data only (counters, temperatures, fault
 * codes), nothing about clients. A report redelivered by the broker is stored twice: counters are
 * absolute, so readers take the latest and a duplicate changes nothing they compute.
 */
public interface DeviceTelemetryLog {
    Duration RETENTION = Duration.ofDays(90);

    /** Records the report in the caller's unit and drops the device's reports older than the retention. */
    void append(TenantId tenant, DeviceId device, TelemetryReport report);

    /** The device's latest report (by receipt time), if any within the retention. */
    Optional<TelemetryReport> latest(TenantId tenant, DeviceId device);

    /** The device's reports received at or after {@code since}, newest first, at most {@code limit}. */
    List<TelemetryReport> since(TenantId tenant, DeviceId device, Instant since, int limit);
}
