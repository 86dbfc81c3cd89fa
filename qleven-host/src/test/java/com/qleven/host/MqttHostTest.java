package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.qleven.adapters.mqtt.EmbeddedBrokerFixture;
import com.qleven.adapters.mqtt.MosquittoFixture;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.MqttSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** The host's MQTT side: its own broker by default, the link's readiness and metrics, a taken port. */
class MqttHostTest {
    private static void refused(String url, String username, String password) throws Exception {
        MqttClient c = new MqttClient(url, username == null ? "anon-" + UUID.randomUUID() : username,
                new MemoryPersistence());
        try {
            MqttConnectOptions o = new MqttConnectOptions();
            if (username != null) {
                o.setUserName(username);
                o.setPassword(password.toCharArray());
            }
            assertThatThrownBy(() -> c.connect(o)).isInstanceOf(MqttSecurityException.class);
        } finally {
            c.close(true);
        }
    }

    @Test
    void withoutAnMqttUrlTheHostRunsItsOwnBrokerLinksToItAndRefusesStrangers() throws Exception {
        int port = EmbeddedBrokerFixture.freePort();
        try (TestHost t = TestHost.start(Map.of(MqttSettings.URL, "", MqttSettings.PORT, Integer.toString(port)))) {
            MqttService mqtt = t.host().component().mqttService();
            assertThat(mqtt.broker()).isPresent();
            assertThat(mqtt.broker().get().url()).isEqualTo("tcp://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(15)).until(mqtt::connected);
            assertThat(t.get("/health/ready").status()).isEqualTo(200);
            assertThat(t.metrics().body()).contains("qleven_mqtt_connected 1.0")
                    .contains("qleven_mqtt_messages_dropped_total{reason=\"bad_json\"}");

            refused("tcp://127.0.0.1:" + port, null, null);
            UUID stranger = UUID.randomUUID();
            refused("tcp://127.0.0.1:" + port, stranger.toString(), "not-a-secret");
            refused("tcp://127.0.0.1:" + port, "qleven-platform", "guess");
        }
    }

    @Test
    void aRegisteredMachineReportsThroughTheHostsBrokerAndIsShutOutWhenRevoked() throws Exception {
        int port = EmbeddedBrokerFixture.freePort();
        try (TestHost t = TestHost.start(Map.of(MqttSettings.URL, "", MqttSettings.PORT, Integer.toString(port)))) {
            await().atMost(Duration.ofSeconds(15)).until(t.host().component().mqttService()::connected);
            TestHost.Center center = t.newCenter("Centro MQTT");
            TestHost.Reply equipment = t.post("/v1/equipment", Map.of("name", "Láser 1", "kind", "laser"), center.token());
            assertThat(equipment.status()).as(equipment.body()).isEqualTo(201);
            TestHost.Reply created = t.post("/v1/devices", Map.of("name", "Laser room 1",
                    "equipmentId", equipment.json().get("id").asText(), "model", "GentleMax Pro"), center.token());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            String password = created.json().get("mqttPassword").asText();
            String prefix = created.json().get("topicPrefix").asText();

            MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(id);
            o.setPassword(password.toCharArray());
            device.setTimeToWait(5000);
            device.connect(o);
            try {
                MqttMessage online = new MqttMessage("{\"online\":true,\"firmware\":\"2.1.0\"}"
                        .getBytes(StandardCharsets.UTF_8));
                online.setQos(1);
                online.setRetained(true);
                device.publish(prefix + "status", online);
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        t.get("/v1/devices/" + id, center.token()).json().get("online").asBoolean());

                assertThat(t.post("/v1/devices/" + id + "/revoke", Map.of(), center.token()).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> !device.isConnected());
                assertThatThrownBy(() -> device.connect(o)).isInstanceOf(MqttSecurityException.class);
            } finally {
                device.close(true);
            }
        }
    }

    @Test
    void withMosquittoProvisioningARegisteredMachineGetsItsOwnAccountThere() throws Exception {
        MosquittoFixture mosquitto = MosquittoFixture.shared();
        try (TestHost t = TestHost.start(Map.of(MqttSettings.URL, mosquitto.url(),
                MqttSettings.USER, MosquittoFixture.ADMIN, MqttSettings.PASSWORD, mosquitto.adminPassword(),
                MqttSettings.PROVISIONING, "mosquitto-dynsec"))) {
            MqttService mqtt = t.host().component().mqttService();
            await().atMost(Duration.ofSeconds(15)).until(mqtt::connected);
            TestHost.Center center = t.newCenter("Centro Mosquitto");
            TestHost.Reply equipment = t.post("/v1/equipment", Map.of("name", "Láser 2", "kind", "laser"), center.token());
            TestHost.Reply created = t.post("/v1/devices", Map.of("name", "Laser room 2",
                    "equipmentId", equipment.json().get("id").asText(), "model", "GentleMax Pro"), center.token());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            String prefix = created.json().get("topicPrefix").asText();

            MqttClient device = new MqttClient(mosquitto.url(), id, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(id);
            o.setPassword(created.json().get("mqttPassword").asText().toCharArray());
            device.setTimeToWait(5000);
            device.connect(o);
            try {
                MqttMessage online = new MqttMessage("{\"online\":true}".getBytes(StandardCharsets.UTF_8));
                online.setQos(1);
                device.publish(prefix + "status", online);
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        t.get("/v1/devices/" + id, center.token()).json().get("online").asBoolean());

                assertThat(t.post("/v1/devices/" + id + "/revoke", Map.of(), center.token()).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(() -> !device.isConnected());
                assertThatThrownBy(() -> device.connect(o)).isInstanceOf(MqttSecurityException.class);
            } finally {
                device.close(true);
            }
        }
    }

    @Test
    void aTakenMqttPortStopsTheStartNamingTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> TestHost.start(Map.of(MqttSettings.URL, "",
                    MqttSettings.PORT, Integer.toString(taken.getLocalPort()))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(MqttSettings.PORT)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void aHostOnTheSharedTestBrokerLinksToItAndItsRegistryChecksDevices() throws Exception {
        try (TestHost t = TestHost.startWithBroker(Map.of())) {
            MqttService mqtt = t.host().component().mqttService();
            assertThat(mqtt.broker()).isEmpty();
            await().atMost(Duration.ofSeconds(15)).until(mqtt::connected);
            assertThat(t.get("/health/ready").status()).isEqualTo(200);
            UUID stranger = UUID.randomUUID();
            refused(t.broker().url(), stranger.toString(), "not-a-secret");
        }
    }
}
