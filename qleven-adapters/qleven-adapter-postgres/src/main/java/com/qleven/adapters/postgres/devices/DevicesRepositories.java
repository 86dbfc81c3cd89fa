package com.qleven.adapters.postgres.devices;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.DevicesStore;

/** Builds the PostgreSQL repositories of the devices out-ports; their classes stay package-private. */
public final class DevicesRepositories {
    private DevicesRepositories() {
    }

    public static DevicesStore store(PostgresTransactions tx) {
        return new Group(new PostgresDevices(tx));
    }

    private record Group(Devices devices) implements DevicesStore {
    }
}
