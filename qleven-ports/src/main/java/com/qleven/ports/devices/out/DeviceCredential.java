package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.util.Objects;

/**
 * A device's row in the global credentials directory: its center, the keyed hash of its current
 * secret (never the secret) and whether it was revoked.
 */
public record DeviceCredential(TenantId tenant, DeviceId device, BlindIndex secretHash, boolean revoked) {
    public DeviceCredential {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(secretHash, "secretHash");
    }
}
