package com.qleven.adapters.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.out.CommandMessage;
import com.qleven.ports.devices.out.DeviceLink;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The platform's MQTT link over Paho v3 (MQTT 3.1.1).
 * <ul>
 *   <li>A persistent session ({@code cleanSession=false}) under the host's stable client id, so QoS 1
 *       status and acks wait in the broker while the host is away; automatic reconnect, and a retry loop
 *       for the first connect (Paho reconnects by itself only after a first success).</li>
 *   <li>Subscribes at QoS 1 to every device's status, telemetry and acks, telemetry and acks as
 *       {@code $share/qleven/…} when {@link MqttLinkSettings#sharedSubscriptions()} (statuses always
 *       plainly: retained messages never reach a shared subscription); again after every (re)connect.</li>
 *   <li>Manual acknowledgements: a message is PUBACKed only once read and handled. A malformed one
 *       (unknown topic, over the size limit, not JSON, wrong shape) is acknowledged and dropped with a
 *       log line naming the reason and the topic, never the payload, and counted in {@link MqttMetrics}.
 *       A message whose handler threw (the database is down) is counted and NOT acknowledged: the broker
 *       redelivers it when the session resumes after a reconnect (handlers are idempotent). Nothing is
 *       ever thrown out of {@code messageArrived}, which would drop Paho's connection.</li>
 *   <li>{@link #publish} sends at QoS 1 and waits for the PUBACK up to the configured timeout.</li>
 * </ul>
 * Outgoing messages in flight are kept in memory only: an unacknowledged command stays in the platform's
 * outbox and is published again.
 */
public final class PahoDeviceLink implements DeviceLink {
    private static final System.Logger LOG = System.getLogger(PahoDeviceLink.class.getName());
    private static final long MAX_RETRY_SECONDS = 30;

    private final MqttLinkSettings settings;
    private final MqttMetrics metrics;
    private final Clock clock;
    private final InboundMessages reader;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final MqttAsyncClient client;
    private final ScheduledExecutorService retries;
    private volatile DeviceInbound inbound;
    private volatile boolean closed;
    private volatile boolean subscribed;

    public PahoDeviceLink(MqttLinkSettings settings, MqttMetrics metrics, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reader = new InboundMessages(settings.maxPayloadBytes());
        try {
            this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("MQTT url " + settings.url() + " is not usable: " + e.getMessage(), e);
        }
        this.client.setManualAcks(true);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qleven-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void start(DeviceInbound inbound) {
        if (this.inbound != null) {
            throw new IllegalStateException("the link is already started");
        }
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        client.setCallback(new Callback());
        connect(1);
    }

    private void connect(long attemptDelaySeconds) {
        if (closed) {
            return;
        }
        try {
            client.connect(options(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    long next = Math.min(attemptDelaySeconds * 2, MAX_RETRY_SECONDS);
                    LOG.log(Level.WARNING, "MQTT connect to {0} failed ({1}); retrying in {2} s",
                            settings.url(), reason(e), attemptDelaySeconds);
                    schedule(attemptDelaySeconds, next);
                }
            });
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "MQTT connect to {0} failed ({1}); retrying in {2} s",
                    settings.url(), reason(e), attemptDelaySeconds);
            schedule(attemptDelaySeconds, Math.min(attemptDelaySeconds * 2, MAX_RETRY_SECONDS));
        }
    }

    private void schedule(long delay, long next) {
        if (!closed) {
            retries.schedule(() -> connect(next), delay, TimeUnit.SECONDS);
        }
    }

    /** The connection's options; over plain TCP, sockets with Nagle's algorithm off ({@link NoDelaySockets}). */
    MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        if (NoDelaySockets.applies(settings.url())) {
            o.setSocketFactory(new NoDelaySockets());
        }
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) MAX_RETRY_SECONDS * 1000);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(1000);
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().toCharArray());
        }
        return o;
    }

    private void subscribe() {
        String[] filters = {
            // Statuses plainly, on every host: a broker never hands a retained message to a shared
            // subscription, so a host (re)subscribing would miss the retained status of every machine
            // that stayed connected. Each host records them; recording a status is order-safe and idempotent.
            DeviceTopics.allStatus(),
            settings.subscription(DeviceTopics.allTelemetry()),
            settings.subscription(DeviceTopics.allAcks())
        };
        try {
            client.subscribe(filters, new int[] {1, 1, 1}, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    for (int q : granted) {
                        if (q == 0x80) {
                            subscribed = false;
                            LOG.log(Level.ERROR, "the MQTT broker refused the platform's subscriptions: "
                                    + "check the platform client's access to qleven/# (and $share/+/qleven/#)");
                            return;
                        }
                    }
                    subscribed = true;
                    LOG.log(Level.INFO, "MQTT link subscribed to devices' status, telemetry and acks");
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    subscribed = false;
                    LOG.log(Level.ERROR, "MQTT subscribe failed: {0}", reason(e));
                }
            });
        } catch (MqttException e) {
            subscribed = false;
            LOG.log(Level.ERROR, "MQTT subscribe failed: {0}", reason(e));
        }
    }

    @Override
    public boolean publish(TenantId tenant, DeviceId device, CommandMessage command) {
        if (!client.isConnected()) {
            metrics.publishFailed();
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", command.id().value().toString());
        body.put("type", command.type().wireName());
        body.put("parameters", command.parameters());
        body.put("expiresAt", command.expiresAt().toString());
        try {
            MqttMessage m = new MqttMessage(json.writeValueAsBytes(body));
            m.setQos(1);
            m.setRetained(false);
            IMqttDeliveryToken token = client.publish(DeviceTopics.command(tenant, device, command.id()), m);
            token.waitForCompletion(settings.publishTimeout().toMillis());
            return true;
        } catch (MqttException | com.fasterxml.jackson.core.JsonProcessingException e) {
            metrics.publishFailed();
            LOG.log(Level.WARNING, "MQTT publish of command {0} failed: {1}", command.id(), reason(e));
            return false;
        }
    }

    @Override
    public boolean connected() {
        return client.isConnected() && subscribed;
    }

    /** The counters this link keeps. */
    public MqttMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        retries.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(Duration.ofSeconds(3).toMillis());
            }
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "MQTT disconnect: {0}", reason(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "MQTT close: {0}", reason(e));
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof MqttException m) {
            return "reason " + m.getReasonCode() + ": " + m.getMessage();
        }
        return e == null ? "unknown" : e.getClass().getSimpleName();
    }

    private void ack(MqttMessage m) {
        if (m.getQos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(m.getId(), m.getQos());
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "MQTT ack: {0}", reason(e));
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.log(Level.INFO, "MQTT link connected to {0}{1}", serverUri, reconnect ? " (reconnected)" : "");
            subscribe();
        }

        @Override
        public void connectionLost(Throwable cause) {
            subscribed = false;
            LOG.log(Level.WARNING, "MQTT link lost its connection ({0}); reconnecting", reason(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                InboundMessages.Call call;
                try {
                    call = reader.read(topic, message.getPayload(), clock.instant());
                } catch (InboundMessages.Malformed e) {
                    metrics.dropped(e.reason);
                    LOG.log(Level.WARNING, "MQTT message on {0} dropped: {1}", topic, e.getMessage());
                    ack(message);
                    return;
                }
                try {
                    call.deliver(inbound);
                } catch (RuntimeException e) {
                    // Not acknowledged: the broker redelivers it when the session resumes.
                    metrics.handlerFailed();
                    LOG.log(Level.ERROR, "MQTT message on {0} not handled ({1}); left unacknowledged for redelivery",
                            topic, e.getClass().getSimpleName());
                    return;
                }
                metrics.handled();
                ack(message);
            } catch (Throwable e) {
                // Never out of messageArrived: Paho would drop the connection.
                metrics.handlerFailed();
                LOG.log(Level.ERROR, "MQTT message on {0}: unexpected {1}", topic, e.getClass().getSimpleName());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits on its own token.
        }
    }
}
