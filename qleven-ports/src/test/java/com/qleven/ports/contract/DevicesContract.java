package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceStatus;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceCredential;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Devices} promises: a device is read back exactly and only in its center's unit;
 * the credentials directory finds it by id in a global unit, in step with rotation and revocation;
 * an id registered anywhere is a conflict; status and telemetry reports older than the stored ones
 * change nothing; lists page newest first without gaps or repeats.
 */
public abstract class DevicesContract {

    protected abstract QlevenStore store();

    private Devices devices() {
        return store().devices().devices();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private EquipmentId equipment(TenantId tenant) {
        EquipmentId id = new EquipmentId(UUID.randomUUID());
        in(tenant, () -> {
            store().scheduling().catalogue().addEquipment(tenant,
                    new Equipment(id, "Laser 2", "laser", EquipmentStatus.AVAILABLE));
            return null;
        });
        return id;
    }

    private Device add(TenantId tenant, EquipmentId equipment, Instant at, BlindIndex hash) {
        Device device = Device.register(new DeviceId(UUID.randomUUID()), "Laser room 2", equipment, "GentleMax Pro",
                Optional.of("2.1.0"), at);
        in(tenant, () -> {
            devices().add(tenant, device, hash);
            return null;
        });
        return device;
    }

    private Optional<DeviceCredential> credential(DeviceId id) {
        return store().shared().transactions().global(() -> devices().credential(id));
    }

    @Test
    void aDeviceIsReadBackExactlyAndOnlyInItsCenterSUnit() {
        TenantId tenant = center();
        TenantId other = center();
        BlindIndex hash = newBlindIndex();
        Device device = add(tenant, equipment(tenant), T0, hash);

        RegisteredDevice read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow();
        assertThat(read).isEqualTo(RegisteredDevice.registered(device));
        assertThat(in(other, () -> devices().find(tenant, device.id()))).isEmpty();
        assertThat(in(other, () -> devices().find(other, device.id()))).isEmpty();
        assertThat(in(other, () -> devices().list(other, PageRequest.first())).items()).isEmpty();
        assertThat(credential(device.id())).contains(new DeviceCredential(tenant, device.id(), hash, false));
        assertThat(credential(new DeviceId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aDeviceWithoutFirmwareIsReadBackWithout() {
        TenantId tenant = center();
        Device device = Device.register(new DeviceId(UUID.randomUUID()), "IPL", equipment(tenant), "M22",
                Optional.empty(), T0);
        in(tenant, () -> {
            devices().add(tenant, device, newBlindIndex());
            return null;
        });
        assertThat(in(tenant, () -> devices().find(tenant, device.id())).orElseThrow().device()).isEqualTo(device);
    }

    @Test
    void anIdRegisteredInAnyCenterIsAConflictThatChangesNothing() {
        TenantId tenant = center();
        TenantId other = center();
        BlindIndex hash = newBlindIndex();
        Device device = add(tenant, equipment(tenant), T0, hash);
        EquipmentId otherEquipment = equipment(other);
        Device again = new Device(device.id(), "Other", otherEquipment, "X", Optional.empty(), DeviceStatus.ACTIVE,
                T0, 1, T0);

        assertThatThrownBy(() -> in(other, () -> {
            devices().add(other, again, newBlindIndex());
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(tenant, () -> {
            devices().add(tenant, device, newBlindIndex());
            return null;
        })).isInstanceOf(ConflictException.class);

        assertThat(credential(device.id())).contains(new DeviceCredential(tenant, device.id(), hash, false));
        assertThat(in(other, () -> devices().list(other, PageRequest.first())).items()).isEmpty();
    }

    @Test
    void rotationReplacesTheHashAndCountsTheVersion() {
        TenantId tenant = center();
        Device device = add(tenant, equipment(tenant), T0, newBlindIndex());
        BlindIndex next = newBlindIndex();
        Instant at = T0.plus(Duration.ofHours(1));

        assertThat(in(tenant, () -> devices().rotate(tenant, device.id(), next, at))).isTrue();

        Device read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow().device();
        assertThat(read.credentialVersion()).isEqualTo(2);
        assertThat(read.credentialsRotatedAt()).isEqualTo(at);
        assertThat(read.registeredAt()).isEqualTo(T0);
        assertThat(credential(device.id())).contains(new DeviceCredential(tenant, device.id(), next, false));
    }

    @Test
    void anotherCenterCanNeitherRotateNorRevoke() {
        TenantId tenant = center();
        TenantId other = center();
        BlindIndex hash = newBlindIndex();
        Device device = add(tenant, equipment(tenant), T0, hash);

        assertThat(in(other, () -> devices().rotate(other, device.id(), newBlindIndex(), T0))).isFalse();
        assertThat(in(other, () -> devices().revoke(other, device.id()))).isFalse();
        assertThat(in(other, () -> devices().recordStatus(other, device.id(), true, Optional.empty(), T0))).isFalse();
        assertThat(in(other, () -> devices().recordTelemetry(other, device.id(), telemetry(1, T0)))).isFalse();

        assertThat(credential(device.id())).contains(new DeviceCredential(tenant, device.id(), hash, false));
        assertThat(in(tenant, () -> devices().find(tenant, device.id()))).contains(RegisteredDevice.registered(device));
    }

    @Test
    void revocationMarksTheRegistryAndTheDirectoryAndIsFinal() {
        TenantId tenant = center();
        BlindIndex hash = newBlindIndex();
        Device device = add(tenant, equipment(tenant), T0, hash);

        assertThat(in(tenant, () -> devices().revoke(tenant, device.id()))).isTrue();
        assertThat(in(tenant, () -> devices().revoke(tenant, device.id()))).isFalse();
        assertThat(in(tenant, () -> devices().rotate(tenant, device.id(), newBlindIndex(), T0.plusSeconds(5))))
                .isFalse();

        Device read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow().device();
        assertThat(read.status()).isEqualTo(DeviceStatus.REVOKED);
        assertThat(read.credentialVersion()).isEqualTo(1);
        assertThat(credential(device.id())).contains(new DeviceCredential(tenant, device.id(), hash, true));
        assertThat(in(tenant, () -> devices().rotate(tenant, new DeviceId(UUID.randomUUID()), hash, T0))).isFalse();
        assertThat(in(tenant, () -> devices().revoke(tenant, new DeviceId(UUID.randomUUID())))).isFalse();
    }

    @Test
    void statusReportsAreOrderSafe() {
        TenantId tenant = center();
        Device device = add(tenant, equipment(tenant), T0, newBlindIndex());
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);

        assertThat(in(tenant, () -> devices().recordStatus(tenant, device.id(), true, Optional.of("3.0.1"), t2)))
                .isTrue();
        // An older offline report (a late last will) changes nothing.
        assertThat(in(tenant, () -> devices().recordStatus(tenant, device.id(), false, Optional.empty(), t1)))
                .isFalse();

        RegisteredDevice read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow();
        assertThat(read.online()).isTrue();
        assertThat(read.statusAt()).contains(t2);
        assertThat(read.lastSeenAt()).contains(t2);
        assertThat(read.device().firmware()).contains("3.0.1");

        Instant t3 = T0.plusSeconds(180);
        assertThat(in(tenant, () -> devices().recordStatus(tenant, device.id(), false, Optional.empty(), t3)))
                .isTrue();
        read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow();
        assertThat(read.online()).isFalse();
        assertThat(read.statusAt()).contains(t3);
        // Offline is not a sighting; the firmware stays what the device last named.
        assertThat(read.lastSeenAt()).contains(t2);
        assertThat(read.device().firmware()).contains("3.0.1");
        assertThat(in(tenant, () -> devices().recordStatus(tenant, new DeviceId(UUID.randomUUID()), true,
                Optional.empty(), t3))).isFalse();
    }

    @Test
    void theNewestTelemetryIsKeptWholeAndAnOlderOneChangesNothing() {
        TenantId tenant = center();
        Device device = add(tenant, equipment(tenant), T0, newBlindIndex());
        TelemetryReport newer = new TelemetryReport(Map.of("shots", 1200.0, "lampHours", 310.5),
                Map.of("handpiece", 31.25), List.of("E12", "E40"), T0.plusSeconds(120));

        assertThat(in(tenant, () -> devices().recordTelemetry(tenant, device.id(), newer))).isTrue();
        assertThat(in(tenant, () -> devices().recordTelemetry(tenant, device.id(), telemetry(5, T0.plusSeconds(60)))))
                .isFalse();

        RegisteredDevice read = in(tenant, () -> devices().find(tenant, device.id())).orElseThrow();
        assertThat(read.telemetry()).contains(newer);
        assertThat(read.lastSeenAt()).contains(newer.receivedAt());
        assertThat(read.online()).isFalse();

        TelemetryReport empty = new TelemetryReport(Map.of(), Map.of(), List.of(), T0.plusSeconds(180));
        assertThat(in(tenant, () -> devices().recordTelemetry(tenant, device.id(), empty))).isTrue();
        assertThat(in(tenant, () -> devices().find(tenant, device.id())).orElseThrow().telemetry()).contains(empty);
    }

    @Test
    void listsPageNewestFirstWithoutGapsOrRepeats() {
        TenantId tenant = center();
        EquipmentId equipment = equipment(tenant);
        List<DeviceId> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(add(tenant, equipment, T0.plusSeconds(i / 2), newBlindIndex()).id());
        }
        List<DeviceId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> after = cursor;
            Page<RegisteredDevice> page = in(tenant, () -> devices().list(tenant, new PageRequest(2, after)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(d -> seen.add(d.device().id()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyInAnyOrderElementsOf(added);
        List<Instant> times = new ArrayList<>();
        for (DeviceId id : seen) {
            times.add(in(tenant, () -> devices().find(tenant, id)).orElseThrow().device().registeredAt());
        }
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static TelemetryReport telemetry(double shots, Instant at) {
        return new TelemetryReport(Map.of("shots", shots), Map.of(), List.of(), at);
    }
}
