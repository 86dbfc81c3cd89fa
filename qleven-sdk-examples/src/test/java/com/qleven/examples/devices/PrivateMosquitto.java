package com.qleven.examples.devices;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port (never the machine's broker), with a password
 * file and an ACL that lets each device only under {@code qleven/{tenant}/devices/{device}/#}, and one
 * {@code platform} user that may read and write everything under {@code qleven/}. Absent when the
 * {@code mosquitto} binary is not installed ({@link #available()}).
 */
final class PrivateMosquitto implements AutoCloseable {
    static final String BINARY = "/usr/sbin/mosquitto";
    static final String PLATFORM = "platform";
    static final String PLATFORM_SECRET = "platform-secret";

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateMosquitto(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of("/usr/bin/mosquitto_passwd"));
    }

    /** Starts it with these devices: each entry is "tenant/device" → secret. */
    static PrivateMosquitto start(Map<String, String> devices) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("qleven-mosquitto");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        Path passwords = dir.resolve("passwords");
        Path acl = dir.resolve("acl");
        StringBuilder rules = new StringBuilder();
        rules.append("user ").append(PLATFORM).append("\ntopic readwrite qleven/#\n\n");
        List<String[]> users = new ArrayList<>();
        users.add(new String[] {PLATFORM, PLATFORM_SECRET});
        devices.forEach((key, secret) -> {
            String[] td = key.split("/");
            users.add(new String[] {td[1], secret});
            rules.append("user ").append(td[1]).append("\ntopic readwrite qleven/").append(td[0])
                    .append("/devices/").append(td[1]).append("/#\n\n");
        });
        StringBuilder plain = new StringBuilder();
        for (String[] u : users) {
            plain.append(u[0]).append(':').append(u[1]).append('\n');
        }
        Files.writeString(passwords, plain.toString());
        // Hashes every line in place, in one run (one run per user is slow for a thousand devices).
        run("/usr/bin/mosquitto_passwd", "-U", passwords.toString());
        Files.writeString(acl, rules.toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "per_listener_settings false",
                "allow_anonymous false",
                "listener " + port + " 127.0.0.1",
                "password_file " + passwords,
                "acl_file " + acl,
                "persistence false",
                // Mosquitto leaves Nagle's algorithm on by default: ~40 ms more per QoS 1 exchange.
                "set_tcp_nodelay true",
                "log_dest stderr",
                ""));
        for (Path p : List.of(passwords, acl, conf)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Process process = new ProcessBuilder(BINARY, "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new PrivateMosquitto(dir, port, process);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("log")));
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("mosquitto did not listen within 10 s");
    }

    int port() {
        return port;
    }

    /** The broker's process id (for a benchmark's resource figures). */
    long pid() {
        return process.pid();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
