package com.qleven.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceStatusReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning devices in a private Mosquitto through dynamic security, and the access it gives them. */
class MosquittoDynsecProvisioningTest {
    private MosquittoFixture mosquitto;
    private MosquittoDynsecProvisioning provisioning;
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void connect() {
        mosquitto = MosquittoFixture.shared();
        provisioning = new MosquittoDynsecProvisioning(mosquitto.url(), "dynsec-" + UUID.randomUUID(),
                MosquittoFixture.ADMIN, mosquitto.adminPassword(), Duration.ofSeconds(5));
        open.add(provisioning);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MqttAsyncClient device(DeviceId id, String secret) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(mosquitto.url(), id.value().toString(), new MemoryPersistence());
        open.add(() -> {
            if (c.isConnected()) {
                c.disconnectForcibly(100, 1000);
            }
            c.close(true);
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id.value().toString());
        o.setPassword(secret.toCharArray());
        c.connect(o).waitForCompletion(5000);
        return c;
    }

    @Test
    void aProvisionedDeviceUsesItsOwnPrefixOnlyAndTheLinkReadsIt() throws Exception {
        provisioning.ensurePlatformAccess(MosquittoFixture.ADMIN);
        RecordingInbound inbound = new RecordingInbound();
        PahoDeviceLink link = new PahoDeviceLink(new MqttLinkSettings(mosquitto.url(), "host-" + UUID.randomUUID(),
                MosquittoFixture.ADMIN, mosquitto.adminPassword(), true, Duration.ofSeconds(5),
                MqttLinkSettings.DEFAULT_MAX_PAYLOAD), new MqttMetrics(), Clock.systemUTC());
        open.add(link);
        link.start(inbound);
        await().atMost(Duration.ofSeconds(10)).until(link::connected);

        DeviceId id = new DeviceId(UUID.randomUUID());
        DeviceId neighbour = new DeviceId(UUID.randomUUID());
        provisioning.provision(tenant, id, "first");
        provisioning.provision(tenant, id, "first");
        MqttAsyncClient dev = device(id, "first");

        IMqttToken sub = dev.subscribe(new String[] {DeviceTopics.ownFilter(tenant, id),
                DeviceTopics.ownFilter(tenant, neighbour), "qleven/#"}, new int[] {1, 1, 1});
        try {
            sub.waitForCompletion(5000);
        } catch (MqttException e) {
            // Refused filters surface as an exception; the codes are on the token.
        }
        assertThat(sub.getGrantedQos()).containsExactly(1, 0x80, 0x80);

        MqttMessage m = new MqttMessage("{\"online\":true}".getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        dev.publish(DeviceTopics.status(tenant, neighbour), m).waitForCompletion(5000);
        dev.publish(DeviceTopics.status(tenant, id), m).waitForCompletion(5000);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.of(id).size() == 1);
        assertThat(((DeviceStatusReport) inbound.of(id).get(0).report()).online()).isTrue();
        assertThat(inbound.of(neighbour)).isEmpty();
    }

    @Test
    void reprovisioningChangesTheSecretAndRevokingShutsTheDeviceOut() throws Exception {
        DeviceId id = new DeviceId(UUID.randomUUID());
        provisioning.provision(tenant, id, "first");
        assertThatThrownBy(() -> device(id, "wrong")).isInstanceOf(MqttSecurityException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(5));

        provisioning.provision(tenant, id, "second");
        assertThatThrownBy(() -> device(id, "first")).isInstanceOf(MqttSecurityException.class);
        MqttAsyncClient dev = device(id, "second");
        assertThat(dev.isConnected()).isTrue();

        provisioning.revoke(tenant, id);
        await().atMost(Duration.ofSeconds(5)).until(() -> !dev.isConnected());
        assertThatThrownBy(() -> device(id, "second")).isInstanceOf(MqttSecurityException.class);
        provisioning.revoke(tenant, id);
    }
}
