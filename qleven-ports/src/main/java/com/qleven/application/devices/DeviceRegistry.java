package com.qleven.application.devices;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.devices.in.DeviceView;
import com.qleven.ports.devices.in.IssuedCredentials;
import com.qleven.ports.devices.in.RegisterDeviceCommand;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The center's registry of machines. Administrators register a machine (on a piece of the center's
 * equipment), rotate its secret and revoke it; every center role reads the registry. A secret is
 * returned once, by the registration or rotation that issued it, and is nowhere else: not in the
 * store (a keyed hash only), the audit trail or any log. Once the unit commits (not before, and
 * never when it rolls back: {@link Transactions#afterCommit}), the broker's own account of the device
 * is brought in step ({@link com.qleven.ports.devices.out.BrokerProvisioning}) and this process's
 * authentication cache forgets the device.
 */
final class DeviceRegistry {
    static final String SUBJECT = "device";
    static final String PURPOSE = "devices";
    private final Transactions transactions;
    private final Devices devices;
    private final Catalogue catalogue;
    private final DeviceSecrets secrets;
    private final Provisioning provisioning;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    /** What happens after a registry change committed: the broker told, caches forgotten. */
    interface Provisioning {
        void provisioned(TenantId tenant, DeviceId device, String secret);

        void revoked(TenantId tenant, DeviceId device);
    }

    DeviceRegistry(Transactions transactions, Devices devices, Catalogue catalogue, DeviceSecrets secrets,
                   Provisioning provisioning, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.devices = devices;
        this.catalogue = catalogue;
        this.secrets = secrets;
        this.provisioning = provisioning;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    IssuedCredentials register(Principal principal, RegisterDeviceCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.REGISTER_DEVICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        DeviceId id = new DeviceId(ids.next());
        String secret = secrets.issue();
        transactions.inTenant(tenant, () -> {
            if (catalogue.equipment(tenant, command.equipmentId()).isEmpty()) {
                throw new UnprocessableException("equipmentId", "names no equipment of the center");
            }
            Device device = Device.register(id, command.name(), command.equipmentId(), command.model(),
                    command.firmware(), now);
            devices.add(tenant, device, secrets.hash(secret));
            audit.record(AuditEvent.by(principal, "device.register", SUBJECT, Optional.of(id.value()), PURPOSE, 1,
                    now));
            transactions.afterCommit(() -> provisioning.provisioned(tenant, id, secret));
        });
        return IssuedCredentials.of(tenant, id, secret);
    }

    DeviceView get(Principal principal, DeviceId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.VIEW_DEVICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> devices.find(tenant, id).map(DeviceRegistry::view)
                .orElseThrow(() -> new NotFoundException("device")));
    }

    Page<DeviceView> list(Principal principal, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.VIEW_DEVICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<RegisteredDevice> found = devices.list(tenant, page);
            return new Page<>(found.items().stream().map(DeviceRegistry::view).toList(), found.next());
        });
    }

    /** A new secret for an active device; the old one is refused from the commit on. Revoked: 409. */
    IssuedCredentials rotate(Principal principal, DeviceId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.REGISTER_DEVICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        String secret = secrets.issue();
        transactions.inTenant(tenant, () -> {
            RegisteredDevice device = devices.find(tenant, id).orElseThrow(() -> new NotFoundException("device"));
            if (!device.device().active() || !devices.rotate(tenant, id, secrets.hash(secret), now)) {
                throw new ConflictException("the device is revoked; register it again");
            }
            audit.record(AuditEvent.by(principal, "device.rotate_credentials", SUBJECT, Optional.of(id.value()),
                    PURPOSE, 1, now));
            transactions.afterCommit(() -> provisioning.provisioned(tenant, id, secret));
        });
        return IssuedCredentials.of(tenant, id, secret);
    }

    /** Revokes the device for good; revoking a revoked one changes nothing and answers the same. */
    DeviceView revoke(Principal principal, DeviceId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.REGISTER_DEVICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        DeviceView view = transactions.inTenant(tenant, () -> {
            devices.find(tenant, id).orElseThrow(() -> new NotFoundException("device"));
            if (devices.revoke(tenant, id)) {
                audit.record(AuditEvent.by(principal, "device.revoke", SUBJECT, Optional.of(id.value()), PURPOSE, 1,
                        now));
            }
            // Told again for a device already revoked: a broker that missed the first catches up.
            transactions.afterCommit(() -> provisioning.revoked(tenant, id));
            return view(devices.find(tenant, id).orElseThrow(() -> new NotFoundException("device")));
        });
        return view;
    }

    static DeviceView view(RegisteredDevice d) {
        return new DeviceView(d.device(), d.online(), d.lastSeenAt(), d.telemetry());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
