package com.qleven.host.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.adapters.mqtt.EmbeddedBrokerFixture;
import com.qleven.adapters.mqtt.MosquittoFixture;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.examples.devices.DeviceSimulator;
import com.qleven.host.DeviceDispatchJob;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.HostConfig;
import com.qleven.host.config.MqttSettings;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes killed with SIGKILL lose no device command and apply none twice: (a) the host, with its
 * embedded broker inside it and its data dir on disk, killed while a command is queued and its machine
 * connected, started again on the same data; (b) a private Mosquitto (persistence on, a folder of its
 * own) killed while a command waits for its machine and started again: the command stays in the outbox
 * until acknowledged, so it reaches the machine once the broker is back. (b) is skipped without
 * Mosquitto.
 */
class DeviceFaultsTest {
    @TempDir
    Path dir;

    record Registered(String id, String password) {
    }

    private static Registered register(TestHost host, Center c) {
        Reply equipment = host.post("/v1/equipment", Map.of("name", "Láser", "kind", "laser"), c.token());
        assertThat(equipment.status()).as(equipment.body()).isEqualTo(201);
        Reply registered = host.post("/v1/devices", Map.of("name", "Laser room", "equipmentId",
                equipment.json().get("id").asText(), "model", "LX-2"), c.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Registered(registered.json().get("id").asText(), registered.json().get("mqttPassword").asText());
    }

    private static DeviceSimulator.Config config(Center c, Registered d, int port) {
        return DeviceSimulator.Config.of("127.0.0.1", port, new TenantId(UUID.fromString(c.tenantId())),
                DeviceId.parse("id", d.id()), d.password()).withKeepAlive(2).withTelemetryEvery(Duration.ZERO);
    }

    private static String command(TestHost host, Center c, Registered d, String type) {
        Reply queued = host.post("/v1/devices/" + d.id() + "/commands", Map.of("type", type, "expiresInSeconds", 300),
                c.token());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        return queued.json().get("id").asText();
    }

    private static String status(TestHost host, Center c, Registered d, String command) {
        JsonNode read = host.get("/v1/devices/" + d.id() + "/commands/" + command, c.token()).json();
        return read.path("status").asText();
    }

    private static void listening(int port, Process process, Path log, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port + ": " + Files.readString(log));
    }

