package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/** Each device's maintenance rules; a device without any has {@link MaintenanceRules#NONE}. */
public interface DeviceMaintenanceRules {
    Optional<MaintenanceRules> find(TenantId tenant, DeviceId device);

    /** Creates or replaces the device's rules in the caller's unit. */
    void put(TenantId tenant, DeviceId device, MaintenanceRules rules);
}
