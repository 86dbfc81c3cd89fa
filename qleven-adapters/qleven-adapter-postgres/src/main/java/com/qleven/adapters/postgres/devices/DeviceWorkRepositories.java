package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.devices.out.DeviceCommands;
import com.qleven.ports.devices.out.DeviceMaintenanceRules;
import com.qleven.ports.devices.out.DeviceTelemetryLog;
import com.qleven.ports.devices.out.DeviceWorkStore;
import com.qleven.ports.devices.out.TreatmentSessions;

/** Builds the PostgreSQL repositories of what devices do; their classes stay package-private. */
public final class DeviceWorkRepositories {
    private DeviceWorkRepositories() {
    }

    public static DeviceWorkStore store(PostgresTransactions tx) {
        return new Group(new PostgresDeviceCommands(tx), new PostgresDeviceTelemetryLog(tx),
                new PostgresDeviceMaintenanceRules(tx), new PostgresTreatmentSessions(tx));
    }

    private record Group(DeviceCommands commands, DeviceTelemetryLog telemetry, DeviceMaintenanceRules maintenanceRules,
                         TreatmentSessions sessions) implements DeviceWorkStore {
    }
}
