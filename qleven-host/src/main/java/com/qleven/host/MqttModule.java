package com.qleven.host;

import com.qleven.adapters.mqtt.EmbeddedBroker;
import com.qleven.adapters.mqtt.MosquittoDynsecProvisioning;
import com.qleven.adapters.mqtt.MqttLinkSettings;
import com.qleven.adapters.mqtt.MqttMetrics;
import com.qleven.adapters.mqtt.PahoDeviceLink;
import com.qleven.application.Qleven;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import com.qleven.host.config.MqttSettings;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.out.BrokerProvisioning;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Singleton;

/**
 * Devices over MQTT: the settings, the embedded broker (constructed here, started by {@link Host}), the
 * platform's link and the external broker's provisioning, handed to the core through
 * {@link Qleven.Builder#deviceLink} and {@link Qleven.Builder#brokerProvisioning}. The broker asks the
 * registry ({@code qleven.devices().authentication()}) lazily: the core is built after the link.
 * The link hands device messages to {@code qleven.devices().inbound()}.
 */
@Module
public final class MqttModule {
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CLIENT_ID = Pattern.compile("^qleven-host-[0-9a-f-]{36}$");

    private MqttModule() {
    }

    /** What the link hands device messages to: the devices context's inbound handling. */
    @Provides
    @Singleton
    static DeviceInbound deviceInbound(Qleven qleven) {
        return qleven.devices().inbound();
    }

    @Provides
    @Singleton
    static MqttSettings mqttSettings(Environment environment) {
        return MqttSettings.fromEnvironment(environment.variables());
    }

    @Provides
    @Singleton
    static MqttMetrics mqttMetrics() {
        return new MqttMetrics();
    }

    @Provides
    @Singleton
    static Optional<EmbeddedBroker> embeddedBroker(MqttSettings settings, HostConfig config, Lazy<Qleven> qleven,
                                                   Resources resources) {
        if (settings.mode() != MqttSettings.Mode.EMBEDDED) {
            return Optional.empty();
        }
        Path folder = DataDirectory.ensure(config.dataDir()).resolve("mqtt");
        return Optional.of(resources.register("embedded MQTT broker", new EmbeddedBroker(settings.bind(),
                settings.port(), folder, (user, password) -> qleven.get().devices().authentication()
                .authenticate(user, password))));
    }

    @Provides
    @Singleton
    static Optional<PahoDeviceLink> deviceLink(MqttSettings settings, Optional<EmbeddedBroker> broker, HostConfig config,
                                               MqttMetrics metrics, Clock clock, Resources resources) {
        if (settings.mode() == MqttSettings.Mode.OFF) {
            return Optional.empty();
        }
        String clientId = clientId(config.dataDir());
        MqttLinkSettings link = broker.isPresent()
                ? new MqttLinkSettings(broker.get().url(), clientId, broker.get().platformUsername(),
                        broker.get().platformPassword(), settings.shared(), PUBLISH_TIMEOUT,
                        MqttLinkSettings.DEFAULT_MAX_PAYLOAD)
                : new MqttLinkSettings(settings.url().orElseThrow().toString(), clientId, settings.user().orElse(null),
                        settings.password().orElse(null), settings.shared(), PUBLISH_TIMEOUT,
                        MqttLinkSettings.DEFAULT_MAX_PAYLOAD);
        return Optional.of(resources.register("MQTT link", new PahoDeviceLink(link, metrics, clock)));
    }

    @Provides
    @Singleton
    static Optional<MosquittoDynsecProvisioning> mosquittoProvisioning(MqttSettings settings, HostConfig config,
                                                                       Resources resources) {
        if (settings.provisioning() != MqttSettings.Provisioning.MOSQUITTO_DYNSEC) {
            return Optional.empty();
        }
        return Optional.of(resources.register("Mosquitto provisioning", new MosquittoDynsecProvisioning(
                settings.url().orElseThrow().toString(), clientId(config.dataDir()) + "-dynsec",
                settings.user().orElseThrow(), settings.password().orElseThrow(), PUBLISH_TIMEOUT)));
    }

    @Provides
    @Singleton
    static BrokerProvisioning brokerProvisioning(Optional<MosquittoDynsecProvisioning> mosquitto) {
        return mosquitto.<BrokerProvisioning>map(m -> m).orElse(BrokerProvisioning.NONE);
    }

    @Provides
    @Singleton
    static MqttService mqttService(MqttSettings settings, Optional<EmbeddedBroker> broker,
                                   Optional<PahoDeviceLink> link, Optional<MosquittoDynsecProvisioning> provisioning,
                                   DeviceInbound inbound, MqttMetrics metrics,
                                   PrometheusMeterRegistry registry) {
        return new MqttService(settings, broker, link, provisioning, inbound, metrics, registry);
    }

    /**
     * The link's client id, stable for this host across restarts (its persistent session is keyed by
     * it): {@code qleven-host-<uuid>}, the uuid made once and kept in {@code <dataDir>/mqtt-client-id}.
     */
    static String clientId(Path dataDir) {
        Path file = DataDirectory.ensure(dataDir).resolve("mqtt-client-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (CLIENT_ID.matcher(id).matches()) {
                    return id;
                }
            }
            String id = "qleven-host-" + UUID.randomUUID();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new ConfigException(HostConfig.DATA_DIR + ": cannot keep the MQTT client id in " + file + ": " + e);
        }
    }
}
