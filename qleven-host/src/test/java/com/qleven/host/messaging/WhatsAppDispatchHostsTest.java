package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.host.TestHost;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.config.HostConfig;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.Fault;
import com.qleven.host.whatsapp.FakeGraphApi.RecordedRequest;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dispatchers on several hosts of one deployment (one database, one master key): side by side, each
 * message is sent exactly once; a host killed with SIGKILL in the middle of its calls loses nothing
 * and resends nothing — its messages stay {@code sending} until another host, two minutes on, makes
 * them {@code uncertain} for staff. Counted at the fake Graph API against the rows.
 */
class WhatsAppDispatchHostsTest {
    @TempDir
    Path dir;

    private static Map<String, Integer> countByCallback(List<RecordedRequest> sends) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (RecordedRequest r : sends) {
            counts.merge(TestHost.JSON.readTree(r.body()).path("biz_opaque_callback_data").asText(), 1, Integer::sum);
        }
        return counts;
    }

    private static List<QueuedMessage> messages(TestHost host, DispatchFixture center, List<ClientId> clients) {
        QlevenStore store = host.host().component().store();
        return store.shared().transactions().inTenant(center.tenant, () -> {
            List<QueuedMessage> all = new ArrayList<>();
            for (ClientId c : clients) {
                all.addAll(store.messaging().outbox().allOfClient(center.tenant, c));
            }
            return all;
        });
    }

    @Test
    void twoHostsDispatchingSideBySideSendEachMessageExactlyOnce() throws Exception {
        try (FakeGraphApi fake = FakeGraphApi.start(0);
             TestHost a = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                     WhatsAppDispatchJob.EVERY, "1h"))) {
            DispatchFixture center = DispatchFixture.center(a, fake, true);
            List<ClientId> clients = new ArrayList<>();
            List<OutboundMessageId> queued = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                ClientId client = center.client("Cliente Paralelo " + c, "+3460000010" + c, true);
                clients.add(client);
                for (int m = 0; m < 8; m++) {
                    queued.add(center.queue(client, "Cliente"));
                }
            }
            // Some answers are slow, so the hosts' runs overlap.
            for (int i = 0; i < 6; i++) {
                fake.inject(new Fault.Slow(Duration.ofMillis(400)));
            }
            Map<String, String> dispatching = Map.of(WhatsAppDispatchJob.EVERY, "100ms");
            try (TestHost one = a.beside(dispatching); TestHost two = a.beside(dispatching)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (System.nanoTime() < deadline && messages(a, center, clients).stream()
                        .anyMatch(m -> m.state().status() != MessageStatus.SENT)) {
                    Thread.sleep(100);
                }
            }
            List<QueuedMessage> rows = messages(a, center, clients);
            assertThat(rows).hasSize(40).allMatch(m -> m.state().status() == MessageStatus.SENT)
                    .allMatch(m -> m.state().attempts() == 1);
            Map<String, Integer> perMessage = countByCallback(DispatchFixture.sends(fake, center.phoneNumberId));
            assertThat(perMessage).hasSize(40);
            assertThat(perMessage.values()).allMatch(n -> n == 1);
            assertThat(perMessage.keySet()).containsExactlyInAnyOrderElementsOf(
                    queued.stream().map(OutboundMessageId::toString).toList());
        }
    }

    /**
     * The host runs in a JVM of its own (the test classpath, {@code com.qleven.host.Main}), which is
     * killed with SIGKILL while Meta (the fake) holds its calls unanswered.
     */
    @Test
    void aHostKilledMidDispatchLosesNothingAndResendsNothing() throws Exception {
        try (FakeGraphApi fake = FakeGraphApi.start(0);
             TestHost a = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                     WhatsAppDispatchJob.EVERY, "1h"))) {
            DispatchFixture center = DispatchFixture.center(a, fake, true);
            List<ClientId> clients = new ArrayList<>();
            List<OutboundMessageId> queued = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                ClientId client = center.client("Cliente Caído " + c, "+3460000020" + c, true);
                clients.add(client);
                queued.add(center.queue(client, "Cliente"));
            }
            for (int i = 0; i < 3; i++) {
                fake.inject(new Fault.Slow(Duration.ofSeconds(30)));
            }

            Map<String, String> env = new HashMap<>(a.environment);
            env.put(HostConfig.DATA_DIR, dir.resolve("killed-host").toString());
            env.put(HostConfig.MASTER_KEY_FILE, a.host().component().config().masterKeyPath().toString());
            env.put(WhatsAppDispatchJob.EVERY, "200ms");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = dir.resolve("killed-host.log").toFile();
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "com.qleven.host.Main", "serve").redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (DispatchFixture.sends(fake, center.phoneNumberId).size() < 3 && System.nanoTime() < deadline
                        && process.isAlive()) {
                    Thread.sleep(100);
                }
                assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).as(Files.readString(log.toPath()))
                        .hasSize(3);
            } finally {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                process.waitFor(30, TimeUnit.SECONDS);
            }

            assertThat(messages(a, center, clients)).as("marked before the calls, nothing recorded after")
                    .hasSize(3).allMatch(m -> m.state().status() == MessageStatus.SENDING);
            // Another host, within the grace: nothing moves, nothing is sent. (Its test clock is set to
            // the real time the killed host marked the messages by.)
            a.clock.set(Instant.now());
            a.host().component().qleven().messaging().dispatchDue();
            assertThat(messages(a, center, clients)).allMatch(m -> m.state().status() == MessageStatus.SENDING);
            // Two minutes on: uncertain, listed for staff, and never sent again by itself.
            a.clock.advance(Duration.ofMinutes(2).plusSeconds(5));
            assertThat(a.host().component().qleven().messaging().dispatchDue().uncertain()).isEqualTo(3);
            a.clock.advance(Duration.ofMinutes(20));
            a.host().component().qleven().messaging().dispatchDue();
            assertThat(messages(a, center, clients)).allMatch(m -> m.state().status() == MessageStatus.UNCERTAIN);
            // A new sign-in: the test clock moved past the session's idle time since the fixture's.
            String token = a.login(center.center.adminEmail(), TestHost.PASSWORD, null);
            TestHost.Reply worklist = a.get("/v1/messages?status=uncertain", token);
            List<String> listed = new ArrayList<>();
            for (JsonNode item : worklist.json().get("items")) {
                listed.add(item.get("id").asText());
            }
            assertThat(listed).containsExactlyInAnyOrderElementsOf(
                    queued.stream().map(OutboundMessageId::toString).toList());
            assertThat(countByCallback(DispatchFixture.sends(fake, center.phoneNumberId)).values())
                    .hasSize(3).allMatch(n -> n == 1);
        }
    }
}
