package com.qleven.examples.devices;

import com.qleven.adapters.mqtt.EmbeddedBroker;
import com.qleven.ports.devices.in.DeviceGrant;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The simulator on the host's embedded broker (HiveMQ CE), authenticating devices like the registry does. */
class DeviceSimulatorOnEmbeddedBrokerTest extends DeviceSimulatorContract {
    private static EmbeddedBroker broker;
    private static Path folder;

    @BeforeAll
    static void startBroker() throws Exception {
        folder = Files.createTempDirectory("qleven-hivemq");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        broker = new EmbeddedBroker("127.0.0.1", port, folder, (username, password) -> {
            for (int i = 0; i < IDS.size(); i++) {
                if (IDS.get(i).value().toString().equals(username)
                        && Arrays.equals(secret(i).getBytes(StandardCharsets.UTF_8), password)) {
                    return Optional.of(new DeviceGrant(TENANT, IDS.get(i)));
                }
            }
            return Optional.empty();
        });
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    int port() {
        return broker.port();
    }

    @Override
    String[] platform() {
        return new String[] {broker.platformUsername(), broker.platformPassword()};
    }
}
