package com.qleven.adapters.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the platform's link connects: the broker's URL ({@code tcp://host:port} or {@code ssl://…}), a
 * client id stable for this host (the persistent session is keyed by it: e.g. {@code qleven-host-<hostId>}),
 * the platform's credentials, whether to subscribe through shared subscriptions ({@code $share/qleven/…},
 * so hosts side by side split the traffic; HiveMQ and Mosquitto both have them), how long a publish
 * waits for its PUBACK, and the largest payload read (larger ones are dropped).
 */
public record MqttLinkSettings(String url, String clientId, String username, String password,
                               boolean sharedSubscriptions, Duration publishTimeout, int maxPayloadBytes) {
    public static final int DEFAULT_MAX_PAYLOAD = 64 * 1024;
    public static final String SHARE_GROUP = "qleven";

    public MqttLinkSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        if (clientId.isBlank() || clientId.length() > 23 * 4) {
            throw new IllegalArgumentException("clientId must be 1 to 92 characters");
        }
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("publishTimeout must be positive");
        }
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
    }

    /** The filter as subscribed: shared under the {@code qleven} group when configured. */
    String subscription(String filter) {
        return sharedSubscriptions ? "$share/" + SHARE_GROUP + "/" + filter : filter;
    }

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "MqttLinkSettings[url=" + url + ", clientId=" + clientId + ", username=" + username
                + ", shared=" + sharedSubscriptions + "]";
    }
}
