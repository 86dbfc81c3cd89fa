package com.qleven.application.devices;

import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.devices.CommandStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceWorkStore;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.scheduling.in.EquipmentMaintenance;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the MQTT subscriber hands the platform, each call one unit of work in the device's center,
 * idempotent under QoS 1 redelivery:
 * <ul>
 *   <li>{@link #status}: recorded on the registry (order-safe, offline too); a device back online has
 *       its sent, unanswered, unexpired commands due again at once (it deduplicates by id).</li>
 *   <li>{@link #telemetry}: the registry's snapshot, the history, then the device's maintenance rules:
 *       a counter at its threshold or a fault code that forces maintenance puts the machine's equipment
 *       in maintenance through scheduling (its slots leave availability) and, once per transition,
 *       tells the center which appointments still to come hold it ({@code equipment_maintenance}
 *       notification: times and appointment ids, nothing about the clients). A repeat finds the
 *       machine in maintenance already and does nothing more.</li>
 *   <li>{@link #ack}: moves the command forward only. An {@code arm} accepted for an appointment starts
 *       its treatment session (the parameters, the counters of the device's latest telemetry), first
 *       stopping any session still running on the device; a {@code disarm} or {@code stop} done stops
 *       the running session with the counters then. An ack for an unknown command or another device's
 *       is dropped, logged and counted.</li>
 * </ul>
 * A device unknown to the center changes nothing (logged and counted). Nothing here throws to the
 * subscriber for a message it could not use.
 */
public final class DeviceInboundService implements DeviceInbound {
    static final String MAINTENANCE_KIND = "equipment_maintenance";
    private static final System.Logger LOG = System.getLogger(DeviceInboundService.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final Transactions tx;
    private final Devices devices;
    private final DeviceWorkStore work;
    private final Appointments appointments;
    private final EquipmentMaintenance maintenance;
    private final CenterNotifications notifications;
    private final CenterNotificationSeal seal;
    private final IdGenerator ids;
    private final Clock clock;
    private final AtomicLong dropped = new AtomicLong();

    DeviceInboundService(Transactions tx, Devices devices, DeviceWorkStore work, Appointments appointments,
                         EquipmentMaintenance maintenance, CenterNotifications notifications,
                         CenterNotificationSeal seal, IdGenerator ids, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.work = Objects.requireNonNull(work, "work");
        this.appointments = Objects.requireNonNull(appointments, "appointments");
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How many messages were dropped since start: unknown devices, unknown or foreign commands. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void status(TenantId tenant, DeviceId device, DeviceStatusReport report) {
        tx.inTenant(tenant, () -> {
            if (!devices.recordStatus(tenant, device, report.online(), report.firmware(), report.receivedAt())) {
                if (devices.find(tenant, device).isEmpty()) {
                    drop("unknown_device", tenant, device);
                }
                return null;
            }
            if (report.online()) {
                Instant now = clock.instant();
                for (DeviceCommand c : work.commands().waitingOf(tenant, device, 1000)) {
                    DeviceCommand again = c.redeliverAt(now);
                    if (!again.equals(c)) {
                        work.commands().update(tenant, again);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void telemetry(TenantId tenant, DeviceId device, TelemetryReport report) {
        tx.inTenant(tenant, () -> {
            Optional<RegisteredDevice> known = devices.find(tenant, device);
            if (known.isEmpty()) {
                drop("unknown_device", tenant, device);
                return null;
            }
            devices.recordTelemetry(tenant, device, report);
            work.telemetry().append(tenant, device, report);
            MaintenanceRules rules = work.maintenanceRules().find(tenant, device).orElse(MaintenanceRules.NONE);
            Optional<String> breach = rules.breach(report.counters(), report.errorCodes());
            if (breach.isPresent()) {
                maintenance.putInMaintenance(tenant, known.get().device().equipment(), report.receivedAt())
                        .ifPresent(affected -> notify(tenant, known.get(), breach.get(), affected));
            }
            return null;
        });
    }

    private void notify(TenantId tenant, RegisteredDevice device, String breach,
                        List<EquipmentMaintenance.Affected> affected) {
        String list = affected.isEmpty() ? "No appointment still to come holds it."
                : "Appointments still to come that hold it: " + affected.stream()
                        .map(a -> TIME.format(a.start().truncatedTo(ChronoUnit.SECONDS)) + " (" + a.appointment() + ")")
                        .collect(Collectors.joining(", ")) + ".";
        notifications.add(seal.seal(new CenterNotification(tenant, ids.next(), MAINTENANCE_KIND,
                device.device().equipment().value(), "Machine in maintenance: " + device.device().name(),
                "The machine " + device.device().name() + " reported " + breach + ", which its maintenance rules"
                        + " take for maintenance: its equipment is out of booking until it is set available again. "
                        + list, clock.instant())));
        LOG.log(System.Logger.Level.INFO, "event=device_maintenance tenant=" + tenant + " device="
                + device.device().id() + " appointments=" + affected.size());
    }

    @Override
    public void ack(TenantId tenant, DeviceId device, DeviceCommandId commandId, CommandAck ack) {
        tx.inTenant(tenant, () -> {
            Optional<DeviceCommand> found = work.commands().find(tenant, commandId)
                    .filter(c -> c.device().equals(device));
            if (found.isEmpty()) {
                drop("unknown_command", tenant, device);
                return null;
            }
            DeviceCommand before = found.get();
            DeviceCommand after = before.ack(ack.status(), ack.detail(), ack.receivedAt());
            if (after.equals(before)) {
                return null;
            }
            work.commands().update(tenant, after);
            if (after.type() == CommandType.ARM && after.status() == CommandStatus.ACCEPTED
                    && after.appointment().isPresent()) {
                startSession(tenant, after, ack.receivedAt());
            } else if ((after.type() == CommandType.DISARM || after.type() == CommandType.STOP)
                    && after.status() == CommandStatus.DONE) {
                stopRunning(tenant, device, ack.receivedAt());
            }
            return null;
        });
    }

    private void startSession(TenantId tenant, DeviceCommand arm, Instant at) {
        var appointment = appointments.byId(tenant, arm.appointment().orElseThrow());
        if (appointment.isEmpty()) {
            return;
        }
        stopRunning(tenant, arm.device(), at);
        TreatmentSession session = TreatmentSession.start(appointment.get().id(), arm.device(), arm.id(), at,
                arm.parameters(), counters(tenant, arm.device()));
        work.sessions().save(tenant, new StoredSession(session, appointment.get().client()));
    }

    private void stopRunning(TenantId tenant, DeviceId device, Instant at) {
        work.sessions().runningOn(tenant, device).ifPresent(running -> work.sessions().save(tenant,
                new StoredSession(running.session().stop(at, counters(tenant, device)), running.client())));
    }

    private Map<String, Double> counters(TenantId tenant, DeviceId device) {
        return work.telemetry().latest(tenant, device).map(TelemetryReport::counters).orElse(Map.of());
    }

    private void drop(String reason, TenantId tenant, DeviceId device) {
        dropped.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "event=device_message_dropped reason=" + reason + " tenant=" + tenant
                + " device=" + device);
    }
}
