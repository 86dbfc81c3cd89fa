package com.qleven.host.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.examples.devices.DeviceSimulator;
import com.qleven.host.DeviceDispatchJob;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Devices end to end on the JVM's one embedded broker: a machine registered over HTTP connects with the
 * credentials the answer carried (the {@link DeviceSimulator}), a command posted over HTTP reaches it
 * through the outbox and the broker, and its acks move the command to {@code done}; wrong credentials
 * are refused; another center's machine can neither read a device's commands nor answer them; a machine
 * whose connection drops without DISCONNECT reads offline.
 */
class DevicesEndToEndTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static int port;

    record Registered(String id, String username, String password, String prefix) {
    }

    @BeforeAll
    static void start() {
        host = TestHost.startWithBroker(Map.of(DeviceDispatchJob.EVERY, "200ms"));
        center = host.newCenter("Centro Láser");
        other = host.newCenter("Centro Vecino");
        port = URI.create(host.broker().url()).getPort();
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
        Reply registered = host.post("/v1/devices", Map.of("name", "Laser room 1", "equipmentId",
                equipment.json().get("id").asText(), "model", "LX-2"), c.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode j = registered.json();
        assertThat(j.get("mqttClientId").asText()).isEqualTo(j.get("id").asText());
        return new Registered(j.get("id").asText(), j.get("mqttUsername").asText(), j.get("mqttPassword").asText(),
                j.get("topicPrefix").asText());
    }

    private static DeviceSimulator.Config config(Center c, Registered d) {
        return DeviceSimulator.Config.of("127.0.0.1", port, new TenantId(UUID.fromString(c.tenantId())),
                DeviceId.parse("id", d.id()), d.password()).withKeepAlive(2).withTelemetryEvery(Duration.ZERO);
    }

    private static String command(Center c, Registered d, Map<String, Object> body) {
        Reply queued = host.post("/v1/devices/" + d.id() + "/commands", body, c.token());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        return queued.json().get("id").asText();
    }

    private static JsonNode read(Center c, Registered d, String command) {
        return host.get("/v1/devices/" + d.id() + "/commands/" + command, c.token()).json();
    }

    private static boolean online(Center c, Registered d) {
        return host.get("/v1/devices/" + d.id(), c.token()).json().path("online").asBoolean();
    }

    @Test
    void aRegisteredMachineReceivesItsCommandsAndItsAcksMoveThem() throws Exception {
        Registered d = register(center);
        assertThat(d.prefix()).isEqualTo("qleven/" + center.tenantId() + "/devices/" + d.id() + "/");
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
            assertThat(machine.counters().shots()).as("no energy without an arm the operator confirms").isZero();

            String tooStrong = command(center, d, Map.of("type", "set_parameters", "parameters",
                    Map.of("fluence", 99), "expiresInSeconds", 120));
            await().atMost(Duration.ofSeconds(10)).until(() -> "rejected".equals(read(center, d, tooStrong)
                    .path("status").asText()));
            assertThat(read(center, d, tooStrong).path("detail").asText()).contains("fluence");
        }
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        Registered d = register(center);
        DeviceSimulator.Config wrong = DeviceSimulator.Config.of("127.0.0.1", port,
                new TenantId(UUID.fromString(center.tenantId())), DeviceId.parse("id", d.id()), "not-its-secret");
        try (DeviceSimulator impostor = new DeviceSimulator(wrong)) {
            assertThatThrownBy(impostor::start).isInstanceOf(MqttSecurityException.class);
        }
        Registered elsewhere = register(other);
        // The right secret of another center's device, claiming this device's username.
        DeviceSimulator.Config borrowed = DeviceSimulator.Config.of("127.0.0.1", port,
                new TenantId(UUID.fromString(center.tenantId())), DeviceId.parse("id", d.id()), elsewhere.password());
        try (DeviceSimulator impostor = new DeviceSimulator(borrowed)) {
            assertThatThrownBy(impostor::start).isInstanceOf(MqttSecurityException.class);
        }
    }

    @Test
    void anotherCentersMachineNeitherReadsNorAnswersADevicesCommands() throws Exception {
        Registered d = register(center);
        Registered intruder = register(other);
        DeviceSimulator machine = new DeviceSimulator(config(center, d));
        machine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> online(center, d));
        machine.crash();
        await().atMost(Duration.ofSeconds(10)).until(() -> !online(center, d));
        // Queued while the machine is away: sent into its session, unanswered.
        String lock = command(center, d, Map.of("type", "lock", "expiresInSeconds", 300));

        MqttClient spy = new MqttClient("tcp://127.0.0.1:" + port, intruder.username(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(intruder.username());
        options.setPassword(intruder.password().toCharArray());
        spy.connect(options);
        try {
            String theirs = "qleven/" + center.tenantId() + "/devices/" + d.id() + "/";
            java.util.List<String> stolen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                spy.subscribe(theirs + "commands/+", 1, (t, m) -> stolen.add(t));
            } catch (org.eclipse.paho.client.mqttv3.MqttException refused) {
                assertThat(refused.getReasonCode()).as("SUBACK 0x80").isEqualTo(128);
            }
            try {
                spy.publish(DeviceTopics.ack(new TenantId(UUID.fromString(center.tenantId())),
                        DeviceId.parse("id", d.id()), DeviceCommandId.parse("id", lock)),
                        "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (org.eclipse.paho.client.mqttv3.MqttException dropped) {
                // The broker closes the connection of a client publishing outside its prefix.
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !spy.isConnected());
            Thread.sleep(500);
            assertThat(read(center, d, lock).path("status").asText()).isIn("queued", "sent");
            assertThat(stolen).isEmpty();
        } finally {
            if (spy.isConnected()) {
                spy.disconnectForcibly(0, 500, false);
            }
            spy.close(true);
        }

        // The machine comes back: the command waiting in its session arrives and is answered.
        try (DeviceSimulator back = new DeviceSimulator(config(center, d))) {
            back.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> "done".equals(read(center, d, lock).path("status")
                    .asText()));
        }
    }

    @Test
    void aMachineWhoseConnectionDropsReadsOfflineWithinOneAndAHalfKeepalives() throws Exception {
        Registered d = register(center);
        DeviceSimulator machine = new DeviceSimulator(config(center, d));
        machine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> online(center, d));
        long dropped = System.nanoTime();
        machine.crash();
        // Keepalive 2 s: the broker must notice within 3 s; the socket's close makes it at once.
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> !online(center, d));
        assertThat((System.nanoTime() - dropped) / 1_000_000).isLessThan(3_000);
    }
}
