package com.qleven.adapters.memory;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceTelemetryLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Telemetry history in memory, as V40 keeps it: per device, pruned past the retention on every append. */
final class InMemoryDeviceTelemetryLog implements DeviceTelemetryLog {
    private record Key(TenantId tenant, DeviceId device) {
    }

    private static final Comparator<TelemetryReport> NEWEST_FIRST =
            Comparator.comparing(TelemetryReport::receivedAt).reversed();

    private final InMemoryTransactions tx;
    private final Map<Key, List<TelemetryReport>> rows = new HashMap<>();

    InMemoryDeviceTelemetryLog(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(TenantId tenant, DeviceId device, TelemetryReport report) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, device);
            Instant horizon = report.receivedAt().minus(RETENTION);
            List<TelemetryReport> kept = new ArrayList<>(rows.getOrDefault(key, List.of()).stream()
                    .filter(r -> !r.receivedAt().isBefore(horizon)).toList());
            kept.add(report);
            tx.put(rows, key, List.copyOf(kept));
        });
    }

    @Override
    public Optional<TelemetryReport> latest(TenantId tenant, DeviceId device) {
        return tx.within(() -> reports(tenant, device).stream().sorted(NEWEST_FIRST).findFirst());
    }

    @Override
    public List<TelemetryReport> since(TenantId tenant, DeviceId device, Instant since, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
        return tx.within(() -> reports(tenant, device).stream().filter(r -> !r.receivedAt().isBefore(since))
                .sorted(NEWEST_FIRST).limit(limit).toList());
    }

    private List<TelemetryReport> reports(TenantId tenant, DeviceId device) {
        return tx.visible(tenant) ? rows.getOrDefault(new Key(tenant, device), List.of()) : List.of();
    }
}
