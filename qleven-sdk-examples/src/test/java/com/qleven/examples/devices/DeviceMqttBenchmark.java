package com.qleven.examples.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.mqtt.EmbeddedBroker;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceGrant;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The device benchmarks of issue 13 at the broker level, not part of {@code verify}: its name matches
 * none of the test patterns, so only {@code bench/issue13-devices.sh} runs it
 * ({@code -Dtest=DeviceMqttBenchmark}). For each broker (a private Mosquitto, then the embedded HiveMQ
 * CE), in one run:
 * <ul>
 *   <li>command round trip: a platform Paho client publishes {@code -Dcommands} (500) commands one after
 *       the other to one {@link DeviceSimulator} and times each until its {@code done} ack arrives; beside
 *       it the same loop with the simulator replaced by the Mosquitto command-line tools
 *       ({@code mosquitto_sub … | mosquitto_pub -l}, which echo each command back as its answer);</li>
 *   <li>telemetry ingestion: {@code -Ddevices} (1,000) simulators, one Paho connection each in this JVM,
 *       each publishing {@code -DperDevice} (20) QoS 1 telemetry messages (8 threads drive them), counted
 *       by one platform subscriber on {@code qleven/+/devices/+/telemetry}; beside it the same number of
 *       lines published by one {@code mosquitto_pub -l -q 1} and counted by {@code mosquitto_sub -C}.</li>
 * </ul>
 * Rows are printed as Markdown table lines.
 */
class DeviceMqttBenchmark {
    private static final int COMMANDS = Integer.getInteger("commands", 500);
    private static final int WARMUP = 50;
    private static final int DEVICES = Integer.getInteger("devices", 1_000);
    private static final int PER_DEVICE = Integer.getInteger("perDevice", 20);
    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final List<DeviceId> IDS = java.util.stream.Stream.generate(() -> new DeviceId(UUID.randomUUID()))
            .limit(DEVICES + 2L).toList();

    private static String secret(int i) {
        return "bench-secret-" + i;
    }

