package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceInbound;

/**
 * The platform's MQTT connection to its machines. {@link #start} connects (a persistent session, so
 * QoS 1 messages wait in the broker while the platform is away) and subscribes to every device's
 * status, telemetry and acks — through a shared subscription when the broker offers one, so hosts side
 * by side share the traffic — handing what it reads to {@code inbound}; it reconnects by itself.
 */
public interface DeviceLink extends AutoCloseable {
    void start(DeviceInbound inbound);

    /**
     * Publishes the command at QoS 1 on the device's {@code commands/{id}} topic and waits for the
     * broker's PUBACK: true once the broker has it, false when it could not be handed over (not
     * connected, timed out): the command stays in the outbox and is tried again.
     */
    boolean publish(TenantId tenant, DeviceId device, CommandMessage command);

    /** Whether the link is connected now (readiness, and whether a dispatch run is worth it). */
    boolean connected();

    @Override
    void close();
}
