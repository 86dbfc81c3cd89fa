package com.qleven.application.devices;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.devices.CommandParameters;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.devices.in.QueueCommand;
import com.qleven.ports.devices.out.DeviceCommands;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Commands to machines, queued in the request's one unit of work and sent by the
 * {@link CommandDispatcher}. Who may command what:
 * <ul>
 *   <li>administrators any machine of the center; a professional only naming an appointment of their
 *       own ({@code appointmentId}; 403 otherwise);</li>
 *   <li>an {@code appointmentId} must name an appointment of the center (422 naming it otherwise, the
 *       same answer for another center's, so nothing leaks);</li>
 *   <li>{@code arm} needs its appointment, booked, confirmed or checked in, holding this machine's
 *       piece of equipment, and within {@link #ARM_WINDOW} of its time (422 naming
 *       {@code appointmentId}); a machine whose equipment is in maintenance refuses it (409);</li>
 *   <li>a revoked device takes no command (409); an unknown one, or another center's, is a 404.</li>
 * </ul>
 */
final class DeviceCommandsService {
    /** How far from its time an appointment may be for its machine to be armed: the day's session, not next week's. */
    static final Duration ARM_WINDOW = Duration.ofHours(12);
    private static final Set<AppointmentStatus> UNDER_WAY = EnumSet.of(AppointmentStatus.BOOKED,
            AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN);
    private static final String PURPOSE = "devices";

    private final Transactions tx;
    private final Devices devices;
    private final DeviceCommands commands;
    private final Appointments appointments;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    DeviceCommandsService(Transactions tx, Devices devices, DeviceCommands commands, Appointments appointments,
                          Catalogue catalogue, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.appointments = Objects.requireNonNull(appointments, "appointments");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    DeviceCommand queue(Principal principal, DeviceId deviceId, QueueCommand request) {
        Required.field(deviceId, "id");
        Required.field(request, "body");
        Permissions.require(principal, Permission.COMMAND_DEVICES);
        TenantId tenant = principal.requireTenant();
        if (request.type() == null) {
            throw new ValidationException("type", "is required");
        }
        CommandType type = CommandType.parse("type", request.type());
        Map<String, Object> parameters = CommandParameters.validate(type, request.parameters());
        int lifetime = CommandParameters.expiresInSeconds(request.expiresInSeconds());
        if (principal.role() != Role.ADMINISTRATOR && request.appointment().isEmpty()) {
            throw new ForbiddenException("a professional commands a machine for an appointment of their own");
        }
        if (type == CommandType.ARM && request.appointment().isEmpty()) {
            throw new UnprocessableException("appointmentId", "an arm command names its appointment");
        }
        Instant now = clock.instant();
        return tx.inTenant(tenant, () -> {
            RegisteredDevice device = devices.find(tenant, deviceId).orElseThrow(() -> new NotFoundException("device"));
            Optional<StoredAppointment> appointment = request.appointment().map(id -> appointments.byId(tenant, id)
                    .orElseThrow(() -> new UnprocessableException("appointmentId", "names no appointment of the center")));
            if (principal.role() != Role.ADMINISTRATOR
                    && !appointment.orElseThrow().professional().equals(principal.userId())) {
                throw new ForbiddenException("a professional commands a machine for an appointment of their own");
            }
            if (!device.device().active()) {
                throw new ConflictException("the device is revoked: it takes no command");
            }
            if (type == CommandType.ARM) {
                checkArm(tenant, device, appointment.orElseThrow(), now);
            }
            DeviceCommand command = DeviceCommand.queue(new DeviceCommandId(ids.next()), deviceId, type, parameters,
                    request.appointment(), principal.userId(), now, Duration.ofSeconds(lifetime));
            commands.add(tenant, command);
            audit.record(AuditEvent.by(principal, "device.command_queued", "device", Optional.of(deviceId.value()),
                    PURPOSE, 1, now));
            return command;
        });
    }

    private void checkArm(TenantId tenant, RegisteredDevice device, StoredAppointment appointment, Instant now) {
        if (!UNDER_WAY.contains(appointment.status())) {
            throw new UnprocessableException("appointmentId", "must be booked, confirmed or checked in");
        }
        if (!appointment.equipment().contains(device.device().equipment())) {
            throw new UnprocessableException("appointmentId", "does not hold this machine's equipment");
        }
        if (now.isBefore(appointment.start().minus(ARM_WINDOW)) || now.isAfter(appointment.end().plus(ARM_WINDOW))) {
            throw new UnprocessableException("appointmentId", "must be within 12 hours of now");
        }
        Optional<Equipment> piece = catalogue.equipment(tenant, device.device().equipment());
        if (piece.isPresent() && piece.get().status() == EquipmentStatus.MAINTENANCE) {
            throw new ConflictException("the machine is in maintenance: it cannot be armed");
        }
    }

    DeviceCommand get(Principal principal, DeviceId deviceId, DeviceCommandId commandId) {
        Required.field(deviceId, "id");
        Required.field(commandId, "commandId");
        Permissions.require(principal, Permission.VIEW_DEVICES);
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> commands.read(tenant, commandId).filter(c -> c.device().equals(deviceId))
                .orElseThrow(() -> new NotFoundException("command")));
    }

    Page<DeviceCommand> list(Principal principal, DeviceId deviceId, PageRequest page) {
        Required.field(deviceId, "id");
        Permissions.require(principal, Permission.VIEW_DEVICES);
        TenantId tenant = principal.requireTenant();
        PageRequest request = page == null ? PageRequest.first() : page;
        return tx.inTenant(tenant, () -> {
            devices.find(tenant, deviceId).orElseThrow(() -> new NotFoundException("device"));
            return commands.ofDevice(tenant, deviceId, request);
        });
    }
}
