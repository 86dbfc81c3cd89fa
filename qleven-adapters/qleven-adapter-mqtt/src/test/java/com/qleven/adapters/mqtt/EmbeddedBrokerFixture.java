package com.qleven.adapters.mqtt;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceAuthentication;
import com.qleven.ports.devices.in.DeviceGrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * ONE embedded HiveMQ per test JVM, started lazily on a free port in a temporary folder (about 2 s) and
 * stopped at JVM exit. Devices are checked against {@link #devices()} (register one with
 * {@link Devices#register}) unless a test hands the broker another {@link DeviceAuthentication}
 * ({@link #authenticateWith}, e.g. a host's registry; {@link #resetAuthentication} goes back). Shared by
 * the adapter's and the host's tests through the adapter's test-jar.
 */
public final class EmbeddedBrokerFixture {
    private static EmbeddedBrokerFixture shared;

    private final Devices devices = new Devices();
    private volatile DeviceAuthentication authentication = devices;
    private final EmbeddedBroker broker;
    private final Path folder;

    private EmbeddedBrokerFixture() {
        try {
            folder = Files.createTempDirectory("qleven-mqtt-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new EmbeddedBroker("127.0.0.1", freePort(), folder,
                (username, password) -> authentication.authenticate(username, password));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            deleteQuietly(folder);
        }, "qleven-mqtt-test-stop"));
    }

    /** The JVM's broker, started on first use. */
    public static synchronized EmbeddedBrokerFixture shared() {
        if (shared == null) {
            shared = new EmbeddedBrokerFixture();
        }
        return shared;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String url() {
        return broker.url();
    }

    public Devices devices() {
        return devices;
    }

    public void authenticateWith(DeviceAuthentication other) {
        authentication = other;
    }

    public void resetAuthentication() {
        authentication = devices;
    }

    /** Link settings for the platform's client, with a client id of the test's own. */
    public MqttLinkSettings platformSettings(String clientId, boolean shared) {
        return new MqttLinkSettings(url(), clientId, broker.platformUsername(), broker.platformPassword(), shared,
                java.time.Duration.ofSeconds(5), MqttLinkSettings.DEFAULT_MAX_PAYLOAD);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder: the system cleans it.
        }
    }

    /** A registry of test devices: id → (center, secret). */
    public static final class Devices implements DeviceAuthentication {
        private record Entry(TenantId tenant, String secret) {
        }

        private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

        /** A new device of {@code tenant} with {@code secret}. */
        public DeviceId register(TenantId tenant, String secret) {
            DeviceId d = new DeviceId(UUID.randomUUID());
            entries.put(d.value(), new Entry(tenant, secret));
            return d;
        }

        public void revoke(DeviceId device) {
            entries.remove(device.value());
        }

        @Override
        public Optional<DeviceGrant> authenticate(String username, byte[] password) {
            UUID id;
            try {
                id = UUID.fromString(username);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            Entry e = entries.get(id);
            if (e == null || !MessageDigest.isEqual(e.secret.getBytes(StandardCharsets.UTF_8), password)) {
                return Optional.empty();
            }
            return Optional.of(new DeviceGrant(e.tenant, new DeviceId(id)));
        }
    }
}
