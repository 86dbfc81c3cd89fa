package com.qleven.adapters.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A private Mosquitto with the dynamic-security plugin, ONE per test JVM, on a free 127.0.0.1 port, in
 * a folder of its own (owned by the mosquitto user when the tests run as root: Mosquitto drops to it and
 * saves the plugin's file by a rename in that folder). Never the machine's broker. Tests call
 * {@link #shared()}, which skips them (JUnit assumption) when the broker, the plugin or mosquitto_ctrl
 * is not installed ({@code apt-get install mosquitto mosquitto-clients}).
 */
public final class MosquittoFixture {
    public static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    public static final Path PLUGIN = Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");
    public static final Path CTRL = Path.of("/usr/bin/mosquitto_ctrl");
    public static final String ADMIN = "qleven-admin";

    private static MosquittoFixture shared;

    private final int port = EmbeddedBrokerFixture.freePort();
    private final String adminPassword = UUID.randomUUID().toString();
    private final Process process;

    private MosquittoFixture() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("qleven-mosquitto-test");
        Path dynsec = dir.resolve("dynamic-security.json");
        Process init = new ProcessBuilder(CTRL.toString(), "dynsec", "init", dynsec.toString(), ADMIN, adminPassword)
                .redirectErrorStream(true).redirectOutput(dir.resolve("init.log").toFile()).start();
        if (init.waitFor() != 0) {
            throw new IllegalStateException("mosquitto_ctrl dynsec init failed: " + Files.readString(dir.resolve("init.log")));
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "per_listener_settings false",
                "allow_anonymous false",
                "listener " + port + " 127.0.0.1",
                "plugin " + PLUGIN,
                "plugin_opt_config_file " + dynsec,
                "persistence false",
                // As docs/configuration.md asks of a production Mosquitto: Nagle's algorithm off.
                "set_tcp_nodelay true",
                "log_dest stderr",
                ""));
        ownByMosquitto(dir);
        process = new ProcessBuilder(BROKER.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            EmbeddedBrokerFixture.deleteQuietly(dir);
        }, "qleven-mosquitto-test-stop"));
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IllegalStateException("mosquitto did not listen: " + Files.readString(dir.resolve("mosquitto.log")));
    }

    /** The JVM's Mosquitto; skips the calling test when Mosquitto is not installed. */
    public static synchronized MosquittoFixture shared() {
        assumeTrue(Files.isExecutable(BROKER) && Files.isReadable(PLUGIN) && Files.isExecutable(CTRL),
                "Mosquitto with its dynamic-security plugin and mosquitto_ctrl is not installed "
                        + "(apt-get install mosquitto mosquitto-clients): Mosquitto tests skipped");
        if (shared == null) {
            try {
                shared = new MosquittoFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    private static void ownByMosquitto(Path dir) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = users.lookupPrincipalByName("mosquitto");
        GroupPrincipal group = users.lookupPrincipalByGroupName("mosquitto");
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.toList();
        }
        for (Path p : paths) {
            PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
            v.setOwner(user);
            v.setGroup(group);
        }
    }
}