    @Test
    void onMosquitto() throws Exception {
        Assumptions.assumeTrue(PrivateMosquitto.available(), "mosquitto is not installed");
        Map<String, String> devices = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            devices.put(TENANT.value() + "/" + IDS.get(i).value(), secret(i));
        }
        try (PrivateMosquitto broker = PrivateMosquitto.start(devices)) {
            run("Mosquitto 2.0.11", broker.port(), PrivateMosquitto.PLATFORM, PrivateMosquitto.PLATFORM_SECRET);
        }
    }

    @Test
    void onEmbeddedHiveMq() throws Exception {
        Path folder = Files.createTempDirectory("qleven-hivemq-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            index.put(IDS.get(i).value().toString(), i);
        }
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", port, folder, (username, password) -> {
            Integer i = index.get(username);
            return i != null && Arrays.equals(secret(i).getBytes(StandardCharsets.UTF_8), password)
                    ? Optional.of(new DeviceGrant(TENANT, IDS.get(i))) : Optional.empty();
        });
        broker.start();
        try {
            run("HiveMQ CE embedded", port, broker.platformUsername(), broker.platformPassword());
        } finally {
            broker.close();
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String broker, int port, String user, String password) throws Exception {
        System.out.println("broker " + broker + ", load " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| broker | measure | figure |");
        System.out.println("|---|---|---|");
        MqttClient platform = platform(port, user, password);
        try {
            roundTripSimulator(broker, port, platform);
            roundTripCli(broker, port, platform);
            telemetrySimulators(broker, port, platform);
            telemetryCli(broker, port, user, password);
        } finally {
            platform.disconnect();
            platform.close();
        }
    }

    private static MqttClient platform(int port, String user, String password) throws Exception {
        MqttClient platform = new MqttClient("tcp://127.0.0.1:" + port, "platform-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setMaxInflight(1_000);
        if (!Boolean.getBoolean("nagle")) {
            options.setSocketFactory(new DeviceSimulator.NoDelaySockets());
        }
        platform.connect(options);
        return platform;
    }

    private void roundTripSimulator(String broker, int port, MqttClient platform) throws Exception {
        Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        DeviceId device = IDS.get(0);
        platform.subscribe(DeviceTopics.prefix(TENANT, device) + "acks/+", 1, (topic, m) -> {
            if (new String(m.getPayload(), StandardCharsets.UTF_8).contains("\"done\"")) {
                String id = topic.substring(topic.lastIndexOf('/') + 1);
                CompletableFuture<Long> f = waiting.get(id);
                if (f != null) {
                    f.complete(System.nanoTime());
                }
            }
        });
        try (DeviceSimulator simulator = new DeviceSimulator(DeviceSimulator.Config.of("127.0.0.1", port, TENANT,
                device, secret(0)).withTelemetryEvery(Duration.ZERO))) {
            simulator.start();
            long[] micros = new long[COMMANDS];
            for (int k = -WARMUP; k < COMMANDS; k++) {
                DeviceCommandId id = new DeviceCommandId(UUID.randomUUID());
                CompletableFuture<Long> done = new CompletableFuture<>();
                waiting.put(id.toString(), done);
                String body = "{\"id\":\"" + id + "\",\"type\":\"stop\",\"expiresAt\":\""
                        + Instant.now().plusSeconds(60) + "\"}";
                long start = System.nanoTime();
                platform.publish(DeviceTopics.command(TENANT, device, id), body.getBytes(StandardCharsets.UTF_8), 1,
                        false);
                long end = done.get(10, TimeUnit.SECONDS);
                if (k >= 0) {
                    micros[k] = (end - start) / 1_000;
                }
            }
            row(broker, "command round trip, DeviceSimulator (publish → done ack), " + COMMANDS + " sequential",
                    percentiles(micros));
        }
        platform.unsubscribe(DeviceTopics.prefix(TENANT, device) + "acks/+");
    }

    private void roundTripCli(String broker, int port, MqttClient platform) throws Exception {
        DeviceId reader = IDS.get(DEVICES);
        DeviceId writer = IDS.get(DEVICES + 1);
        DeviceCommandId fixed = new DeviceCommandId(UUID.randomUUID());
        String script = "mosquitto_sub -h 127.0.0.1 -p " + port + " -V mqttv311 -q 1 -i " + reader.value()
                + " -u " + reader.value() + " -P " + secret(DEVICES) + " -t '"
                + DeviceTopics.prefix(TENANT, reader) + "commands/+' | mosquitto_pub -h 127.0.0.1 -p " + port
                + " -V mqttv311 -q 1 -i " + writer.value() + " -u " + writer.value() + " -P " + secret(DEVICES + 1)
                + " -l -t '" + DeviceTopics.ack(TENANT, writer, fixed) + "'";
        Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        platform.subscribe(DeviceTopics.ack(TENANT, writer, fixed), 1, (topic, m) -> {
            String body = new String(m.getPayload(), StandardCharsets.UTF_8);
            int at = body.indexOf("\"id\":\"") + 6;
            CompletableFuture<Long> f = waiting.get(body.substring(at, at + 36));
            if (f != null) {
                f.complete(System.nanoTime());
            }
        });
        Process echo = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        try {
            Thread.sleep(1_000);
            long[] micros = new long[COMMANDS];
            for (int k = -WARMUP; k < COMMANDS; k++) {
                DeviceCommandId id = new DeviceCommandId(UUID.randomUUID());
                CompletableFuture<Long> done = new CompletableFuture<>();
                waiting.put(id.toString(), done);
                String body = "{\"id\":\"" + id + "\",\"type\":\"stop\"}";
                long start = System.nanoTime();
                platform.publish(DeviceTopics.command(TENANT, reader, id), body.getBytes(StandardCharsets.UTF_8), 1,
                        false);
                long end = done.get(10, TimeUnit.SECONDS);
                if (k >= 0) {
                    micros[k] = (end - start) / 1_000;
                }
            }
            row(broker, "command round trip, mosquitto_sub piped to mosquitto_pub -l as the device (raw), " + COMMANDS
                    + " sequential", percentiles(micros));
        } finally {
            echo.descendants().forEach(ProcessHandle::destroy);
            echo.destroy();
            echo.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void telemetrySimulators(String broker, int port, MqttClient platform) throws Exception {
        long expected = (long) DEVICES * PER_DEVICE;
        AtomicLong received = new AtomicLong();
        CountDownLatch all = new CountDownLatch(1);
        platform.subscribe(DeviceTopics.allTelemetry(), 1, (t, m) -> {
            if (received.incrementAndGet() == expected) {
                all.countDown();
            }
        });
        List<DeviceSimulator> simulators = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long connectStart = System.nanoTime();
            List<Future<DeviceSimulator>> starting = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                DeviceSimulator s = new DeviceSimulator(DeviceSimulator.Config.of("127.0.0.1", port, TENANT,
                        IDS.get(i), secret(i)).withKeepAlive(60).withTelemetryEvery(Duration.ZERO));
                simulators.add(s);
                starting.add(pool.submit(() -> {
                    s.start();
                    return s;
                }));
            }
            for (Future<DeviceSimulator> f : starting) {
                f.get(120, TimeUnit.SECONDS);
            }
            long connectMillis = (System.nanoTime() - connectStart) / 1_000_000;
            row(broker, DEVICES + " simulators connected (one Paho connection each, 8 threads)",
                    connectMillis + " ms, JVM threads " + Thread.activeCount());
            long start = System.nanoTime();
            List<Future<?>> sending = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                sending.add(pool.submit(() -> {
                    for (int round = 0; round < PER_DEVICE; round++) {
                        for (int i = first; i < simulators.size(); i += 8) {
                            simulators.get(i).publishTelemetry();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : sending) {
                f.get(300, TimeUnit.SECONDS);
            }
            boolean complete = all.await(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            row(broker, "telemetry, " + DEVICES + " simulators × " + PER_DEVICE + " QoS 1 → one Paho subscriber",
                    String.format(Locale.ROOT, "%d/%d received in %.2f s = %.0f msg/s", received.get(), expected,
                            seconds, received.get() / seconds));
            assertThat(complete).as("every telemetry message arrived").isTrue();
        } finally {
            platform.unsubscribe(DeviceTopics.allTelemetry());
            for (DeviceSimulator s : simulators) {
                pool.submit(s::close);
            }
            pool.shutdown();
            pool.awaitTermination(120, TimeUnit.SECONDS);
        }
    }

    private void telemetryCli(String broker, int port, String user, String password) throws Exception {
        long expected = (long) DEVICES * PER_DEVICE;
        DeviceId device = IDS.get(0);
        Path lines = Files.createTempFile("telemetry", ".txt");
        String one = "{\"counters\":{\"shots\":1,\"pulses\":10,\"lampHours\":0.01},\"temperatures\":"
                + "{\"handpiece\":30.5,\"lamp\":38.0}}\n";
        Files.writeString(lines, one.repeat((int) expected));
        Path out = Files.createTempFile("telemetry-received", ".txt");
        // -W: mosquitto_sub gives up after that many seconds, so a broker that drops messages shows how many.
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-V",
                "mqttv311", "-q", "1", "-i", "platform-cli-" + UUID.randomUUID(), "-u", user, "-P", password,
                "-C", String.valueOf(expected), "-W", "60", "-t", DeviceTopics.allTelemetry())
                .redirectOutput(out.toFile()).redirectErrorStream(false).start();
        try {
            Thread.sleep(1_000);
            long start = System.nanoTime();
            // stdin stays open after the lines: mosquitto_pub -l stops at end of input even with QoS 1
            // messages still unsent, which a broker slower to PUBACK than Mosquitto makes visible.
            Process pub = new ProcessBuilder("sh", "-c", "{ cat '" + lines + "'; sleep 70; } | mosquitto_pub"
                    + " -h 127.0.0.1 -p " + port + " -V mqttv311 -q 1 -i " + device.value() + " -u " + device.value()
                    + " -P " + secret(0) + " -l -t '" + DeviceTopics.telemetry(TENANT, device) + "'")
                    .redirectErrorStream(true).start();
            sub.waitFor(90, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            pub.descendants().forEach(ProcessHandle::destroy);
            pub.destroy();
            pub.waitFor(10, TimeUnit.SECONDS);
            long received;
            try (var counted = Files.lines(out)) {
                received = counted.count();
            }
            row(broker, "telemetry, one mosquitto_pub -l -q 1 × " + expected + " lines → mosquitto_sub -C (raw)",
                    received == expected
                            ? String.format(Locale.ROOT, "%d/%d received in %.2f s = %.0f msg/s", received, expected,
                                    seconds, expected / seconds)
                            : String.format(Locale.ROOT, "%d/%d received, then nothing until mosquitto_sub's 60 s"
                                    + " timeout", received, expected));
        } finally {
            sub.destroy();
            Files.deleteIfExists(lines);
            Files.deleteIfExists(out);
        }
    }

    private static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e3,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    private static void row(String broker, String measure, String figure) {
        System.out.println("| " + broker + " | " + measure + " | " + figure + " |");
    }
}
