package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.devices.CommandDispatcher;
import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.CommandStatus;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.QueueCommand;
import com.qleven.ports.devices.in.RegisterDeviceCommand;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingDeviceLink;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, what devices do, against every store: commands queued in the request's unit, dispatched
 * through the link (a recording one here), moved by acks, sent again after a reconnect, expired;
 * who may command what; telemetry and maintenance rules taking a machine out of booking and telling
 * staff; treatment sessions and their counters, in the privacy registry.
 */
public abstract class DeviceWorkUseCasesSuite extends UseCasesSuiteBase {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private RecordingDeviceLink link;
    private ClientInfo from;

    @BeforeEach
    void build() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        link = new RecordingDeviceLink();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).deviceLink(link)
                .deviceDispatch(new CommandDispatcher.Settings(1000, 100, Duration.ofSeconds(30),
                        Duration.ofSeconds(30), Duration.ofSeconds(2)))
                .build();
    }

    /** A center with an administrator, two professionals, a client, a laser with its device and a laser service. */
    record Center(TenantId tenant, Principal admin, Principal professional, Principal otherProfessional,
                  ClientId client, ServiceId service, EquipmentId laser, DeviceId device) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(STAFF_PASSWORD).ageConfirmed(true)
                .client(from).build());
        TenantId tenant = signedUp.tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        Principal professional = staff(qleven, admin, "professional", from);
        Principal other = staff(qleven, admin, "professional", from);
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Lucía Fernández")
                .phone("600 111 222").email("lucia-" + UUID.randomUUID() + "@example.com").build()).id();
        EquipmentId laser = new EquipmentId(UUID.randomUUID());
        ServiceId service = new ServiceId(UUID.randomUUID());
        inTenant(tenant, () -> {
            store.scheduling().catalogue().addRoom(tenant, new Room(new RoomId(UUID.randomUUID()), "Cabina 1"));
            store.scheduling().catalogue().addEquipment(tenant,
                    new Equipment(laser, "Láser 1", "laser", EquipmentStatus.AVAILABLE));
            store.scheduling().catalogue().addService(tenant, new Service(service, "Depilación láser", 30, 0, 0,
                    new Money(4500, java.util.Currency.getInstance("EUR")), "21", false, Set.of("laser"), Set.of(),
                    true));
            for (UserId member : List.of(professional.userId(), other.userId())) {
                List<WeeklyHours.Entry> entries = new ArrayList<>();
                for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
                    entries.add(new WeeklyHours.Entry(day, "09:00", "19:00"));
                }
                store.scheduling().staffSchedules().putWeekly(tenant, member, WeeklyHours.parse(entries), NOW);
            }
        });
        DeviceId device = qleven.devices().register(admin, new RegisterDeviceCommand("Laser room 1", laser, "LX-2",
                Optional.of("2.1.0"))).id();
        return new Center(tenant, admin, professional, other, client, service, laser, device);
    }

    private void inTenant(TenantId tenant, Runnable work) {
        store.shared().transactions().inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    private AppointmentId book(Center c, Principal professional, String at) {
        return qleven.scheduling().book(c.admin(), new BookAppointmentCommand(c.client(), c.service(), madrid(at),
                Optional.of(professional.userId()))).id();
    }

    private DeviceInbound inbound() {
        return qleven.devices().inbound();
    }

    private static QueueCommand stop() {
        return new QueueCommand("stop", Map.of(), 60, Optional.empty());
    }

    private static QueueCommand arm(AppointmentId appointment) {
        return new QueueCommand("arm", Map.of("fluence", 12.5, "spot", 10), 300, Optional.of(appointment));
    }

    private void ack(Center c, DeviceCommandId id, AckStatus status) {
        inbound().ack(c.tenant(), c.device(), id, new CommandAck(status, Optional.of(status.wireName()), clock.instant()));
    }

    private void telemetry(Center c, Map<String, Double> counters, List<String> errors) {
        inbound().telemetry(c.tenant(), c.device(), new TelemetryReport(counters, Map.of(), errors, clock.instant()));
    }

    private DeviceCommand command(Center c, DeviceCommandId id) {
        return qleven.devices().command(c.admin(), c.device(), id);
    }

    private List<RecordingDeviceLink.Published> publishedFor(Center c) {
        return link.published().stream().filter(p -> p.tenant().equals(c.tenant())).toList();
    }

    /** Whether the store locks rows to a unit's commit (PostgreSQL); the in-memory store has no row locks. */
    protected boolean locksRows() {
        return false;
    }

    /**
     * Issue 13's dispatch stall: a run that claims the center while another unit holds its only due
     * command (an ack, a read) skips it and finds nothing; the next run, at the same instant, must
     * still take the center and publish the command rather than wait out the lease.
     */
    @Test
    void aCommandHeldByAnotherUnitDuringARunGoesOutOnTheNextRun() throws Exception {
        Assumptions.assumeTrue(locksRows(), "row locks only");
        Center c = center();
        DeviceCommand queued = qleven.devices().queueCommand(c.admin(), c.device(), stop());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> inTenant(c.tenant(), () -> {
            store.deviceWork().commands().find(c.tenant(), queued.id());
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            qleven.devices().dispatcher().dispatchDue();
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        assertThat(publishedFor(c)).as("skipped while held").isEmpty();

        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).as("the next run, same instant").singleElement()
                .satisfies(p -> assertThat(p.command().id()).isEqualTo(queued.id()));
        assertThat(command(c, queued.id()).status()).isEqualTo(CommandStatus.SENT);
    }

    @Test
    void aCommandIsQueuedDispatchedAndMovedByItsAcks() {
        Center c = center();
        DeviceCommand queued = qleven.devices().queueCommand(c.admin(), c.device(), stop());
        assertThat(queued.status()).isEqualTo(CommandStatus.QUEUED);
        assertThat(publishedFor(c)).isEmpty();

        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).singleElement().satisfies(p -> {
            assertThat(p.device()).isEqualTo(c.device());
            assertThat(p.command().id()).isEqualTo(queued.id());
            assertThat(p.command().expiresAt()).isEqualTo(queued.expiresAt());
        });
        assertThat(command(c, queued.id()).status()).isEqualTo(CommandStatus.SENT);
        assertThat(command(c, queued.id()).attempts()).isEqualTo(1);
        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).as("sent once").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        ack(c, queued.id(), AckStatus.ACCEPTED);
        assertThat(command(c, queued.id()).status()).isEqualTo(CommandStatus.ACCEPTED);
        ack(c, queued.id(), AckStatus.ACCEPTED);
        clock.advance(Duration.ofSeconds(1));
        ack(c, queued.id(), AckStatus.DONE);
        DeviceCommand done = command(c, queued.id());
        assertThat(done.status()).isEqualTo(CommandStatus.DONE);
        ack(c, queued.id(), AckStatus.REJECTED);
        assertThat(command(c, queued.id())).as("an ack for a final command changes nothing").isEqualTo(done);
        assertThat(qleven.devices().commands(c.admin(), c.device(), PageRequest.first()).items())
                .extracting(DeviceCommand::id).containsExactly(queued.id());
    }

    @Test
    void aRefusedPublishIsTriedAgainAfterItsDelay() {
        Center c = center();
        link.refuse(true);
        DeviceCommand queued = qleven.devices().queueCommand(c.admin(), c.device(), stop());
        qleven.devices().dispatcher().dispatchDue();
        assertThat(command(c, queued.id()).status()).isEqualTo(CommandStatus.QUEUED);
        assertThat(command(c, queued.id()).attempts()).isZero();
        link.refuse(false);
        clock.advance(Duration.ofSeconds(1));
        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).as("not before its retry time").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).hasSize(1);
        assertThat(command(c, queued.id()).status()).isEqualTo(CommandStatus.SENT);
    }

    @Test
    void aDeviceBackOnlineGetsItsUnansweredCommandsAgain() {
        Center c = center();
        DeviceCommand first = qleven.devices().queueCommand(c.admin(), c.device(), stop());
        DeviceCommand second = qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("lock", Map.of(), 60, Optional.empty()));
        qleven.devices().dispatcher().dispatchDue();
        ack(c, second.id(), AckStatus.DONE);
        clock.advance(Duration.ofSeconds(5));
        inbound().status(c.tenant(), c.device(), new DeviceStatusReport(false, Optional.empty(), clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        inbound().status(c.tenant(), c.device(), new DeviceStatusReport(true, Optional.of("2.1.1"), clock.instant()));
        qleven.devices().dispatcher().dispatchDue();
        assertThat(publishedFor(c)).extracting(p -> p.command().id())
                .containsExactlyInAnyOrder(first.id(), second.id(), first.id());
        assertThat(command(c, first.id()).attempts()).isEqualTo(2);
        assertThat(qleven.devices().get(c.admin(), c.device()).online()).isTrue();
    }

    @Test
    void aCommandNotSentOrNotAcceptedInItsLifetimeExpires() {
        Center c = center();
        link.connected(false);
        DeviceCommand never = qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("stop", Map.of(), 5, Optional.empty()));
        qleven.devices().dispatcher().dispatchDue();
        clock.advance(Duration.ofSeconds(6));
        link.connected(true);
        DeviceCommand unanswered = qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("unlock", Map.of(), 5, Optional.empty()));
        qleven.devices().dispatcher().dispatchDue();
        assertThat(command(c, never.id()).status()).isEqualTo(CommandStatus.EXPIRED);
        assertThat(publishedFor(c)).extracting(p -> p.command().id()).containsExactly(unanswered.id());
        clock.advance(Duration.ofSeconds(6));
        qleven.devices().dispatcher().dispatchDue();
        assertThat(command(c, unanswered.id()).status()).isEqualTo(CommandStatus.EXPIRED);
        ack(c, unanswered.id(), AckStatus.ACCEPTED);
        assertThat(command(c, unanswered.id()).status()).isEqualTo(CommandStatus.EXPIRED);
    }

    @Test
    void whoMayCommandWhat() {
        Center c = center();
        Center other = center();
        AppointmentId own = book(c, c.professional(), "2027-03-01T10:00");
        AppointmentId theirs = book(c, c.otherProfessional(), "2027-03-01T11:00");
        AppointmentId elsewhere = book(other, other.professional(), "2027-03-01T10:00");

        assertThat(qleven.devices().queueCommand(c.professional(), c.device(), arm(own)).status())
                .isEqualTo(CommandStatus.QUEUED);
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.professional(), c.device(), stop()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.professional(), c.device(), arm(theirs)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(), arm(elsewhere)))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("appointmentId"));
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), other.device(), stop()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("arm", Map.of("fluence", 12.5), 60, Optional.empty())))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("appointmentId"));
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("arm", Map.of(), 60, Optional.of(own))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("parameters"));
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("stop", Map.of(), 4, Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("expiresInSeconds"));
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(),
                new QueueCommand("explode", Map.of(), 60, Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("type"));
        DeviceCommand mine = qleven.devices().queueCommand(c.admin(), c.device(), stop());
        assertThatThrownBy(() -> qleven.devices().command(other.admin(), c.device(), mine.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.devices().command(c.admin(), other.device(), mine.id()))
                .isInstanceOf(NotFoundException.class);

        inTenant(c.tenant(), () -> store.scheduling().catalogue().setEquipmentStatus(c.tenant(), c.laser(),
                EquipmentStatus.MAINTENANCE));
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(), arm(own)))
                .isInstanceOf(ConflictException.class);
        qleven.devices().revoke(c.admin(), c.device());
        assertThatThrownBy(() -> qleven.devices().queueCommand(c.admin(), c.device(), stop()))
                .isInstanceOf(ConflictException.class);
        // Queued before the revocation: failed at dispatch, never published.
        qleven.devices().dispatcher().dispatchDue();
        assertThat(command(c, mine.id()).status()).isEqualTo(CommandStatus.FAILED);
        assertThat(publishedFor(c)).isEmpty();
    }

    @Test
    void aThresholdReachedPutsTheMachineInMaintenanceAndTellsStaffOnce() {
        Center c = center();
        AppointmentId booked = book(c, c.professional(), "2027-03-02T10:00");
        qleven.devices().replaceMaintenanceRules(c.admin(), c.device(), new MaintenanceRules(
                List.of(new MaintenanceRules.Threshold("lampHours", 1000)), List.of("E12"), false));
        assertThat(qleven.devices().maintenanceRules(c.admin(), c.device()).thresholds()).hasSize(1);
        assertThatThrownBy(() -> qleven.devices().maintenanceRules(c.professional(), c.device()))
                .isInstanceOf(ForbiddenException.class);
        AvailabilityQuery tuesday = new AvailabilityQuery(c.service(), LocalDate.parse("2027-03-03"),
                LocalDate.parse("2027-03-03"), Optional.empty());
        assertThat(qleven.scheduling().availability(c.admin(), tuesday).slots()).isNotEmpty();

        telemetry(c, Map.of("lampHours", 999.0), List.of("E1"));
        assertThat(equipmentStatus(c)).isEqualTo(EquipmentStatus.AVAILABLE);
        telemetry(c, Map.of("lampHours", 1000.0), List.of());
        assertThat(equipmentStatus(c)).isEqualTo(EquipmentStatus.MAINTENANCE);
        assertThat(qleven.scheduling().availability(c.admin(), tuesday).slots()).isEmpty();
        telemetry(c, Map.of("lampHours", 1000.5), List.of("E12"));
        List<CenterNotification> notices = notices(c);
        assertThat(notices).as("once per transition").hasSize(1);
        assertThat(notices.get(0).text()).contains(booked.toString()).doesNotContain("Lucía");
        assertThat(notices.get(0).subjectId()).isEqualTo(c.laser().value());
    }

    @Test
    void anArmAcceptedStartsTheSessionAndAStopDoneCountsWhatItUsed() {
        Center c = center();
        AppointmentId appointment = book(c, c.professional(), "2027-03-01T10:00");
        var offer = qleven.billing().createPackage(c.admin(), new com.qleven.ports.billing.in.PackageCommand(
                "200 disparos", List.of(c.service()), new com.qleven.domain.billing.Entitlement.Allowance(
                        com.qleven.domain.billing.AllowanceUnit.SHOTS, 200), new Money(20000,
                        java.util.Currency.getInstance("EUR")), 180, Optional.of("21")));
        var sold = qleven.billing().sellPackage(c.admin(), c.client(), offer.id()).held().id();
        telemetry(c, Map.of("shots", 100.0), List.of());
        DeviceCommand arm = qleven.devices().queueCommand(c.professional(), c.device(), arm(appointment));
        qleven.devices().dispatcher().dispatchDue();
        assertThatThrownBy(() -> qleven.devices().treatmentSession(c.professional(), appointment))
                .isInstanceOf(NotFoundException.class);
        clock.advance(Duration.ofSeconds(2));
        ack(c, arm.id(), AckStatus.ACCEPTED);
        ack(c, arm.id(), AckStatus.ACCEPTED);
        TreatmentSession started = qleven.devices().treatmentSession(c.professional(), appointment);
        assertThat(started.device()).isEqualTo(c.device());
        assertThat(started.parameters()).containsEntry("fluence", 12.5).containsEntry("spot", 10L);
        assertThat(started.countersAtStart()).containsEntry("shots", 100.0);
        assertThat(started.stoppedAt()).isEmpty();

        clock.advance(Duration.ofMinutes(20));
        telemetry(c, Map.of("shots", 350.0), List.of());
        DeviceCommand stop = qleven.devices().queueCommand(c.professional(), c.device(),
                new QueueCommand("stop", Map.of(), 60, Optional.of(appointment)));
        qleven.devices().dispatcher().dispatchDue();
        ack(c, stop.id(), AckStatus.DONE);
        TreatmentSession stopped = qleven.devices().treatmentSession(c.admin(), appointment);
        assertThat(stopped.stoppedAt()).contains(clock.instant());
        assertThat(stopped.countersUsed()).containsEntry("shots", 250.0);
        // 250 shots used, 200 held: the allowance is debited to zero, never below.
        assertThat(qleven.billing().clientPackage(c.admin(), sold).held().remaining())
                .isEqualTo(new com.qleven.domain.billing.Entitlement.Allowance(
                        com.qleven.domain.billing.AllowanceUnit.SHOTS, 0));

        Map<String, Object> exported = store.shared().transactions().inTenant(c.tenant(),
                () -> qleven.devices().sessionsRegistry().export(c.tenant(), c.client()));
        assertThat((List<?>) exported.get("items")).hasSize(1);
        inTenant(c.tenant(), () -> qleven.devices().sessionsRegistry().erase(c.tenant(), c.client()));
        assertThatThrownBy(() -> qleven.devices().treatmentSession(c.admin(), appointment))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAckForAnUnknownOrAnotherDevicesCommandIsDroppedAndCounted() {
        Center c = center();
        Center other = center();
        DeviceCommand theirs = qleven.devices().queueCommand(other.admin(), other.device(), stop());
        long before = qleven.devices().inbound().dropped();
        ack(c, new DeviceCommandId(UUID.randomUUID()), AckStatus.DONE);
        ack(c, theirs.id(), AckStatus.DONE);
        inbound().ack(other.tenant(), c.device(), theirs.id(), new CommandAck(AckStatus.DONE, Optional.empty(),
                clock.instant()));
        inbound().telemetry(c.tenant(), new DeviceId(UUID.randomUUID()),
                new TelemetryReport(Map.of(), Map.of(), List.of(), clock.instant()));
        assertThat(qleven.devices().inbound().dropped() - before).isEqualTo(4);
        assertThat(qleven.devices().command(other.admin(), other.device(), theirs.id()).status())
                .isEqualTo(CommandStatus.QUEUED);
    }

    private EquipmentStatus equipmentStatus(Center c) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> store.scheduling().catalogue().equipment(c.tenant(), c.laser()).orElseThrow().status());
    }

    private List<CenterNotification> notices(Center c) {
        CenterNotificationSeal seal = new CenterNotificationSeal(cipher);
        return store.shared().transactions().inTenant(c.tenant(), () -> store.privacy().centerNotifications()
                .list(c.tenant(), PageRequest.first()).items().stream().map(seal::open)
                .filter(n -> n.kind().equals("equipment_maintenance")).toList());
    }
}
