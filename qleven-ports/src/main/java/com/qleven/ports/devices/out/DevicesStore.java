package com.qleven.ports.devices.out;

/**
 * The store's devices group: each center's registry of connected machines, their live state, and the
 * global directory of their MQTT credentials that a broker reads before it knows the center.
 */
public interface DevicesStore {
    /** The registry, the machines' live state and the credentials directory. */
    Devices devices();
}
