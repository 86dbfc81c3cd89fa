package com.qleven.host.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.examples.devices.DeviceSimulator;
import com.qleven.host.DeviceDispatchJob;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The command round trip through the host (issue 13), not part of {@code verify}: its name matches no
 * test pattern, so only {@code bench/issue13-devices.sh} runs it ({@code -Dtest=DeviceRoundTripBenchmark}).
 * A host on the shared embedded HiveMQ, one registered device played by a {@link DeviceSimulator};
 * {@code -Dcommands} (500) {@code stop} commands one after the other: {@code POST /v1/devices/{id}/commands},
 * then {@code GET …/commands/{commandId}} every 2 ms until it reads {@code done} (the ack recorded). Twice:
 * with the host's dispatch job every 100 ms (its shortest interval) and with the job idle and the dispatcher
 * called right after the POST (what the job costs is then out of the figure).
 */
class DeviceRoundTripBenchmark {
    private static final int COMMANDS = Integer.getInteger("commands", 500);
    private static final int WARMUP = 30;

    @Test
    void commandRoundTripThroughTheHost() throws Exception {
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| path | commands | API call → ack recorded |");
        System.out.println("|---|---|---|");
        run("dispatcher called right after the POST (job idle)", "1h", true);
        try {
            run("dispatch job every 100 ms", "100ms", false);
        } catch (AssertionError stalled) {
            // Seen on 2026-12-07 before the fix in CommandDispatcher (a claim that locked nothing now ends the
            // center's lease): a command left queued (attempts 0) with its device online; printed, not hidden.
            System.out.println("| dispatch job every 100 ms | " + COMMANDS + " | stalled: " + stalled.getMessage()
                    .replace('\n', ' ') + " |");
        }
    }

    private void run(String what, String every, boolean dispatchAtOnce) throws Exception {
        try (TestHost host = TestHost.startWithBroker(Map.of(DeviceDispatchJob.EVERY, every))) {
            Center center = host.newCenter("Centro Banco");
            Reply equipment = host.post("/v1/equipment", Map.of("name", "Láser", "kind", "laser"), center.token());
            Reply registered = host.post("/v1/devices", Map.of("name", "Laser", "equipmentId",
                    equipment.json().get("id").asText(), "model", "LX-2"), center.token());
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String device = registered.json().get("id").asText();
            int port = URI.create(host.broker().url()).getPort();
            try (DeviceSimulator machine = new DeviceSimulator(DeviceSimulator.Config.of("127.0.0.1", port,
                    new TenantId(UUID.fromString(center.tenantId())), DeviceId.parse("id", device),
                    registered.json().get("mqttPassword").asText()).withTelemetryEvery(Duration.ZERO))) {
                machine.start();
                // The dispatcher holds a device's commands until its status reads online.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> host.get("/v1/devices/"
                        + device, center.token()).json().path("online").asBoolean());
                long[] micros = new long[COMMANDS];
                for (int k = -WARMUP; k < COMMANDS; k++) {
                    // The test host's clock stands still unless moved: each command gets an instant of its own
                    // (with one frozen instant the dispatcher stopped taking commands after about 15).
                    host.clock.advance(Duration.ofMillis(200));
                    long start = System.nanoTime();
                    Reply queued = host.post("/v1/devices/" + device + "/commands", Map.of("type", "stop",
                            "expiresInSeconds", 120), center.token());
                    assertThat(queued.status()).as(queued.body()).isEqualTo(202);
                    String location = queued.header("Location");
                    if (dispatchAtOnce) {
                        host.host().component().deviceDispatchJob().runOnce();
                    }
                    long until = start + 10_000_000_000L;
                    while (true) {
                        JsonNode read = host.get(location, center.token()).json();
                        if ("done".equals(read.path("status").asText())) {
                            break;
                        }
                        int n = k;
                        assertThat(System.nanoTime()).as(() -> "command " + n + " done within 10 s: " + read)
                                .isLessThan(until);
                        Thread.sleep(2);
                    }
                    if (k >= 0) {
                        micros[k] = (System.nanoTime() - start) / 1_000;
                    }
                }
                Arrays.sort(micros);
                System.out.println(String.format(Locale.ROOT, "| %s | %d | p50 %.1f ms, p99 %.1f ms, max %.1f ms |",
                        what, COMMANDS, micros[COMMANDS / 2] / 1e3,
                        micros[(int) Math.ceil(COMMANDS * 0.99) - 1] / 1e3, micros[COMMANDS - 1] / 1e3));
            }
        }
    }
}
