package com.qleven.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.CommandMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded broker's access rules and the platform's link, against the JVM's one embedded HiveMQ. */
class EmbeddedBrokerTest {
    private static final EmbeddedBrokerFixture FIXTURE = EmbeddedBrokerFixture.shared();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MqttClient device(DeviceId id, String secret, boolean will) throws MqttException {
        MqttClient c = new MqttClient(FIXTURE.url(), id.value().toString(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id.value().toString());
        o.setPassword(secret.toCharArray());
        o.setKeepAliveInterval(5);
        if (will) {
            o.setWill(DeviceTopics.status(tenant, id), "{\"online\":false}".getBytes(StandardCharsets.UTF_8), 1, true);
        }
        c.setTimeToWait(5000);
        c.connect(o);
        open.add(() -> {
            if (c.isConnected()) {
                c.disconnect(0);
            }
            c.close(true);
        });
        return c;
    }

    private PahoDeviceLink link(RecordingInbound inbound, boolean shared, String clientId) {
        PahoDeviceLink link = new PahoDeviceLink(FIXTURE.platformSettings(clientId, shared), new MqttMetrics(),
                Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        open.add(link);
        link.start(inbound);
        await().atMost(Duration.ofSeconds(10)).until(link::connected);
        return link;
    }

    private static void publish(MqttClient c, String topic, String json, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retained);
        c.publish(topic, m);
    }

    @Test
    void aDeviceWithItsCredentialsPublishesUnderItsPrefixAndTheLinkReadsEveryKind() throws Exception {
        RecordingInbound inbound = new RecordingInbound();
        PahoDeviceLink link = link(inbound, false, "test-" + UUID.randomUUID());
        DeviceId id = FIXTURE.devices().register(tenant, "s3cret");
        MqttClient dev = device(id, "s3cret", false);
        DeviceCommandId cmd = new DeviceCommandId(UUID.randomUUID());

        publish(dev, DeviceTopics.status(tenant, id), "{\"online\":true,\"firmware\":\"2.1.0\",\"extra\":1}", true);
        publish(dev, DeviceTopics.telemetry(tenant, id),
                "{\"counters\":{\"shots\":1200,\"lampHours\":310.5},\"temperatures\":{\"handpiece\":31.2},"
                        + "\"errorCodes\":[\"E12\"]}", false);
        publish(dev, DeviceTopics.ack(tenant, id, cmd), "{\"status\":\"done\",\"detail\":\"ok\"}", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.of(id).size() == 3);
        List<RecordingInbound.Call> calls = inbound.of(id);
        assertThat(calls.get(0).tenant()).isEqualTo(tenant);
        assertThat(calls.get(0).report()).isEqualTo(new DeviceStatusReport(true, java.util.Optional.of("2.1.0"), NOW));
        assertThat(calls.get(1).report()).isEqualTo(new TelemetryReport(Map.of("shots", 1200.0, "lampHours", 310.5),
                Map.of("handpiece", 31.2), List.of("E12"), NOW));
        assertThat(calls.get(2).kind()).isEqualTo("ack:" + cmd.value());
        assertThat(calls.get(2).report()).isEqualTo(new CommandAck(AckStatus.DONE, java.util.Optional.of("ok"), NOW));
        assertThat(link.metrics().handledCount()).isGreaterThanOrEqualTo(3);
    }

    /**
     * Issue 13: HiveMQ's default queue of 1,000 QoS 1 messages per client lost most of a burst. A burst
     * of 2,500 telemetry messages published while the platform's client is away reaches it in full when
     * it comes back (its persistent session kept them), and the generated configuration says so.
     */
    @Test
    void aBurstLargerThanHiveMqsDefaultQueueReachesThePlatformAfterItReconnects() throws Exception {
        assertThat(FIXTURE.broker().config()).contains("<max-queue-size>" + EmbeddedBroker.MAX_QUEUED_MESSAGES
                + "</max-queue-size>").contains("<strategy>discard</strategy>");
        String clientId = "test-" + UUID.randomUUID();
        link(new RecordingInbound(), false, clientId).close();
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = new MqttClient(FIXTURE.url(), id.value().toString(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id.value().toString());
        o.setPassword("pw".toCharArray());
        o.setSocketFactory(new NoDelaySockets());
        o.setMaxInflight(100);
        dev.setTimeToWait(5000);
        dev.connect(o);
        open.add(() -> {
            dev.disconnect(0);
            dev.close(true);
        });
        int burst = 2_500;
        for (int i = 0; i < burst; i++) {
            publish(dev, DeviceTopics.telemetry(tenant, id), "{\"counters\":{\"shots\":" + i + "}}", false);
        }

        RecordingInbound inbound = new RecordingInbound();
        link(inbound, false, clientId);
        await().atMost(Duration.ofSeconds(60)).until(() -> inbound.of(id).size() >= burst);
        assertThat(inbound.of(id)).hasSize(burst);
    }

    @Test
    void theLinkPublishesACommandTheDeviceReceivesAndFailsWhenClosed() throws Exception {
        PahoDeviceLink link = link(new RecordingInbound(), true, "test-" + UUID.randomUUID());
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = device(id, "pw", false);
        List<String> got = new CopyOnWriteArrayList<>();
        dev.subscribe(DeviceTopics.prefix(tenant, id) + "commands/+", 1,
                (t, m) -> got.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
        DeviceCommandId cmd = new DeviceCommandId(UUID.randomUUID());
        CommandMessage message = new CommandMessage(cmd, CommandType.ARM, Map.of("fluence", 12.5),
                Instant.parse("2026-12-07T10:05:00Z"));

        assertThat(link.publish(tenant, id, message)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
        assertThat(got.get(0)).isEqualTo(DeviceTopics.command(tenant, id, cmd) + " {\"id\":\"" + cmd.value()
                + "\",\"type\":\"arm\",\"parameters\":{\"fluence\":12.5},\"expiresAt\":\"2026-12-07T10:05:00Z\"}");
        link.close();
        assertThat(link.connected()).isFalse();
        assertThat(link.publish(tenant, id, message)).isFalse();
    }

    @Test
    void wrongMissingOrBorrowedCredentialsAreRefused() throws Exception {
        DeviceId id = FIXTURE.devices().register(tenant, "right");
        assertThatThrownBy(() -> device(id, "wrong", false)).isInstanceOf(MqttSecurityException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(4));
        FIXTURE.devices().revoke(id);
        assertThatThrownBy(() -> device(id, "right", false)).isInstanceOf(MqttSecurityException.class);

        MqttClient anonymous = new MqttClient(FIXTURE.url(), "anon-" + UUID.randomUUID(), new MemoryPersistence());
        open.add(() -> anonymous.close(true));
        assertThatThrownBy(() -> anonymous.connect(new MqttConnectOptions())).isInstanceOf(MqttSecurityException.class);

        // Right credentials under another client id (taking over someone's session) are refused too.
        DeviceId other = FIXTURE.devices().register(tenant, "pw");
        MqttClient borrowed = new MqttClient(FIXTURE.url(), UUID.randomUUID().toString(), new MemoryPersistence());
        open.add(() -> borrowed.close(true));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(other.value().toString());
        o.setPassword("pw".toCharArray());
        assertThatThrownBy(() -> borrowed.connect(o)).isInstanceOf(MqttSecurityException.class);

        MqttClient platform = new MqttClient(FIXTURE.url(), "p-" + UUID.randomUUID(), new MemoryPersistence());
        open.add(() -> platform.close(true));
        MqttConnectOptions po = new MqttConnectOptions();
        po.setUserName(EmbeddedBroker.PLATFORM_USERNAME);
        po.setPassword("guess".toCharArray());
        assertThatThrownBy(() -> platform.connect(po)).isInstanceOf(MqttSecurityException.class);
    }

    @Test
    void anotherDevicesOrCentersTopicsAreRefused() throws Exception {
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        DeviceId neighbour = FIXTURE.devices().register(tenant, "pw");
        TenantId otherCenter = new TenantId(UUID.randomUUID());
        MqttAsyncClient c = new MqttAsyncClient(FIXTURE.url(), id.value().toString(), new MemoryPersistence());
        open.add(() -> c.close(true));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(id.value().toString());
        o.setPassword("pw".toCharArray());
        c.connect(o).waitForCompletion(5000);

        IMqttToken sub = c.subscribe(new String[] {DeviceTopics.ownFilter(tenant, id), DeviceTopics.ownFilter(tenant, neighbour),
                DeviceTopics.ownFilter(otherCenter, id), "qleven/#", "#"}, new int[] {1, 1, 1, 1, 1});
        try {
            sub.waitForCompletion(5000);
        } catch (MqttException e) {
            // Paho reports a refused filter as an exception; the granted codes are still on the token.
        }
        assertThat(sub.getGrantedQos()).containsExactly(1, 0x80, 0x80, 0x80, 0x80);

        MqttMessage m = new MqttMessage("{\"online\":true}".getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        try {
            c.publish(DeviceTopics.status(tenant, neighbour), m).waitForCompletion(5000);
        } catch (MqttException e) {
            // The broker closes the connection rather than acknowledge.
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !c.isConnected());
    }

    @Test
    void malformedMessagesAreDroppedAndCountedAndTheLinkGoesOn() throws Exception {
        RecordingInbound inbound = new RecordingInbound();
        PahoDeviceLink link = link(inbound, false, "test-" + UUID.randomUUID());
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = device(id, "pw", false);

        publish(dev, DeviceTopics.telemetry(tenant, id), "{not json", false);
        publish(dev, DeviceTopics.prefix(tenant, id) + "acks/not-a-uuid", "{\"status\":\"done\"}", false);
        publish(dev, DeviceTopics.telemetry(tenant, id), "{\"counters\":{\"shots\":\"many\"}}", false);
        publish(dev, DeviceTopics.telemetry(tenant, id), "{\"counters\":{\"shots\":1e400}}", false);
        publish(dev, DeviceTopics.status(tenant, id), "{\"online\":\"yes\"}", false);
        publish(dev, DeviceTopics.ack(tenant, id, new DeviceCommandId(UUID.randomUUID())), "{\"status\":\"maybe\"}", false);
        publish(dev, DeviceTopics.telemetry(tenant, id), "{\"errorCodes\":[\"" + "x".repeat(70 * 1024) + "\"]}", false);
        publish(dev, DeviceTopics.status(tenant, id), "{\"online\":true}", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.of(id).size() == 1);
        MqttMetrics metrics = link.metrics();
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.droppedCount() == 7);
        assertThat(metrics.droppedCount(MqttMetrics.DropReason.BAD_JSON)).isEqualTo(1);
        assertThat(metrics.droppedCount(MqttMetrics.DropReason.UNKNOWN_TOPIC)).isEqualTo(1);
        assertThat(metrics.droppedCount(MqttMetrics.DropReason.BAD_SHAPE)).isEqualTo(4);
        assertThat(metrics.droppedCount(MqttMetrics.DropReason.OVERSIZED)).isEqualTo(1);
        assertThat(inbound.of(id).get(0).report()).isEqualTo(new DeviceStatusReport(true, java.util.Optional.empty(), NOW));
        assertThat(link.connected()).isTrue();
    }

    @Test
    void aMessageTheHandlerFailedOnIsNotAcknowledgedAndComesBackAfterAReconnect() throws Exception {
        RecordingInbound inbound = new RecordingInbound();
        inbound.failures.set(1);
        String clientId = "test-" + UUID.randomUUID();
        PahoDeviceLink first = link(inbound, false, clientId);
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = device(id, "pw", false);

        publish(dev, DeviceTopics.telemetry(tenant, id), "{\"counters\":{\"shots\":1}}", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.metrics().handlerFailureCount() == 1);
        assertThat(inbound.of(id)).isEmpty();
        first.close();

        link(inbound, false, clientId);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.of(id).size() == 1);
        assertThat(inbound.of(id).get(0).kind()).isEqualTo("telemetry");
    }

    @Test
    void aDeviceThatDropsOffReadsOfflineToLaterSubscribers() throws Exception {
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = device(id, "pw", true);
        publish(dev, DeviceTopics.status(tenant, id), "{\"online\":true}", true);
        dev.disconnectForcibly(0, 0, false);

        RecordingInbound inbound = new RecordingInbound();
        link(inbound, false, "test-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> !inbound.of(id).isEmpty()
                && !((DeviceStatusReport) inbound.of(id).get(inbound.of(id).size() - 1).report()).online());
    }

    @Test
    void aRotationOrRevocationEndsTheDevicesSession() throws Exception {
        DeviceId id = FIXTURE.devices().register(tenant, "pw");
        MqttClient dev = device(id, "pw", false);
        FIXTURE.broker().provisioning().provision(tenant, id, "new");
        await().atMost(Duration.ofSeconds(5)).until(() -> !dev.isConnected());

        MqttClient again = device(id, "pw", false);
        FIXTURE.devices().revoke(id);
        FIXTURE.broker().provisioning().revoke(tenant, id);
        await().atMost(Duration.ofSeconds(5)).until(() -> !again.isConnected());
        assertThatThrownBy(() -> device(id, "pw", false)).isInstanceOf(MqttSecurityException.class);
    }

    @Test
    void aTakenPortFailsTheStartClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.nio.file.Path folder = Files.createTempDirectory("qleven-mqtt-taken");
            open.add(() -> Files.deleteIfExists(folder));
            EmbeddedBroker b = new EmbeddedBroker("127.0.0.1", taken.getLocalPort(), folder, FIXTURE.devices());
            assertThatThrownBy(b::start).isInstanceOf(EmbeddedBroker.PortTakenException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            assertThat(b.running()).isFalse();
        }
    }
}
