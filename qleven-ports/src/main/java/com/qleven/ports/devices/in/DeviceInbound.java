package com.qleven.ports.devices.in;

import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;

/**
 * What the MQTT subscriber hands the platform, the topic and JSON already read (malformed messages
 * never reach here: the adapter drops them with a log line and a metric). Each call is one unit of
 * work in the device's center; a device unknown to that center, or an ack for a command that is not
 * that device's, changes nothing (logged and counted, never an exception to the subscriber).
 * Idempotent: the broker may deliver a QoS 1 message twice.
 */
public interface DeviceInbound {
    void status(TenantId tenant, DeviceId device, DeviceStatusReport report);

    void telemetry(TenantId tenant, DeviceId device, TelemetryReport report);

    void ack(TenantId tenant, DeviceId device, DeviceCommandId command, CommandAck ack);
}
