package com.qleven.ports.testing;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.out.CommandMessage;
import com.qleven.ports.devices.out.DeviceLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A device link in memory for use-case tests: records every publish, and can be told to refuse them
 * (as a broker that gives no PUBACK) or to read as disconnected.
 */
public final class RecordingDeviceLink implements DeviceLink {
    /** One publish as the link saw it. */
    public record Published(TenantId tenant, DeviceId device, CommandMessage command) {
    }

    private final List<Published> published = new ArrayList<>();
    private volatile boolean refusing;
    private volatile boolean connected = true;
    private volatile DeviceInbound inbound;

    @Override
    public void start(DeviceInbound inbound) {
        this.inbound = inbound;
    }

    @Override
    public synchronized boolean publish(TenantId tenant, DeviceId device, CommandMessage command) {
        if (refusing || !connected) {
            return false;
        }
        published.add(new Published(tenant, device, command));
        return true;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        connected = false;
    }

    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    public void connected(boolean connected) {
        this.connected = connected;
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public Optional<DeviceInbound> inbound() {
        return Optional.ofNullable(inbound);
    }
}
