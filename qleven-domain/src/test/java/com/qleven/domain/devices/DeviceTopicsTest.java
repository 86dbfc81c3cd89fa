package com.qleven.domain.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceTopicsTest {
    private final TenantId tenant = new TenantId(UUID.fromString("0194a000-0000-7000-8000-000000000001"));
    private final DeviceId device = new DeviceId(UUID.fromString("0194a000-0000-7000-8000-0000000000d1"));
    private final DeviceCommandId command = new DeviceCommandId(UUID.fromString("0194a000-0000-7000-8000-0000000000c1"));

    @Test
    void everyTopicOfADeviceIsUnderItsOwnPrefixAndReadsBack() {
        String prefix = "qleven/" + tenant.value() + "/devices/" + device.value() + "/";
        assertThat(DeviceTopics.ownFilter(tenant, device)).isEqualTo(prefix + "#");
        assertThat(DeviceTopics.status(tenant, device)).isEqualTo(prefix + "status");
        assertThat(DeviceTopics.parse(DeviceTopics.status(tenant, device)))
                .contains(new DeviceTopics.Parsed(tenant, device, DeviceTopics.Kind.STATUS, Optional.empty()));
        assertThat(DeviceTopics.parse(DeviceTopics.telemetry(tenant, device)))
                .contains(new DeviceTopics.Parsed(tenant, device, DeviceTopics.Kind.TELEMETRY, Optional.empty()));
        assertThat(DeviceTopics.parse(DeviceTopics.command(tenant, device, command)))
                .contains(new DeviceTopics.Parsed(tenant, device, DeviceTopics.Kind.COMMAND, Optional.of(command)));
        assertThat(DeviceTopics.parse(DeviceTopics.ack(tenant, device, command)))
                .contains(new DeviceTopics.Parsed(tenant, device, DeviceTopics.Kind.ACK, Optional.of(command)));
    }

    @Test
    void anythingElseIsNotOneOfOurs() {
        String prefix = "qleven/" + tenant.value() + "/devices/" + device.value() + "/";
        for (String topic : new String[] {"", "#", "qleven", prefix + "other", prefix + "acks/not-a-uuid",
                prefix + "acks/" + command.value() + "/more", prefix + "status/", "qleven/x/devices/" + device.value()
                + "/status", "other/" + tenant.value() + "/devices/" + device.value() + "/status",
                prefix + "acks/" + "0194a000-0000-7000-8000-0000000000c", prefix + "commands"}) {
            assertThat(DeviceTopics.parse(topic)).as(topic).isEmpty();
        }
        assertThat(DeviceTopics.parse(null)).isEmpty();
    }
}
