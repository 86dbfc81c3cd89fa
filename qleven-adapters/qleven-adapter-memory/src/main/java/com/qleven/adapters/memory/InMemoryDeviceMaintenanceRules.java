package com.qleven.adapters.memory;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.DeviceMaintenanceRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Maintenance rules in memory, one set per device. */
final class InMemoryDeviceMaintenanceRules implements DeviceMaintenanceRules {
    private record Key(TenantId tenant, DeviceId device) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, MaintenanceRules> rows = new HashMap<>();

    InMemoryDeviceMaintenanceRules(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<MaintenanceRules> find(TenantId tenant, DeviceId device) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, device)))
                : Optional.<MaintenanceRules>empty());
    }

    @Override
    public void put(TenantId tenant, DeviceId device, MaintenanceRules rules) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            tx.put(rows, new Key(tenant, device), rules);
        });
    }
}