    /** Until the host process's MQTT link has subscribed (its log says so {@code times} times). */
    private static void subscribed(Path log, int times) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log)
                .split("MQTT link subscribed", -1).length - 1 >= times);
    }

    private static String tail(Path log) throws IOException {
        String all = Files.readString(log);
        return all.substring(Math.max(0, all.length() - 6000));
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** The host in a JVM of its own on the test classpath, its embedded broker on {@code mqttPort}. */
    private Process host(TestHost beside, Path data, int mqttPort, Path log) throws IOException {
        return host(beside, data, Map.of(MqttSettings.URL, "", MqttSettings.PORT, Integer.toString(mqttPort),
                MqttSettings.SHARED, "false"), log);
    }

    private Process host(TestHost beside, Path data, Map<String, String> extra, Path log) throws IOException {
        Map<String, String> env = new HashMap<>(beside.environment);
        env.put(HostConfig.DATA_DIR, data.toString());
        env.put(HostConfig.MASTER_KEY_FILE, beside.host().component().config().masterKeyPath().toString());
        env.put(DeviceDispatchJob.EVERY, "200ms");
        env.putAll(extra);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.qleven.host.Main", "serve").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void aHostKilledWithACommandQueuedDeliversItOnceAfterItsRestart() throws Exception {
        try (TestHost api = TestHost.start()) {
            Center center = api.newCenter("Centro Caída");
            Registered d = register(api, center);
            Path data = dir.resolve("host-data");
            Path log = dir.resolve("host.log");
            int mqtt = EmbeddedBrokerFixture.freePort();
            Process first = host(api, data, mqtt, log);
            DeviceSimulator machine = null;
            try {
                listening(mqtt, first, log, Duration.ofSeconds(60));
                subscribed(log, 1);
                machine = new DeviceSimulator(config(center, d, mqtt));
                machine.start();
                DeviceSimulator m = machine;
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/devices/" + d.id(), center.token())
                        .json().path("online").asBoolean());
                String stop = command(api, center, d, "stop");
                await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(status(api, center, d, stop)));

                kill(first);
                // Queued while the host is down: the outbox holds it.
                String lock = command(api, center, d, "lock");
                assertThat(status(api, center, d, lock)).isEqualTo("queued");

                Process second = host(api, data, mqtt, log);
                try {
                    listening(mqtt, second, log, Duration.ofSeconds(60));
                    subscribed(log, 2);
                    // Within a dispatch claim's lease (30 s) should the killed host have died holding one.
                    try {
                        await().atMost(Duration.ofSeconds(40)).until(() -> "done".equals(status(api, center, d, lock)));
                    } catch (org.awaitility.core.ConditionTimeoutException e) {
                        throw new AssertionError("command " + status(api, center, d, lock) + "; device "
                                + api.get("/v1/devices/" + d.id(), center.token()).body() + "; simulator received "
                                + m.received() + "; host log:\n" + tail(log), e);
                    }
                    assertThat(status(api, center, d, stop)).isEqualTo("done");
                    assertThat(m.executed()).as(Files.readString(log)).containsExactly(CommandType.STOP,
                            CommandType.LOCK);
                    assertThat(m.received().get(DeviceCommandId.parse("id", lock))).isGreaterThanOrEqualTo(1);
                } finally {
                    kill(second);
                }
            } finally {
                if (machine != null) {
                    machine.crash();
                }
                if (first.isAlive()) {
                    kill(first);
                }
            }
        }
    }

    /** A Mosquitto of this test's own, with dynsec and persistence in its folder, restartable on one port. */
    private static final class KillableMosquitto {
        final Path folder;
        final int port = EmbeddedBrokerFixture.freePort();
        final String adminPassword = UUID.randomUUID().toString();
        final Path conf;
        Process process;

        KillableMosquitto(Path folder) throws Exception {
            this.folder = folder;
            Files.createDirectories(folder);
            Path dynsec = folder.resolve("dynamic-security.json");
            Process init = new ProcessBuilder(MosquittoFixture.CTRL.toString(), "dynsec", "init", dynsec.toString(),
                    MosquittoFixture.ADMIN, adminPassword).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("init.log").toFile()).start();
            assertThat(init.waitFor()).as(() -> read(folder.resolve("init.log"))).isZero();
            conf = folder.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "per_listener_settings false",
                    "allow_anonymous false",
                    "listener " + port + " 127.0.0.1",
                    "plugin " + MosquittoFixture.PLUGIN,
                    "plugin_opt_config_file " + dynsec,
                    "persistence true",
                    "persistence_location " + folder + File.separator,
                    "autosave_interval 1",
                    "user " + System.getProperty("user.name"),
                    "log_dest stderr",
                    ""));
            start();
        }

        static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                return e.toString();
            }
        }

        void start() throws Exception {
            process = new ProcessBuilder(MosquittoFixture.BROKER.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("mosquitto.log").toFile())).start();
            listening(port, process, folder.resolve("mosquitto.log"), Duration.ofSeconds(10));
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }
    }

    @Test
    void aMosquittoKilledWhileACommandWaitsLosesNothing() throws Exception {
        assumeTrue(Files.isExecutable(MosquittoFixture.BROKER) && Files.isReadable(MosquittoFixture.PLUGIN)
                && Files.isExecutable(MosquittoFixture.CTRL), "Mosquitto with its dynamic-security plugin and "
                + "mosquitto_ctrl is not installed: the Mosquitto fault test skipped");
        KillableMosquitto mosquitto = new KillableMosquitto(dir.resolve("mosquitto"));
        try (TestHost host = TestHost.start(Map.of(MqttSettings.URL, mosquitto.url(), MqttSettings.USER,
                MosquittoFixture.ADMIN, MqttSettings.PASSWORD, mosquitto.adminPassword, MqttSettings.PROVISIONING,
                "mosquitto-dynsec"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> host.host().component().mqttService().connected());
            Center center = host.newCenter("Centro Broker Caído");
            Registered d = register(host, center);
            DeviceSimulator machine = new DeviceSimulator(config(center, d, mosquitto.port));
            boolean crashed = false;
            try {
                machine.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> host.get("/v1/devices/" + d.id(), center.token())
                        .json().path("online").asBoolean());
                // The machine away: the command is sent into its session at the broker, unanswered.
                machine.crash();
                crashed = true;
                await().atMost(Duration.ofSeconds(10)).until(() -> !host.get("/v1/devices/" + d.id(),
                        center.token()).json().path("online").asBoolean());
                String lock = command(host, center, d, "lock");
                host.host().component().deviceDispatchJob().runOnce();
                assertThat(status(host, center, d, lock)).isIn("queued", "sent");

                kill(mosquitto.process);
                assertThat(status(host, center, d, lock)).as("kept in the outbox until acknowledged")
                        .isIn("queued", "sent");
                mosquitto.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> host.host().component().mqttService().connected());

                DeviceSimulator back = new DeviceSimulator(config(center, d, mosquitto.port));
                try {
                    back.start();
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                        host.host().component().deviceDispatchJob().runOnce();
                        return "done".equals(status(host, center, d, lock));
                    });
                    assertThat(back.executed()).as("applied once").containsExactly(CommandType.LOCK);
                } finally {
                    back.close();
                }
            } finally {
                if (!crashed) {
                    machine.crash();
                }
            }
        } finally {
            if (mosquitto.process != null && mosquitto.process.isAlive()) {
                kill(mosquitto.process);
            }
        }
    }

    /**
     * A host process on a private Mosquitto: the machine holds a command it received; the host is killed;
     * the machine acknowledges it while no host runs; the host started again on the same data dir (so the
     * same client id and the same persistent session at the broker) records the ack.
     */
    @Test
    void anAckPublishedWhileTheHostIsDownIsRecordedAfterItsRestart() throws Exception {
        assumeTrue(Files.isExecutable(MosquittoFixture.BROKER) && Files.isReadable(MosquittoFixture.PLUGIN)
                && Files.isExecutable(MosquittoFixture.CTRL), "Mosquitto with its dynamic-security plugin and "
                + "mosquitto_ctrl is not installed: the Mosquitto fault test skipped");
        KillableMosquitto mosquitto = new KillableMosquitto(dir.resolve("mosquitto-acks"));
        try (TestHost api = TestHost.start()) {
            Center center = api.newCenter("Centro Host Caído");
            Reply equipment = api.post("/v1/equipment", Map.of("name", "Láser", "kind", "laser"), center.token());
            Path data = dir.resolve("host-data");
            Path log = dir.resolve("host.log");
            int http = EmbeddedBrokerFixture.freePort();
            Map<String, String> env = Map.of(MqttSettings.URL, mosquitto.url(), MqttSettings.USER,
                    MosquittoFixture.ADMIN, MqttSettings.PASSWORD, mosquitto.adminPassword, MqttSettings.PROVISIONING,
                    "mosquitto-dynsec", MqttSettings.SHARED, "false", HostConfig.HTTP_PORT, Integer.toString(http));
            Process first = host(api, data, env, log);
            Process second = null;
            MqttClient device = null;
            try {
                listening(http, first, log, Duration.ofSeconds(60));
                subscribed(log, 1);
                // Registered through the host process, which provisions the machine's account at the broker.
                HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http + "/v1/devices")).header("Content-Type",
                        "application/json").header("Authorization", "Bearer " + center.token())
                        .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("name", "Laser room",
                                "equipmentId", equipment.json().get("id").asText(), "model", "LX-2")))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
                JsonNode j = TestHost.JSON.readTree(registered.body());
                Registered d = new Registered(j.get("id").asText(), j.get("mqttPassword").asText());
                String prefix = j.get("topicPrefix").asText();

                // A machine that keeps the commands it receives and answers when the test says.
                device = new MqttClient(mosquitto.url(), d.id(), new MemoryPersistence());
                MqttConnectOptions o = new MqttConnectOptions();
                o.setUserName(d.id());
                o.setPassword(d.password().toCharArray());
                o.setCleanSession(false);
                device.setTimeToWait(5000);
                List<String> commands = new CopyOnWriteArrayList<>();
                device.connect(o);
                device.subscribe(prefix + "commands/+", 1, (t, m) -> commands.add(t.substring(t.lastIndexOf('/') + 1)));
                MqttMessage online = new MqttMessage("{\"online\":true}".getBytes(StandardCharsets.UTF_8));
                online.setQos(1);
                online.setRetained(true);
                device.publish(prefix + "status", online);
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/devices/" + d.id(), center.token())
                        .json().path("online").asBoolean());

                String lock = command(api, center, d, "lock");
                await().atMost(Duration.ofSeconds(15)).until(() -> commands.contains(lock));
                // The device may hold the command before the dispatcher, back from its PUBACK, records it sent.
                await().atMost(Duration.ofSeconds(15)).until(() -> "sent".equals(status(api, center, d, lock)));

                kill(first);
                MqttMessage done = new MqttMessage("{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8));
                done.setQos(1);
                device.publish(prefix + "acks/" + lock, done);
                Thread.sleep(500);
                assertThat(status(api, center, d, lock)).as("no host runs").isEqualTo("sent");

                second = host(api, data, env, log);
                listening(http, second, log, Duration.ofSeconds(60));
                subscribed(log, 2);
                await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(status(api, center, d, lock)));
            } finally {
                if (device != null) {
                    device.disconnectForcibly(0, 500, false);
                    device.close(true);
                }
                if (first.isAlive()) {
                    kill(first);
                }
                if (second != null && second.isAlive()) {
                    kill(second);
                }
            }
        } finally {
            if (mosquitto.process != null && mosquitto.process.isAlive()) {
                kill(mosquitto.process);
            }
        }
    }
}
