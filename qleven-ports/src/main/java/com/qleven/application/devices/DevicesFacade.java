package com.qleven.application.devices;

import com.qleven.application.Foundation;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.devices.in.DeviceAuthentication;
import com.qleven.ports.devices.in.DeviceView;
import com.qleven.ports.devices.in.IssuedCredentials;
import com.qleven.ports.devices.in.RegisterDeviceCommand;
import com.qleven.ports.devices.out.BrokerProvisioning;
import com.qleven.ports.devices.out.DeviceLink;
import com.qleven.ports.devices.out.DevicesStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Connected equipment, {@code qleven.devices()}: the center's registry of machines and their MQTT
 * credentials, and the authentication a broker asks on every CONNECT. Every verb checks the
 * principal's permission itself.
 */
public final class DevicesFacade {
    private static final System.Logger LOG = System.getLogger(DevicesFacade.class.getName());
    private final DeviceRegistry registry;
    private final RegistryAuthentication authentication;
    private final Optional<DeviceLink> link;
    private final BrokerProvisioning provisioning;

    /**
     * Wires the context. {@code link} is the MQTT connection to the machines (none: commands wait in
     * the outbox); {@code provisioning} keeps an external broker's account of each device
     * ({@link BrokerProvisioning#NONE} for a broker that asks {@link #authentication()} itself). A
     * provisioning that fails after a change committed is logged (the device id and the failure's
     * type, never the secret) and does not undo the change: the broker catches up at the next start.
     */
    public DevicesFacade(Foundation f, Optional<DeviceLink> link, BrokerProvisioning provisioning) {
        this.link = Objects.requireNonNull(link, "link");
        this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
        DevicesStore store = f.store().devices();
        var transactions = f.store().shared().transactions();
        DeviceSecrets secrets = new DeviceSecrets(f.cipher());
        this.authentication = new RegistryAuthentication(transactions, store.devices(), secrets, f.clock());
        this.registry = new DeviceRegistry(transactions, store.devices(), f.store().scheduling().catalogue(), secrets,
                new DeviceRegistry.Provisioning() {
                    @Override
                    public void provisioned(TenantId tenant, DeviceId device, String secret) {
                        authentication.forget(tenant, device);
                        tell(device, "provision", () -> DevicesFacade.this.provisioning.provision(tenant, device,
                                secret));
                    }

                    @Override
                    public void revoked(TenantId tenant, DeviceId device) {
                        authentication.forget(tenant, device);
                        tell(device, "revoke", () -> DevicesFacade.this.provisioning.revoke(tenant, device));
                    }
                }, f.audit(), f.ids(), f.clock());
    }

    /**
     * Registers a machine on a piece of the center's equipment (administrators): its credentials,
     * the secret shown this once. An {@code equipmentId} that is not the center's is a 422 naming it.
     */
    public IssuedCredentials register(Principal principal, RegisterDeviceCommand command) {
        return registry.register(principal, command);
    }

    /** The center's device with its live state (every center role); another center's is not found. */
    public DeviceView get(Principal principal, DeviceId id) {
        return registry.get(principal, id);
    }

    /** The center's devices, newest registration first (every center role). */
    public Page<DeviceView> list(Principal principal, PageRequest page) {
        return registry.list(principal, page);
    }

    /**
     * A new secret for an active device (administrators), shown this once; the old one is refused
     * from the commit on. A revoked device is a conflict.
     */
    public IssuedCredentials rotateCredentials(Principal principal, DeviceId id) {
        return registry.rotate(principal, id);
    }

    /** Revokes a device for good (administrators): its credentials are refused from the commit on. */
    public DeviceView revoke(Principal principal, DeviceId id) {
        return registry.revoke(principal, id);
    }

    /** What a broker calls on every CONNECT (see {@link RegistryAuthentication}). */
    public DeviceAuthentication authentication() {
        return authentication;
    }

    /** The MQTT link given to the builder, if any. */
    public Optional<DeviceLink> link() {
        return link;
    }

    /** The external broker's provisioning given to the builder ({@link BrokerProvisioning#NONE} by default). */
    public BrokerProvisioning brokerProvisioning() {
        return provisioning;
    }

    private static void tell(DeviceId device, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event=device_broker_" + what + "_failed device=" + device
                    + " error=" + e.getClass().getSimpleName());
        }
    }
}
