package com.qleven.ports.devices.out;

/**
 * The store's group for what devices do (issue 13): the command outbox, telemetry history, maintenance
 * rules and treatment sessions. The registry of devices and their credentials is a group of its own.
 */
public interface DeviceWorkStore {
    DeviceCommands commands();

    DeviceTelemetryLog telemetry();

    DeviceMaintenanceRules maintenanceRules();

    TreatmentSessions sessions();
}
