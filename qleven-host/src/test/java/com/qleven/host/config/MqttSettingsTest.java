package com.qleven.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {
    @Test
    void nothingSetMeansTheEmbeddedBrokerOnLoopback1884SharedWithoutProvisioning() {
        MqttSettings s = MqttSettings.fromEnvironment(Map.of());
        assertThat(s.mode()).isEqualTo(MqttSettings.Mode.EMBEDDED);
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(1884);
        assertThat(s.shared()).isTrue();
        assertThat(s.provisioning()).isEqualTo(MqttSettings.Provisioning.NONE);
    }

    @Test
    void offAndAnExternalBrokerWithMosquittoProvisioning() {
        assertThat(MqttSettings.fromEnvironment(Map.of(MqttSettings.URL, "off")).mode()).isEqualTo(MqttSettings.Mode.OFF);
        MqttSettings s = MqttSettings.fromEnvironment(Map.of(MqttSettings.URL, "tcp://broker.local:1883",
                MqttSettings.USER, "admin", MqttSettings.PASSWORD, "pw-secret", MqttSettings.SHARED, "false",
                MqttSettings.PROVISIONING, "mosquitto-dynsec"));
        assertThat(s.mode()).isEqualTo(MqttSettings.Mode.EXTERNAL);
        assertThat(s.url().orElseThrow()).hasToString("tcp://broker.local:1883");
        assertThat(s.shared()).isFalse();
        assertThat(s.provisioning()).isEqualTo(MqttSettings.Provisioning.MOSQUITTO_DYNSEC);
        assertThat(s.toString()).doesNotContain("pw-secret");
    }

    @Test
    void everyWrongVariableIsNamed() {
        assertThatThrownBy(() -> MqttSettings.fromEnvironment(Map.of(MqttSettings.URL, "http://user:pw@x:1883",
                MqttSettings.PORT, "70000", MqttSettings.SHARED, "maybe", MqttSettings.PROVISIONING, "acl-file",
                MqttSettings.BIND, "a b")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith(MqttSettings.URL))
                        .anySatisfy(p -> assertThat(p).startsWith(MqttSettings.PORT))
                        .anySatisfy(p -> assertThat(p).startsWith(MqttSettings.SHARED))
                        .anySatisfy(p -> assertThat(p).startsWith(MqttSettings.PROVISIONING))
                        .anySatisfy(p -> assertThat(p).startsWith(MqttSettings.BIND)));
        assertThatThrownBy(() -> MqttSettings.fromEnvironment(Map.of(MqttSettings.PROVISIONING, "mosquitto-dynsec")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(MqttSettings.URL);
        assertThatThrownBy(() -> MqttSettings.fromEnvironment(Map.of(MqttSettings.URL, "tcp://b:1883",
                MqttSettings.USER, "admin"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(MqttSettings.PASSWORD);
    }
}
