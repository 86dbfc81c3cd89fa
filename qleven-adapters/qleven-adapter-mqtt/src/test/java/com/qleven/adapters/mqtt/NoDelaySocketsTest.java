package com.qleven.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The link's sockets have Nagle's algorithm off over plain TCP; TLS URLs keep Paho's own factory. */
class NoDelaySocketsTest {
    @Test
    void socketsAreMadeWithTcpNoDelay() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0);
             Socket unconnected = sockets.createSocket();
             Socket connected = sockets.createSocket("127.0.0.1", server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aPlainTcpLinkUsesThemAndATlsLinkDoesNot() {
        assertThat(link("tcp://127.0.0.1:1883").options().getSocketFactory()).isInstanceOf(NoDelaySockets.class);
        assertThat(link("TCP://127.0.0.1:1883").options().getSocketFactory()).isInstanceOf(NoDelaySockets.class);
        assertThat(link("ssl://127.0.0.1:8883").options().getSocketFactory()).isNull();
    }

    private static PahoDeviceLink link(String url) {
        return new PahoDeviceLink(new MqttLinkSettings(url, "host-" + UUID.randomUUID(), "platform", "secret", true,
                Duration.ofSeconds(5), MqttLinkSettings.DEFAULT_MAX_PAYLOAD), new MqttMetrics(), Clock.systemUTC());
    }
}
