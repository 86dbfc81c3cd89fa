package com.qleven.examples.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.adapters.mqtt.MqttLinkSettings;
import com.qleven.adapters.mqtt.MqttMetrics;
import com.qleven.adapters.mqtt.PahoDeviceLink;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.CommandMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a real broker, watched and commanded by a platform client: what it announces,
 * how it answers, deduplicates and waits for its operator, and what the broker keeps from other devices.
 * Each subclass starts one broker for its class, knowing {@link #TENANT}'s devices {@link #IDS} with the
 * secrets {@code secret-<index>}.
 */
abstract class DeviceSimulatorContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final List<DeviceId> IDS = java.util.stream.Stream.generate(() -> new DeviceId(UUID.randomUUID()))
            .limit(16).toList();
    private int next;

    private MqttClient platform;
    private final List<Received> seen = new CopyOnWriteArrayList<>();
    private final List<DeviceSimulator> started = new CopyOnWriteArrayList<>();

    record Received(String topic, String body, boolean retained) {
    }

    /** The broker's port on 127.0.0.1. */
    abstract int port();

    /** A client allowed to read and write everything under {@code qleven/}: username, password. */
    abstract String[] platform();

    static String secret(int i) {
        return "secret-" + i;
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(DeviceSimulator::close);
        if (platform != null) {
            platform.disconnectForcibly(0, 500, false);
            platform.close(true);
        }
    }

    private int device() {
        return next++;
    }

    private DeviceSimulator.Config config(int i) {
        return DeviceSimulator.Config.of("127.0.0.1", port(), TENANT, IDS.get(i), secret(i))
                .withKeepAlive(2).withTelemetryEvery(Duration.ZERO);
    }

    private DeviceSimulator start(DeviceSimulator.Config config) throws Exception {
        DeviceSimulator simulator = new DeviceSimulator(config);
        started.add(simulator);
        simulator.start();
        return simulator;
    }

    private void watch(int i) throws Exception {
        platform = new MqttClient("tcp://127.0.0.1:" + port(), "platform-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(platform()[0]);
        options.setPassword(platform()[1].toCharArray());
        platform.connect(options);
        platform.subscribe(DeviceTopics.prefix(TENANT, IDS.get(i)) + "#", 1,
                (topic, m) -> seen.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8),
                        m.isRetained())));
    }

    private DeviceCommandId send(int i, String type, String parameters, Instant expiresAt) throws Exception {
        DeviceCommandId id = new DeviceCommandId(UUID.randomUUID());
        send(i, id, type, parameters, expiresAt);
        return id;
    }

    private void send(int i, DeviceCommandId id, String type, String parameters, Instant expiresAt)
            throws Exception {
        String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\""
                + (parameters == null ? "" : ",\"parameters\":" + parameters)
                + ",\"expiresAt\":\"" + expiresAt + "\"}";
        platform.publish(DeviceTopics.command(TENANT, IDS.get(i), id), body.getBytes(StandardCharsets.UTF_8), 1,
                false);
    }

    private List<String> acks(int i, DeviceCommandId id) {
        String topic = DeviceTopics.ack(TENANT, IDS.get(i), id);
        return seen.stream().filter(r -> r.topic().equals(topic)).map(r -> status(r.body())).toList();
    }

    private static String status(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("status").asText() + (n.has("detail") ? ":" + n.path("detail").asText() : "");
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    private static Instant later() {
        return Instant.now().plusSeconds(300);
    }

    @Test
    void announcesItselfOnlineRetainedAndItsWillSaysOfflineWhenItCrashes() throws Exception {
        int i = device();
        DeviceSimulator device = start(config(i));
        watch(i);
        String status = DeviceTopics.status(TENANT, IDS.get(i));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(r -> r.topic().equals(status)));
        Received first = seen.stream().filter(r -> r.topic().equals(status)).findFirst().orElseThrow();
        assertThat(first.retained()).isTrue();
        assertThat(JSON.readTree(first.body()).path("online").asBoolean()).isTrue();
        assertThat(JSON.readTree(first.body()).path("firmware").asText()).isEqualTo("2.1.0");

        device.crash();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream()
                .anyMatch(r -> r.topic().equals(status) && r.body().equals("{\"online\":false}")));
        // A subscriber arriving later reads the will, retained.
        seen.clear();
        platform.unsubscribe(DeviceTopics.prefix(TENANT, IDS.get(i)) + "#");
        platform.subscribe(status, 1, (t, m) -> seen.add(new Received(t, new String(m.getPayload(),
                StandardCharsets.UTF_8), m.isRetained())));
        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen.get(0).retained()).isTrue();
        assertThat(seen.get(0).body()).isEqualTo("{\"online\":false}");
    }

    @Test
    void armIsAcceptedAndDeliversEnergyOnlyAfterTheOperatorConfirms() throws Exception {
        int i = device();
        DeviceSimulator device = start(config(i));
        watch(i);
        DeviceCommandId arm = send(i, "arm", "{\"fluence\":12.5,\"pulses\":40}", later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, arm).contains("accepted"));
        Thread.sleep(200);
        assertThat(acks(i, arm)).containsExactly("accepted");
        assertThat(device.counters()).isEqualTo(new DeviceSimulator.Counters(0, 0, 0));
        assertThat(device.armed()).isTrue();
        assertThat(device.parameters()).containsEntry("fluence", 12.5);

        assertThat(device.confirmByOperator()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, arm).size() == 2);
        assertThat(acks(i, arm)).containsExactly("accepted", "done");
        assertThat(device.counters().shots()).isEqualTo(1);
        assertThat(device.counters().pulses()).isEqualTo(40);
        assertThat(device.confirmByOperator()).as("nothing armed any more").isFalse();

        device.publishTelemetry();
        String telemetry = DeviceTopics.telemetry(TENANT, IDS.get(i));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(r -> r.topic().equals(telemetry)));
        JsonNode body = JSON.readTree(seen.stream().filter(r -> r.topic().equals(telemetry)).findFirst()
                .orElseThrow().body());
        assertThat(body.path("counters").path("shots").asLong()).isEqualTo(1);
        assertThat(body.path("counters").path("pulses").asLong()).isEqualTo(40);
        assertThat(body.path("temperatures").path("handpiece").isNumber()).isTrue();
    }

    @Test
    void aRepeatedCommandIsAnsweredAgainTheSameAndNeverExecutedTwice() throws Exception {
        int i = device();
        DeviceSimulator device = start(config(i).withAutoConfirm(true));
        watch(i);
        DeviceCommandId arm = new DeviceCommandId(UUID.randomUUID());
        send(i, arm, "arm", "{\"pulses\":5}", later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, arm).size() == 2);
        send(i, arm, "arm", "{\"pulses\":5}", later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, arm).size() == 4);
        assertThat(acks(i, arm)).containsExactly("accepted", "done", "accepted", "done");
        assertThat(device.received()).containsEntry(arm, 2);
        assertThat(device.executed()).containsExactly(CommandType.ARM);
        assertThat(device.counters().pulses()).isEqualTo(5);
        assertThat(device.answers(arm)).extracting(DeviceSimulator.Ack::status)
                .containsExactly(AckStatus.ACCEPTED, AckStatus.DONE);
    }

    @Test
    void rejectsExpiredCommandsParametersOutOfLimitsAndALockItDoesNotHave() throws Exception {
        int i = device();
        DeviceSimulator device = start(config(i).withLock(false));
        watch(i);
        DeviceCommandId expired = send(i, "disarm", null, Instant.now().minusSeconds(1));
        DeviceCommandId tooStrong = send(i, "arm", "{\"fluence\":61}", later());
        DeviceCommandId notNumber = send(i, "set_parameters", "{\"fluence\":\"high\"}", later());
        DeviceCommandId lock = send(i, "lock", null, later());
        DeviceCommandId stop = send(i, "stop", null, later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, stop).size() == 2);
        assertThat(acks(i, expired)).containsExactly("rejected:expired");
        assertThat(acks(i, tooStrong)).containsExactly("rejected:fluence outside 1.0..60.0");
        assertThat(acks(i, notNumber)).containsExactly("rejected:fluence must be a number");
        assertThat(acks(i, lock)).containsExactly("rejected:this machine has no lock");
        assertThat(acks(i, stop)).containsExactly("accepted", "done");
        assertThat(device.executed()).containsExactly(CommandType.STOP);
        assertThat(device.armed()).isFalse();
    }

    @Test
    void aLockedMachineRefusesToArmUntilUnlocked() throws Exception {
        int i = device();
        DeviceSimulator device = start(config(i));
        watch(i);
        DeviceCommandId lock = send(i, "lock", null, later());
        DeviceCommandId arm = send(i, "arm", "{\"fluence\":10}", later());
        DeviceCommandId unlock = send(i, "unlock", null, later());
        DeviceCommandId again = send(i, "arm", "{\"fluence\":10}", later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, again).size() == 1);
        assertThat(acks(i, lock)).containsExactly("accepted", "done");
        assertThat(acks(i, arm)).containsExactly("rejected:locked");
        assertThat(acks(i, unlock)).containsExactly("accepted", "done");
        assertThat(acks(i, again)).containsExactly("accepted");
        assertThat(device.locked()).isFalse();
    }

    @Test
    void commandsSentWhileItWasAwayArriveWhenItComesBack() throws Exception {
        int i = device();
        start(config(i)).crash();
        watch(i);
        DeviceCommandId stop = send(i, "stop", null, later());
        Thread.sleep(300);
        assertThat(acks(i, stop)).isEmpty();
        DeviceSimulator back = start(config(i));
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, stop).size() == 2);
        assertThat(back.received()).containsEntry(stop, 1);
    }

    @Test
    void theBrokerRefusesAWrongSecretAndAnotherDevicesTopics() throws Exception {
        int i = device();
        DeviceSimulator.Config wrong = DeviceSimulator.Config.of("127.0.0.1", port(), TENANT, IDS.get(i),
                "not-its-secret");
        assertThatThrownBy(() -> start(wrong)).isInstanceOf(MqttSecurityException.class)
                .satisfies(e -> assertThat(((MqttSecurityException) e).getReasonCode()).isIn(4, 5));

        // Another device of the center, connected as itself, may not read device i's commands nor answer them.
        int other = device();
        DeviceSimulator victim = start(config(i));
        MqttClient spy = new MqttClient("tcp://127.0.0.1:" + port(), IDS.get(other).value().toString(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(IDS.get(other).value().toString());
        options.setPassword((secret(other)).toCharArray());
        spy.connect(options);
        List<String> stolen = new CopyOnWriteArrayList<>();
        try {
            spy.subscribe(DeviceTopics.prefix(TENANT, IDS.get(i)) + "#", 1, (t, m) -> stolen.add(t));
        } catch (MqttException refused) {
            // SUBACK 0x80 (HiveMQ): refused outright; Mosquitto's ACL file grants and then drops.
            assertThat(refused.getReasonCode()).isEqualTo(128);
        }
        watch(i);
        // A forged ack from the other device never reaches the platform (HiveMQ also drops the spy).
        DeviceCommandId forged = new DeviceCommandId(UUID.randomUUID());
        if (spy.isConnected()) {
            spy.publish(DeviceTopics.ack(TENANT, IDS.get(i), forged), "{\"status\":\"done\"}".getBytes(
                    StandardCharsets.UTF_8), 0, false);
        }
        DeviceCommandId stop = send(i, "stop", null, later());
        await().atMost(Duration.ofSeconds(5)).until(() -> acks(i, stop).size() == 2);
        Thread.sleep(200);
        assertThat(stolen).isEmpty();
        assertThat(acks(i, forged)).isEmpty();
        assertThat(victim.received()).containsOnlyKeys(stop);
        spy.disconnectForcibly(0, 500, false);
        spy.close(true);
    }

    @Test
    void speaksThePlatformsOwnLinkWireFormat() throws Exception {
        int i = device();
        List<String> heard = new CopyOnWriteArrayList<>();
        DeviceInbound inbound = new DeviceInbound() {
            @Override
            public void status(TenantId tenant, DeviceId device, DeviceStatusReport report) {
                heard.add("status " + device.value() + " " + report.online() + " " + report.firmware().orElse(""));
            }

            @Override
            public void telemetry(TenantId tenant, DeviceId device, TelemetryReport report) {
                heard.add("telemetry " + device.value() + " shots=" + report.counters().get("shots")
                        + " pulses=" + report.counters().get("pulses"));
            }

            @Override
            public void ack(TenantId tenant, DeviceId device, DeviceCommandId command, CommandAck ack) {
                heard.add("ack " + command + " " + ack.status().wireName() + ack.detail().map(d -> ":" + d).orElse(""));
            }
        };
        MqttMetrics metrics = new MqttMetrics();
        PahoDeviceLink link = new PahoDeviceLink(new MqttLinkSettings("tcp://127.0.0.1:" + port(),
                "qleven-host-" + UUID.randomUUID().toString().substring(0, 8), platform()[0], platform()[1], false,
                Duration.ofSeconds(5), MqttLinkSettings.DEFAULT_MAX_PAYLOAD), metrics, java.time.Clock.systemUTC());
        try {
            link.start(inbound);
            await().atMost(Duration.ofSeconds(10)).until(link::connected);
            DeviceSimulator device = start(config(i));
            String id = IDS.get(i).value().toString();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("status " + id + " true 2.1.0"));

            DeviceCommandId arm = new DeviceCommandId(UUID.randomUUID());
            assertThat(link.publish(TENANT, IDS.get(i), new CommandMessage(arm, CommandType.ARM,
                    Map.of("fluence", 12.5, "pulses", 30), Instant.now().plusSeconds(300)))).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("ack " + arm + " accepted"));
            assertThat(device.parameters()).containsEntry("fluence", 12.5);
            assertThat(device.confirmByOperator()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("ack " + arm + " done"));

            DeviceCommandId strong = new DeviceCommandId(UUID.randomUUID());
            link.publish(TENANT, IDS.get(i), new CommandMessage(strong, CommandType.SET_PARAMETERS,
                    Map.of("fluence", 99), Instant.now().plusSeconds(300)));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> heard.contains("ack " + strong + " rejected:fluence outside 1.0..60.0"));

            device.publishTelemetry();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("telemetry " + id + " shots=1.0 pulses=30.0"));
            device.crash();
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("status " + id + " false "));
            assertThat(metrics.droppedCount()).as("nothing the simulator sent was unreadable").isZero();
        } finally {
            link.close();
        }
    }
}
