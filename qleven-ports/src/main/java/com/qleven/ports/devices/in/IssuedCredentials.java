package com.qleven.ports.devices.in;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import java.util.Objects;

/**
 * A device's MQTT credentials as shown once, at registration or rotation: its client id and username
 * (both its id), its secret and the prefix of its topics. The secret is nowhere else: the store keeps
 * only its keyed hash, and {@link #toString()} leaves it out so no log line carries it.
 */
public record IssuedCredentials(DeviceId id, String mqttPassword, String topicPrefix) {
    public IssuedCredentials {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
    }

    public static IssuedCredentials of(TenantId tenant, DeviceId id, String secret) {
        return new IssuedCredentials(id, secret, DeviceTopics.prefix(tenant, id));
    }

    public String mqttClientId() {
        return id.toString();
    }

    public String mqttUsername() {
        return id.toString();
    }

    @Override
    public String toString() {
        return "IssuedCredentials[id=" + id + ", topicPrefix=" + topicPrefix + "]";
    }
}
