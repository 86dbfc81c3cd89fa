package com.qleven.adapters.mqtt;

import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.TelemetryReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the link hands over; fails the first {@code failures} calls as if the database were down. */
public final class RecordingInbound implements DeviceInbound {
    public record Call(String kind, TenantId tenant, DeviceId device, Object report) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final AtomicInteger failures = new AtomicInteger();

    private void record(Call c) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database down");
        }
        calls.add(c);
    }

    @Override
    public void status(TenantId tenant, DeviceId device, DeviceStatusReport report) {
        record(new Call("status", tenant, device, report));
    }

    @Override
    public void telemetry(TenantId tenant, DeviceId device, TelemetryReport report) {
        record(new Call("telemetry", tenant, device, report));
    }

    @Override
    public void ack(TenantId tenant, DeviceId device, DeviceCommandId command, CommandAck ack) {
        record(new Call("ack:" + command.value(), tenant, device, ack));
    }

    public List<Call> of(DeviceId device) {
        return calls.stream().filter(c -> c.device.equals(device)).toList();
    }
}
