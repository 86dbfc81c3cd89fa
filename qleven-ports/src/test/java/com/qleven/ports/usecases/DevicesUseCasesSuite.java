package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceStatus;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.devices.in.DeviceGrant;
import com.qleven.ports.devices.in.DeviceView;
import com.qleven.ports.devices.in.IssuedCredentials;
import com.qleven.ports.devices.in.RegisterDeviceCommand;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.BrokerProvisioning;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device registry through {@code qleven.devices()} against every store: administrators register
 * machines on the center's equipment and get their secret once; the broker's authentication accepts
 * exactly the current secret of an active device; rotation and revocation take the old secret away
 * from the commit on and tell the external broker after it; other roles read but cannot change; another
 * center's devices are not found.
 */
public abstract class DevicesUseCasesSuite extends UseCasesSuiteBase {
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private ClientInfo from;
    private RecordingProvisioning provisioning;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        provisioning = new RecordingProvisioning();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).brokerProvisioning(provisioning)
                .build();
    }

    /** An external broker's side: every provisioning and revocation, in order. */
    private static final class RecordingProvisioning implements BrokerProvisioning {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void provision(TenantId tenant, DeviceId device, String secret) {
            calls.add("provision " + tenant + " " + device + " " + secret);
        }

        @Override
        public void revoke(TenantId tenant, DeviceId device) {
            calls.add("revoke " + tenant + " " + device);
        }
    }

    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional,
                          EquipmentId laser) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol " + UUID.randomUUID().toString().substring(0, 8)).address("Calle 1")
                .taxId("B1").country("ES").timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin")
                .email(adminEmail).password(STAFF_PASSWORD).ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        Principal professional = staff(qleven, admin, "professional", from);
        Principal desk = staff(qleven, admin, "receptionist", from);
        EquipmentId laser = new EquipmentId(UUID.randomUUID());
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().catalogue().addEquipment(tenant,
                new Equipment(laser, "Láser 1", "laser", EquipmentStatus.AVAILABLE)));
        return new Center(tenant, admin, desk, professional, laser);
    }

    private IssuedCredentials register(Center c) {
        return qleven.devices().register(c.admin(), new RegisterDeviceCommand("Laser room 1", c.laser(),
                "GentleMax Pro", Optional.of("2.1.0")));
    }

    private Optional<DeviceGrant> connect(String username, String password) {
        return qleven.devices().authentication().authenticate(username, password.getBytes(StandardCharsets.UTF_8));
    }

    private List<AuditEvent> events(TenantId tenant) {
        qleven.audit().seal(Optional.of(tenant));
        return store.shared().transactions().inTenant(tenant, () -> store.audit().auditLog()
                .read(Optional.of(tenant), 0, 1000)).stream().map(AuditEntry::event).toList();
    }

    @Test
    void aRegisteredDeviceGetsItsSecretOnceAndConnectsWithIt() {
        Center c = center();
        IssuedCredentials issued = register(c);

        assertThat(issued.mqttPassword()).matches("^[A-Za-z0-9_-]{43}$");
        assertThat(issued.mqttUsername()).isEqualTo(issued.id().toString());
        assertThat(issued.mqttClientId()).isEqualTo(issued.id().toString());
        assertThat(issued.topicPrefix()).isEqualTo("qleven/" + c.tenant() + "/devices/" + issued.id() + "/");
        assertThat(issued.toString()).doesNotContain(issued.mqttPassword());
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword()))
                .contains(new DeviceGrant(c.tenant(), issued.id()));
        assertThat(register(c).mqttPassword()).isNotEqualTo(issued.mqttPassword());

        DeviceView view = qleven.devices().get(c.desk(), issued.id());
        assertThat(view.device().name()).isEqualTo("Laser room 1");
        assertThat(view.device().equipment()).isEqualTo(c.laser());
        assertThat(view.device().model()).isEqualTo("GentleMax Pro");
        assertThat(view.device().firmware()).contains("2.1.0");
        assertThat(view.device().status()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(view.device().registeredAt()).isEqualTo(NOW);
        assertThat(view.online()).isFalse();
        assertThat(view.lastSeenAt()).isEmpty();
        assertThat(view.telemetry()).isEmpty();
        assertThat(provisioning.calls).startsWith(
                "provision " + c.tenant() + " " + issued.id() + " " + issued.mqttPassword());

        AuditEvent registered = events(c.tenant()).stream().filter(e -> e.action().equals("device.register"))
                .findFirst().orElseThrow();
        assertThat(registered.subjectId()).contains(issued.id().value());
        assertThat(registered.toString()).doesNotContain(issued.mqttPassword());
    }

    @Test
    void theBrokerIsToldOnlyOnceTheCallersUnitCommittedAndNeverWhenItRollsBack() {
        Center c = center();
        List<String> before = List.copyOf(provisioning.calls);
        IssuedCredentials[] issued = new IssuedCredentials[1];

        assertThatThrownBy(() -> store.shared().transactions().inTenant(c.tenant(), () -> {
            issued[0] = register(c);
            assertThat(provisioning.calls).as("nothing told before the commit").isEqualTo(before);
            throw new IllegalStateException("the caller's unit fails after the registration");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(provisioning.calls).isEqualTo(before);
        assertThat(connect(issued[0].mqttUsername(), issued[0].mqttPassword())).isEmpty();
        assertThat(qleven.devices().list(c.admin(), PageRequest.first()).items()).isEmpty();

        IssuedCredentials kept = store.shared().transactions().inTenant(c.tenant(), () -> register(c));
        assertThat(provisioning.calls).endsWith(
                "provision " + c.tenant() + " " + kept.id() + " " + kept.mqttPassword());
    }

    @Test
    void wrongUnknownAndMalformedCredentialsAreRefused() {
        Center c = center();
        IssuedCredentials issued = register(c);
        String secret = issued.mqttPassword();

        assertThat(connect(issued.mqttUsername(), secret.substring(1) + "A")).isEmpty();
        assertThat(connect(issued.mqttUsername(), secret + " ")).isEmpty();
        assertThat(connect(issued.mqttUsername(), "")).isEmpty();
        assertThat(connect(UUID.randomUUID().toString(), secret)).isEmpty();
        assertThat(connect(issued.mqttUsername().toUpperCase(java.util.Locale.ROOT), secret)).isEmpty();
        assertThat(connect("admin", secret)).isEmpty();
        assertThat(connect(null, secret)).isEmpty();
        assertThat(qleven.devices().authentication().authenticate(issued.mqttUsername(), null)).isEmpty();
        assertThat(connect(issued.mqttUsername(), "x".repeat(100_000))).isEmpty();
        // Still the right one after a flood of wrong ones.
        assertThat(connect(issued.mqttUsername(), secret)).isPresent();
    }

    @Test
    void rotationTakesTheOldSecretAwayAtOnceAndTellsTheBroker() {
        Center c = center();
        IssuedCredentials first = register(c);
        assertThat(connect(first.mqttUsername(), first.mqttPassword())).isPresent();

        clock.advance(Duration.ofHours(1));
        IssuedCredentials second = qleven.devices().rotateCredentials(c.admin(), first.id());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.mqttPassword()).isNotEqualTo(first.mqttPassword());
        assertThat(connect(first.mqttUsername(), first.mqttPassword())).isEmpty();
        assertThat(connect(second.mqttUsername(), second.mqttPassword()))
                .contains(new DeviceGrant(c.tenant(), first.id()));
        DeviceView view = qleven.devices().get(c.admin(), first.id());
        assertThat(view.device().credentialVersion()).isEqualTo(2);
        assertThat(view.device().credentialsRotatedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(provisioning.calls).endsWith(
                "provision " + c.tenant() + " " + first.id() + " " + second.mqttPassword());
        assertThat(events(c.tenant())).extracting(AuditEvent::action).contains("device.rotate_credentials");
    }

    @Test
    void revocationRefusesTheSecretForGoodAndTellsTheBroker() {
        Center c = center();
        IssuedCredentials issued = register(c);
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isPresent();

        DeviceView revoked = qleven.devices().revoke(c.admin(), issued.id());

        assertThat(revoked.device().status()).isEqualTo(DeviceStatus.REVOKED);
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isEmpty();
        assertThat(provisioning.calls).endsWith("revoke " + c.tenant() + " " + issued.id());
        assertThatThrownBy(() -> qleven.devices().rotateCredentials(c.admin(), issued.id()))
                .isInstanceOf(ConflictException.class);
        // Revoking again answers the same and audits nothing more.
        assertThat(qleven.devices().revoke(c.admin(), issued.id()).device().status()).isEqualTo(DeviceStatus.REVOKED);
        assertThat(events(c.tenant())).extracting(AuditEvent::action).containsOnlyOnce("device.revoke");
    }

    @Test
    void anotherHostSRevocationIsSeenWithinTheCacheTtl() {
        Center c = center();
        IssuedCredentials issued = register(c);
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isPresent();
        Qleven otherHost = core(store, cipher).clock(clock).build();

        otherHost.devices().revoke(c.admin(), issued.id());

        assertThat(otherHost.devices().authentication().authenticate(issued.mqttUsername(),
                issued.mqttPassword().getBytes(StandardCharsets.UTF_8))).isEmpty();
        // This host read the directory a moment ago and trusts that read until the TTL runs out.
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isPresent();
        clock.advance(com.qleven.application.devices.RegistryAuthentication.TTL.plusSeconds(1));
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isEmpty();
    }

    @Test
    void equipmentThatIsNotTheCenterSIsRefusedNamingIt() {
        Center c = center();
        Center other = center();
        List<String> before = List.copyOf(provisioning.calls);

        for (EquipmentId equipment : List.of(other.laser(), new EquipmentId(UUID.randomUUID()))) {
            assertThatThrownBy(() -> qleven.devices().register(c.admin(), new RegisterDeviceCommand("Laser",
                    equipment, "M22", Optional.empty())))
                    .isInstanceOfSatisfying(UnprocessableException.class,
                            e -> assertThat(e.field()).isEqualTo("equipmentId"));
        }
        assertThat(qleven.devices().list(c.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(provisioning.calls).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsChangeTheRegistryAndEveryRoleReadsIt() {
        Center c = center();
        IssuedCredentials issued = register(c);
        RegisterDeviceCommand command = new RegisterDeviceCommand("IPL", c.laser(), "M22", Optional.empty());

        for (Principal p : List.of(c.desk(), c.professional())) {
            assertThatThrownBy(() -> qleven.devices().register(p, command)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> qleven.devices().rotateCredentials(p, issued.id()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> qleven.devices().revoke(p, issued.id())).isInstanceOf(ForbiddenException.class);
            assertThat(qleven.devices().get(p, issued.id()).device().id()).isEqualTo(issued.id());
            assertThat(qleven.devices().list(p, PageRequest.first()).items()).extracting(v -> v.device().id())
                    .containsExactly(issued.id());
        }
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isPresent();
    }

    @Test
    void anotherCenterSDeviceIsNotFound() {
        Center c = center();
        Center other = center();
        IssuedCredentials issued = register(c);

        assertThatThrownBy(() -> qleven.devices().get(other.admin(), issued.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.devices().rotateCredentials(other.admin(), issued.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.devices().revoke(other.admin(), issued.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.devices().list(other.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(connect(issued.mqttUsername(), issued.mqttPassword())).isPresent();
    }

    @Test
    void theListPagesNewestFirstAndShowsTheLiveState() {
        Center c = center();
        List<DeviceId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(c).id());
            clock.advance(Duration.ofMinutes(1));
        }
        Instant seen = NOW.plus(Duration.ofMinutes(10));
        store.shared().transactions().inTenant(c.tenant(), () -> {
            store.devices().devices().recordStatus(c.tenant(), ids.get(0), true, Optional.of("2.2.0"), seen);
            store.devices().devices().recordTelemetry(c.tenant(), ids.get(0),
                    new TelemetryReport(Map.of("shots", 1200.0), Map.of(), List.of(), seen));
        });

        Page<DeviceView> first = qleven.devices().list(c.desk(), new PageRequest(2, Optional.empty()));
        Page<DeviceView> second = qleven.devices().list(c.desk(), new PageRequest(2, first.next()));

        assertThat(first.items()).extracting(v -> v.device().id()).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.items()).extracting(v -> v.device().id()).containsExactly(ids.get(0));
        assertThat(second.next()).isEmpty();
        DeviceView live = second.items().get(0);
        assertThat(live.online()).isTrue();
        assertThat(live.lastSeenAt()).contains(seen);
        assertThat(live.device().firmware()).contains("2.2.0");
        assertThat(live.telemetry().orElseThrow().counters()).containsEntry("shots", 1200.0);
    }
}
