package com.qleven.host.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.adapters.mqtt.MosquittoFixture;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.examples.devices.DeviceSimulator;
import com.qleven.host.DeviceDispatchJob;
import com.qleven.host.config.MqttSettings;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command round trip of {@link DevicesEndToEndTest} on a private Mosquitto the tests start, with the
 * host provisioning each registered machine through the dynamic-security plugin: a command posted over
 * HTTP reaches the simulator, its acks move it to {@code done}; another machine's account can neither
 * read a device's commands nor acknowledge them. Skipped when Mosquitto is not installed. The dispatch
 * job is idle (one hour): the test calls the dispatcher itself.
 */
class DevicesOnMosquittoEndToEndTest {
    private static MosquittoFixture mosquitto;
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static int port;

    record Registered(String id, String password) {
    }

    @BeforeAll
    static void start() {
        mosquitto = MosquittoFixture.shared();
        host = TestHost.start(Map.of(MqttSettings.URL, mosquitto.url(), MqttSettings.USER, MosquittoFixture.ADMIN,
                MqttSettings.PASSWORD, mosquitto.adminPassword(), MqttSettings.PROVISIONING, "mosquitto-dynsec",
                DeviceDispatchJob.EVERY, "1h"));
        await().atMost(Duration.ofSeconds(15)).until(() -> host.host().component().mqttService().connected());
        center = host.newCenter("Centro Mosquitto E2E");
        other = host.newCenter("Centro Mosquitto Vecino");
        port = URI.create(mosquitto.url()).getPort();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static Registered register(Center c) {
        Reply equipment = host.post("/v1/equipment", Map.of("name", "Láser", "kind", "laser"), c.token());
        assertThat(equipment.status()).as(equipment.body()).isEqualTo(201);
        Reply registered = host.post("/v1/devices", Map.of("name", "Laser room", "equipmentId",
                equipment.json().get("id").asText(), "model", "LX-2"), c.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Registered(registered.json().get("id").asText(), registered.json().get("mqttPassword").asText());
    }

    private static DeviceSimulator.Config config(Center c, Registered d) {
        return DeviceSimulator.Config.of("127.0.0.1", port, new TenantId(UUID.fromString(c.tenantId())),
                DeviceId.parse("id", d.id()), d.password()).withKeepAlive(2).withTelemetryEvery(Duration.ZERO);
    }

    private static String command(Center c, Registered d, Map<String, Object> body) {
        Reply queued = host.post("/v1/devices/" + d.id() + "/commands", body, c.token());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        host.host().component().deviceDispatchJob().runOnce();
        return queued.json().get("id").asText();
    }

    private static JsonNode read(Center c, Registered d, String command) {
        return host.get("/v1/devices/" + d.id() + "/commands/" + command, c.token()).json();
    }

    private static boolean online(Center c, Registered d) {
        return host.get("/v1/devices/" + d.id(), c.token()).json().path("online").asBoolean();
    }

    @Test
    void aProvisionedMachineReceivesItsCommandsAndItsAcksMoveThem() throws Exception {
        Registered d = register(center);
        try (DeviceSimulator machine = new DeviceSimulator(config(center, d))) {
            machine.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> online(center, d));

            String stop = command(center, d, Map.of("type", "stop", "expiresInSeconds", 120));
            await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(read(center, d, stop).path("status")
                    .asText()));
            assertThat(machine.received()).containsEntry(DeviceCommandId.parse("id", stop), 1);

            String set = command(center, d, Map.of("type", "set_parameters", "parameters",
                    Map.of("fluence", 12), "expiresInSeconds", 120));
            await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(read(center, d, set).path("status")
                    .asText()));
            assertThat(machine.parameters()).containsEntry("fluence", 12.0);

            String tooStrong = command(center, d, Map.of("type", "set_parameters", "parameters",
                    Map.of("fluence", 99), "expiresInSeconds", 120));
            await().atMost(Duration.ofSeconds(10)).until(() -> "rejected".equals(read(center, d, tooStrong)
                    .path("status").asText()));
            assertThat(read(center, d, tooStrong).path("detail").asText()).contains("fluence");
        }
    }

    @Test
    void anotherMachinesAccountNeitherReadsNorAnswersADevicesCommands() throws Exception {
        Registered d = register(center);
        Registered intruder = register(other);
        DeviceSimulator machine = new DeviceSimulator(config(center, d));
        machine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> online(center, d));

        MqttClient spy = new MqttClient(mosquitto.url(), intruder.id(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(intruder.id());
        options.setPassword(intruder.password().toCharArray());
        spy.setTimeToWait(5000);
        spy.connect(options);
        String theirs = "qleven/" + center.tenantId() + "/devices/" + d.id() + "/";
        List<String> stolen = new CopyOnWriteArrayList<>();
        try {
            try {
                int[] granted = spy.subscribeWithResponse(theirs + "commands/+", 1, (t, m) -> stolen.add(t))
                        .getGrantedQos();
                assertThat(granted).as("SUBACK refuses (0x80) or the ACL drops delivery").isNotNull();
            } catch (MqttException refused) {
                assertThat(refused.getReasonCode()).as("SUBACK 0x80").isEqualTo(128);
            }
            machine.crash();
            await().atMost(Duration.ofSeconds(10)).until(() -> !online(center, d));
            // Sent into the machine's session while it is away; the intruder answers it.
            String lock = command(center, d, Map.of("type", "lock", "expiresInSeconds", 300));
            await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(read(center, d, lock).path("status")
                    .asText()) || "queued".equals(read(center, d, lock).path("status").asText()));
            try {
                spy.publish(DeviceTopics.ack(new TenantId(UUID.fromString(center.tenantId())),
                        DeviceId.parse("id", d.id()), DeviceCommandId.parse("id", lock)),
                        "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException dropped) {
                // A broker may close the connection of a client publishing outside its prefix.
            }
            Thread.sleep(1000);
            assertThat(read(center, d, lock).path("status").asText()).isIn("queued", "sent");
            assertThat(stolen).as("no command of another device delivered").isEmpty();

            // The machine comes back: the command waiting in its session arrives and is answered.
            try (DeviceSimulator back = new DeviceSimulator(config(center, d))) {
                back.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> online(center, d));
                host.host().component().deviceDispatchJob().runOnce();
                await().atMost(Duration.ofSeconds(15)).until(() -> "done".equals(read(center, d, lock)
                        .path("status").asText()));
            }
            assertThat(stolen).isEmpty();
        } finally {
            if (spy.isConnected()) {
                spy.disconnectForcibly(0, 500, false);
            }
            spy.close(true);
        }
    }
}
