package com.qleven.ports.devices.out;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;

/**
 * Keeps an external broker's own account of each device (for Mosquitto, a client and a role through
 * its dynamic-security plugin), for brokers that cannot ask the registry: called after the
 * registration, rotation or revocation has committed (idempotent). The secret exists in clear only in
 * that call (the registry keeps a keyed hash), so a broker that lost its accounts cannot be caught up
 * from the registry: the devices' credentials are rotated instead. The embedded broker asks the registry itself
 * ({@link com.qleven.ports.devices.in.DeviceAuthentication}) and needs {@link #NONE}.
 */
public interface BrokerProvisioning {
    /** Creates or updates the device's client with this secret, allowed under its own prefix only. */
    void provision(TenantId tenant, DeviceId device, String secret);

    /** Removes the device's client (and disconnects it if connected). */
    void revoke(TenantId tenant, DeviceId device);

    BrokerProvisioning NONE = new BrokerProvisioning() {
        @Override
        public void provision(TenantId tenant, DeviceId device, String secret) {
        }

        @Override
        public void revoke(TenantId tenant, DeviceId device) {
        }
    };
}
