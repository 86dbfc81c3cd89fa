package com.qleven.application.devices;

import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.ports.devices.in.QueueCommand;
import com.qleven.ports.devices.out.DeviceWorkStore;
import com.qleven.ports.scheduling.in.EquipmentMaintenance;
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
    private final DeviceCommandsService commands;
    private final CommandDispatcher dispatcher;
    private final DeviceInboundService inbound;
    private final DeviceCareService care;
    private final TreatmentSessionsRegistry sessionsRegistry;

    /**
     * Wires the context. {@code link} is the MQTT connection to the machines (none: commands wait in
     * the outbox); {@code provisioning} keeps an external broker's account of each device
     * ({@link BrokerProvisioning#NONE} for a broker that asks {@link #authentication()} itself). A
     * provisioning that fails after a change committed is logged (the device id and the failure's
     * type, never the secret) and does not undo the change: the broker catches up at the next start.
     */
    public DevicesFacade(Foundation f, Optional<DeviceLink> link, BrokerProvisioning provisioning,
                         EquipmentMaintenance maintenance, CommandDispatcher.Settings dispatch) {
        this.link = Objects.requireNonNull(link, "link");
        Objects.requireNonNull(maintenance, "maintenance");
        DeviceWorkStore work = f.store().deviceWork();
        var tx = f.store().shared().transactions();
        this.commands = new DeviceCommandsService(tx, f.store().devices().devices(), work.commands(),
                f.store().scheduling().appointments(), f.store().scheduling().catalogue(), f.audit(), f.ids(),
                f.clock());
        this.dispatcher = new CommandDispatcher(tx, work.commands(), f.store().devices().devices(), link, f.clock(),
                Objects.requireNonNull(dispatch, "dispatch"));
        this.inbound = new DeviceInboundService(tx, f.store().devices().devices(), work,
                f.store().scheduling().appointments(), maintenance, f.store().privacy().centerNotifications(),
                new CenterNotificationSeal(f.cipher()), f.ids(), f.clock());
        this.care = new DeviceCareService(tx, f.store().devices().devices(), work.maintenanceRules(), work.sessions(),
                f.audit(), f.clock());
        this.sessionsRegistry = new TreatmentSessionsRegistry(work.sessions());
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

    /**
     * Queues a command to the machine in the request's unit (202 with its id): administrators any
     * machine, a professional only for an appointment of their own. See {@link DeviceCommandsService}
     * for the rules on {@code arm}, revoked devices and machines in maintenance.
     */
    public DeviceCommand queueCommand(Principal principal, DeviceId id, QueueCommand command) {
        return commands.queue(principal, id, command);
    }

    /** One of the machine's commands with its state (every center role); another device's is not found. */
    public DeviceCommand command(Principal principal, DeviceId id, DeviceCommandId commandId) {
        return commands.get(principal, id, commandId);
    }

    /** The machine's commands, newest first (every center role). */
    public Page<DeviceCommand> commands(Principal principal, DeviceId id, PageRequest page) {
        return commands.list(principal, id, page);
    }

    /** The machine's maintenance rules (administrators); {@link MaintenanceRules#NONE} when it has none. */
    public MaintenanceRules maintenanceRules(Principal principal, DeviceId id) {
        return care.rules(principal, id);
    }

    /** Replaces the machine's maintenance rules (administrators). */
    public MaintenanceRules replaceMaintenanceRules(Principal principal, DeviceId id, MaintenanceRules rules) {
        return care.replaceRules(principal, id, rules);
    }

    /** The appointment's treatment session on a machine (every center role); not found when none. */
    public TreatmentSession treatmentSession(Principal principal, AppointmentId appointment) {
        return care.session(principal, appointment);
    }

    /** Publishes the outbox's due commands once (the host's {@code DeviceDispatchJob} calls it). */
    public CommandDispatcher dispatcher() {
        return dispatcher;
    }

    /** What the MQTT subscriber hands its status, telemetry and acks to. */
    public DeviceInboundService inbound() {
        return inbound;
    }

    /** The client's treatment sessions in the privacy registry. */
    public TreatmentSessionsRegistry sessionsRegistry() {
        return sessionsRegistry;
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
