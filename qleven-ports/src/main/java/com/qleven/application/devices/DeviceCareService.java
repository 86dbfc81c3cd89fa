package com.qleven.application.devices;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.devices.out.DeviceMaintenanceRules;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.devices.out.TreatmentSessions;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine's maintenance rules (administrators read and replace them; a device without any has
 * {@link MaintenanceRules#NONE}) and an appointment's treatment session (every center role; reading
 * it is audited, since it is about a client's treatment).
 */
final class DeviceCareService {
    private static final String PURPOSE = "devices";

    private final Transactions tx;
    private final Devices devices;
    private final DeviceMaintenanceRules rules;
    private final TreatmentSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    DeviceCareService(Transactions tx, Devices devices, DeviceMaintenanceRules rules, TreatmentSessions sessions,
                      AuditTrail audit, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    MaintenanceRules rules(Principal principal, DeviceId device) {
        Required.field(device, "id");
        Permissions.require(principal, Permission.MANAGE_DEVICE_MAINTENANCE);
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            devices.find(tenant, device).orElseThrow(() -> new NotFoundException("device"));
            return rules.find(tenant, device).orElse(MaintenanceRules.NONE);
        });
    }

    MaintenanceRules replaceRules(Principal principal, DeviceId device, MaintenanceRules replacement) {
        Required.field(device, "id");
        Permissions.require(principal, Permission.MANAGE_DEVICE_MAINTENANCE);
        Required.field(replacement, "body");
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            devices.find(tenant, device).orElseThrow(() -> new NotFoundException("device"));
            rules.put(tenant, device, replacement);
            audit.record(AuditEvent.by(principal, "device.maintenance_rules_set", "device",
                    Optional.of(device.value()), PURPOSE, 1, clock.instant()));
            return replacement;
        });
    }

    TreatmentSession session(Principal principal, AppointmentId appointment) {
        Required.field(appointment, "id");
        Permissions.require(principal, Permission.VIEW_DEVICES);
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            StoredSession stored = sessions.find(tenant, appointment)
                    .orElseThrow(() -> new NotFoundException("treatment session"));
            audit.record(AuditEvent.by(principal, "treatment_session.read", "appointment",
                    Optional.of(appointment.value()), PURPOSE, 1, clock.instant()));
            return stored.session();
        });
    }
}
