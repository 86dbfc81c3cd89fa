package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.qleven.adapters.mqtt.EmbeddedBrokerFixture;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.MqttSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
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
