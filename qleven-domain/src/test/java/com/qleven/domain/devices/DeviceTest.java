package com.qleven.domain.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTest {
    private static final Instant T = Instant.parse("2027-03-20T08:00:00Z");
    private static final DeviceId ID = new DeviceId(UUID.randomUUID());
    private static final EquipmentId LASER = new EquipmentId(UUID.randomUUID());

    @Test
    void aRegistrationIsActiveWithItsFirstCredentialsAndStrippedTexts() {
        Device d = Device.register(ID, "  Laser room 2 ", LASER, " GentleMax Pro ", Optional.of(" 2.1.0 "), T);
        assertThat(d.name()).isEqualTo("Laser room 2");
        assertThat(d.model()).isEqualTo("GentleMax Pro");
        assertThat(d.firmware()).contains("2.1.0");
        assertThat(d.status()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(d.active()).isTrue();
        assertThat(d.credentialVersion()).isEqualTo(1);
        assertThat(d.credentialsRotatedAt()).isEqualTo(T);
    }

    @Test
    void everyBadMemberIsNamedAtOnce() {
        assertThatThrownBy(() -> Device.register(ID, " ", null, "m".repeat(121), Optional.of("f".repeat(61)), T))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "equipmentId", "model", "firmware"));
        assertThatThrownBy(() -> Device.register(ID, "Laser\u0007", LASER, "M", Optional.empty(), T))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name"));
    }

    @Test
    void limitsAreInclusive() {
        Device d = Device.register(ID, "n".repeat(120), LASER, "m".repeat(120), Optional.of("f".repeat(60)), T);
        assertThat(d.name()).hasSize(120);
    }

    @Test
    void credentialsAreNeverRotatedBeforeTheRegistrationNorVersionedBelowOne() {
        assertThatThrownBy(() -> new Device(ID, "L", LASER, "M", Optional.empty(), DeviceStatus.ACTIVE, T, 0, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Device(ID, "L", LASER, "M", Optional.empty(), DeviceStatus.ACTIVE, T, 2,
                T.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesReadBackFromTheirWireNames() {
        for (DeviceStatus s : DeviceStatus.values()) {
            assertThat(DeviceStatus.fromWire(s.wireName())).contains(s);
        }
        assertThat(DeviceStatus.fromWire("ACTIVE")).isEmpty();
        assertThat(DeviceStatus.fromWire("maintenance")).isEmpty();
    }
}
