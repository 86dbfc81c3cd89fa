package com.qleven.adapters.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.ManagedExtensionExecutorService;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.BrokerProvisioning;
import com.qleven.ports.devices.in.DeviceAuthentication;
import com.qleven.ports.devices.in.DeviceGrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single-box broker: HiveMQ Community Edition embedded (see mqtt-facts.md), listening on one TCP
 * address (default {@code 127.0.0.1}), its persistent sessions, queued QoS 1 messages and retained
 * status kept under {@code <dataDir>/mqtt}.
 * <ul>
 *   <li>The configuration is generated ({@code <dataDir>/mqtt/conf/config.xml}): one TCP listener on the
 *       given address and port, anonymous usage statistics off. Without it HiveMQ would listen on
 *       0.0.0.0:1883.</li>
 *   <li>HiveMQ's logging bootstrap is skipped: the host's logback configuration stays in charge.</li>
 *   <li>An embedded extension authenticates every CONNECT. A device (username and client id its
 *       DeviceId) is checked through {@link DeviceAuthentication} and allowed to publish and subscribe
 *       under its own prefix only ({@link DeviceGrant#topicFilter()}), everything else denied: a foreign
 *       subscription gets SUBACK 0x80 and a foreign publish closes the connection. The platform's own
 *       client gets a random credential generated at each start ({@link #platformUsername()},
 *       {@link #platformPassword()}), with access to {@code qleven/#} and shared subscriptions on it.
 *       Anything else, no credentials included, is refused (CONNACK 4; 3 when the registry is down).</li>
 *   <li>A taken port fails {@link #start} with a {@link PortTakenException} before HiveMQ starts.</li>
 *   <li>Each client's queue of QoS 1 messages holds up to {@value #MAX_QUEUED_MESSAGES} (HiveMQ's
 *       default is 1,000), kept on disk with the sessions; past it, new messages are discarded.</li>
 * </ul>
 * Caveat: each start extracts RocksDB's native library (about 13 MB) into {@code java.io.tmpdir}, which
 * must allow exec; a JVM killed with -9 leaves it there. Point {@code -Djava.io.tmpdir} at a folder the
 * host owns and cleans when that matters. {@link #close} must run on shutdown (HiveMQ installs no hook).
 * <p>
 * Still at risk: telemetry and statuses beyond {@value #MAX_QUEUED_MESSAGES} queued for the platform's
 * client (a burst larger than that while it is slow or disconnected) are discarded, newest first, and
 * counted nowhere but in HiveMQ's own metrics; QoS 0 messages are never queued; a queue lives on this
 * box only, so a lost disk loses it. Commands are not at risk: they stay in the platform's outbox until
 * acked or expired. A site with sustained bursts that large runs a broker of its own (Mosquitto).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedBroker.class.getName());
    public static final String PLATFORM_USERNAME = "qleven-platform";
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);
    /**
     * QoS 1 messages HiveMQ queues per client (its default is 1,000, which lost about 92% of a 20,000
     * message burst from one publisher while the platform's client drained it). HiveMQ CE sets it for
     * every client alike; a device's queue holds its commands, which the outbox bounds.
     */
    static final long MAX_QUEUED_MESSAGES = 100_000;

    /** The port is already in use on that address. */
    public static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortTakenException(String bind, int port, IOException cause) {
            super("MQTT port " + port + " on " + bind + " is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    private final String bind;
    private final int port;
    private final Path folder;
    private final DeviceAuthentication devices;
    private final String platformPassword;
    private EmbeddedHiveMQ hivemq;
    // Taken from HiveMQ's Services when the extension starts: the statics belong to the instance
    // starting then (a test JVM may run two brokers).
    private volatile ClientService clients;
    private volatile ManagedExtensionExecutorService executor;

    /**
     * @param bind    the address to listen on (127.0.0.1 keeps devices on the same machine or a tunnel)
     * @param port    the TCP port
     * @param folder  the broker's own folder (e.g. {@code <dataDir>/mqtt}): conf, data, extensions below
     * @param devices how a device's credentials are checked
     */
    public EmbeddedBroker(String bind, int port, Path folder, DeviceAuthentication devices) {
        this.bind = Objects.requireNonNull(bind, "bind");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        this.port = port;
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.devices = Objects.requireNonNull(devices, "devices");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.platformPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Starts the broker and waits until it listens; fails with {@link PortTakenException} when the port is taken. */
    public synchronized void start() {
        if (hivemq != null) {
            throw new IllegalStateException("the broker is already started");
        }
        checkPortFree();
        Path conf = folder.resolve("conf");
        Path data = folder.resolve("data");
        Path extensions = folder.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(conf.resolve("config.xml"), config(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the MQTT broker's folder " + folder, e);
        }
        EmbeddedExtension extension = EmbeddedExtension.builder()
                .withId("qleven-auth")
                .withName("Qleven device authentication")
                .withVersion("1")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AuthExtension())
                .build();
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withEmbeddedExtension(extension)
                .withoutLoggingBootstrap()
                .build();
        try {
            broker.start().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(broker);
            throw new IllegalStateException("interrupted while the MQTT broker started", e);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(broker);
            throw new IllegalStateException("the MQTT broker did not start: " + e.getMessage(), e);
        }
        hivemq = broker;
        LOG.log(Level.INFO, "embedded MQTT broker (HiveMQ CE) listening on {0}:{1}", bind, String.valueOf(port));
    }

    /** The URL the platform's link connects to. */
    public String url() {
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind.equals("::") ? "[::1]" : bind;
        return "tcp://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    public int port() {
        return port;
    }

    public String platformUsername() {
        return PLATFORM_USERNAME;
    }

    /** A random credential made at construction, valid for this broker's lifetime only. */
    public String platformPassword() {
        return platformPassword;
    }

    public synchronized boolean running() {
        return hivemq != null;
    }

    /**
     * This broker's {@link BrokerProvisioning}: it asks the registry itself on every CONNECT, so there
     * is no account to keep; but a session opened with credentials that no longer hold must end. A
     * rotation (provision) or a revocation disconnects the device's session, if any: the device
     * reconnects with its new secret, or is refused.
     */
    public BrokerProvisioning provisioning() {
        return new BrokerProvisioning() {
            @Override
            public void provision(TenantId tenant, DeviceId device, String secret) {
                disconnect(device);
            }

            @Override
            public void revoke(TenantId tenant, DeviceId device) {
                disconnect(device);
            }
        };
    }

    private void disconnect(DeviceId device) {
        ClientService c = clients;
        if (c == null || !running()) {
            return;
        }
        try {
            c.disconnectClient(device.value().toString()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not end device {0}''s MQTT session: {1}", device,
                    e.getClass().getSimpleName());
        }
    }

    /** Stops the broker (about 4 s: HiveMQ's grace period) and releases its folder. */
    @Override
    public synchronized void close() {
        if (hivemq == null) {
            return;
        }
        EmbeddedHiveMQ broker = hivemq;
        hivemq = null;
        try {
            broker.stop().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "the MQTT broker did not stop cleanly: {0}", e.getMessage());
        }
        closeQuietly(broker);
    }

    private static void closeQuietly(EmbeddedHiveMQ broker) {
        try {
            broker.close();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "closing the MQTT broker: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkPortFree() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (IOException e) {
            throw new PortTakenException(bind, port, e);
        }
    }

    /** The generated {@code config.xml}. */
    String config() {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, xml(bind), MAX_QUEUED_MESSAGES);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private final class AuthExtension implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
            clients = Services.clientService();
            executor = Services.extensionExecutorService();
            Services.securityRegistry().setAuthenticatorProvider(i -> new Authenticator());
        }

        @Override
        public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
            // Nothing held.
        }
    }

    private final class Authenticator implements SimpleAuthenticator {
        @Override
        public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
            Optional<String> username = input.getConnectPacket().getUserName();
            Optional<ByteBuffer> password = input.getConnectPacket().getPassword();
            String clientId = input.getConnectPacket().getClientId();
            if (username.isEmpty() || password.isEmpty()) {
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
                return;
            }
            byte[] pw = new byte[password.get().remaining()];
            password.get().duplicate().get(pw);
            if (PLATFORM_USERNAME.equals(username.get())) {
                boolean ok = MessageDigest.isEqual(pw, platformPassword.getBytes(StandardCharsets.UTF_8));
                if (!ok) {
                    output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
                    return;
                }
                ModifiableDefaultPermissions p = output.getDefaultPermissions();
                p.add(Builders.topicPermission().topicFilter(DeviceTopics.ROOT + "/#")
                        .type(TopicPermission.PermissionType.ALLOW)
                        .sharedSubscription(TopicPermission.SharedSubscription.ALL).build());
                p.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                output.authenticateSuccessfully();
                return;
            }
            // A device: its client id is its username (so no one takes over another device's session).
            if (!username.get().equals(clientId)) {
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
                return;
            }
            // The registry may query the database: off HiveMQ's network threads.
            Async<SimpleAuthOutput> async = output.async(AUTH_TIMEOUT, TimeoutFallback.FAILURE,
                    ConnackReasonCode.SERVER_UNAVAILABLE);
            executor.submit(() -> {
                try {
                    Optional<DeviceGrant> grant = devices.authenticate(username.get(), pw);
                    if (grant.isEmpty()) {
                        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
                    } else {
                        ModifiableDefaultPermissions p = output.getDefaultPermissions();
                        p.add(Builders.topicPermission().topicFilter(grant.get().topicFilter())
                                .type(TopicPermission.PermissionType.ALLOW)
                                .sharedSubscription(TopicPermission.SharedSubscription.NOT_SHARED).build());
                        p.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                        output.authenticateSuccessfully();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "device authentication failed ({0}): refusing the connection",
                            e.getClass().getSimpleName());
                    output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE);
                } finally {
                    async.resume();
                }
            });
        }
    }
}
