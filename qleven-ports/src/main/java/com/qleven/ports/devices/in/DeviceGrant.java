package com.qleven.ports.devices.in;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import java.util.Objects;

/** Who connected: a registered, unrevoked device of a center, allowed under its own prefix only. */
public record DeviceGrant(TenantId tenant, DeviceId device) {
    public DeviceGrant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
    }

    /** {@code qleven/{tenantId}/devices/{deviceId}/#}: the only filter the device may publish or subscribe under. */
    public String topicFilter() {
        return DeviceTopics.ownFilter(tenant, device);
    }
}
