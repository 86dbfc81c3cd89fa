package com.qleven.host;

import com.qleven.adapters.mqtt.EmbeddedBroker;
import com.qleven.adapters.mqtt.MosquittoDynsecProvisioning;
import com.qleven.adapters.mqtt.MqttMetrics;
import com.qleven.adapters.mqtt.PahoDeviceLink;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.MqttSettings;
import com.qleven.ports.devices.in.DeviceInbound;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's MQTT side: the embedded broker (when {@code QLEVEN_MQTT_URL} is unset), the platform's
 * link to the machines, and Mosquitto provisioning when configured. {@link Host} starts it in two steps:
 * {@link #startBroker()} before the HTTP listener (so a taken {@code QLEVEN_MQTT_PORT} stops the start
 * before anything listens), {@link #startLink()} last, after the HTTP listener and the jobs (the
 * command dispatcher among them), so what the link hands over finds the host serving. Closed through
 * {@link Resources}: the link before the broker.
 */
public final class MqttService {
    private static final Logger LOG = LoggerFactory.getLogger(MqttService.class);

    private final MqttSettings settings;
    private final Optional<EmbeddedBroker> broker;
    private final Optional<PahoDeviceLink> link;
    private final Optional<MosquittoDynsecProvisioning> provisioning;
    private final DeviceInbound inbound;
    private volatile boolean linkStarted;

    MqttService(MqttSettings settings, Optional<EmbeddedBroker> broker, Optional<PahoDeviceLink> link,
                Optional<MosquittoDynsecProvisioning> provisioning, DeviceInbound inbound,
                MqttMetrics metrics, MeterRegistry registry) {
        this.settings = settings;
        this.broker = broker;
        this.link = link;
        this.provisioning = provisioning;
        this.inbound = inbound;
        for (MqttMetrics.DropReason r : MqttMetrics.DropReason.values()) {
            FunctionCounter.builder("qleven.mqtt.messages.dropped", metrics, m -> m.droppedCount(r))
                    .description("device messages dropped as malformed").tag("reason", r.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder("qleven.mqtt.messages.handled", metrics, MqttMetrics::handledCount)
                .description("device messages handed to the platform").register(registry);
        FunctionCounter.builder("qleven.mqtt.messages.failed", metrics, MqttMetrics::handlerFailureCount)
                .description("device messages the platform failed on, left for redelivery").register(registry);
        FunctionCounter.builder("qleven.mqtt.publish.failed", metrics, MqttMetrics::publishFailureCount)
                .description("commands the broker did not take").register(registry);
        Gauge.builder("qleven.mqtt.connected", this, s -> s.connected() ? 1 : 0)
                .description("whether the MQTT link is connected and subscribed").register(registry);
    }

    /** Starts the embedded broker, if the host runs one; a taken port is a configuration error. */
    void startBroker() {
        if (broker.isEmpty()) {
            if (settings.mode() == MqttSettings.Mode.EXTERNAL
                    && settings.provisioning() == MqttSettings.Provisioning.NONE) {
                LOG.info("MQTT: external broker {}; provisioning devices in it (their credentials and access to "
                        + "their own topics only) is the operator's job ({}=none)", settings.url().orElseThrow(),
                        MqttSettings.PROVISIONING);
            }
            return;
        }
        try {
            broker.get().start();
        } catch (EmbeddedBroker.PortTakenException e) {
            throw new ConfigException(MqttSettings.PORT + ": port " + e.port() + " on " + settings.bind()
                    + " is already in use; choose another one, or set " + MqttSettings.URL
                    + " to use an external broker (off: no MQTT)");
        }
    }

    /** Gives the platform's client its access in Mosquitto, then connects the link (it retries by itself). */
    void startLink() {
        if (link.isEmpty()) {
            return;
        }
        provisioning.ifPresent(p -> {
            try {
                p.ensurePlatformAccess(settings.user().orElseThrow());
            } catch (RuntimeException e) {
                LOG.error("MQTT: could not give the platform's client its access in Mosquitto ({}); "
                        + "subscriptions may be refused", e.getMessage());
            }
        });
        link.get().start(inbound);
        linkStarted = true;
    }

    /** Whether the link is connected and subscribed (false without one). */
    public boolean connected() {
        return link.map(PahoDeviceLink::connected).orElse(false);
    }

    /** Readiness: a started link must be connected; a host without MQTT (or not started yet) is not held back. */
    public boolean ready() {
        return !linkStarted || connected();
    }

    public Optional<EmbeddedBroker> broker() {
        return broker;
    }

    public Optional<PahoDeviceLink> link() {
        return link;
    }

    public MqttSettings settings() {
        return settings;
    }
}
