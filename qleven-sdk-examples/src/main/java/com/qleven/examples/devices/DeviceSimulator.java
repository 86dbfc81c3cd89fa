package com.qleven.examples.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A treatment machine on MQTT 3.1.1 (Paho v3), speaking the wire format of {@link DeviceTopics}, for
 * trying the platform end to end, its tests and its benchmarks.
 *
 * <p>What it does, and what callers rely on:
 * <ul>
 *   <li>Connects as its device (username and client id = the device id, password = its secret) with a
 *       persistent session and a retained QoS 1 last will {@code {"online":false}} on its status topic;
 *       on every (re)connection it publishes a retained {@code {"online":true,"firmware":…}} and
 *       subscribes to its {@code commands/+} at QoS 1, so commands sent while it was away arrive when it
 *       comes back.</li>
 *   <li>Publishes telemetry every {@link Config#telemetryEvery()} (never when zero): counters
 *       ({@code shots}, {@code pulses}, {@code lampHours}) that only grow, temperatures, and the fault
 *       codes raised with {@link #raiseFault}.</li>
 *   <li>Answers each command on {@code acks/{id}}: {@code accepted} then {@code done}, or
 *       {@code rejected} with a detail when the command has expired, is malformed, asks a lock or unlock of
 *       a machine without a lock, arms a locked machine, or has a parameter outside {@link Config#limits()}.
 *       A command seen again (same id) is never executed again: the answers already given are published
 *       again, the same.</li>
 *   <li>{@code arm} readies the machine ({@code accepted}); energy is delivered only when the operator
 *       confirms on the machine ({@link #confirmByOperator()}, or {@link Config#autoConfirm()}): the
 *       counters move then, and the arm command is then {@code done}. {@code stop} and {@code disarm}
 *       cancel an arming not yet confirmed.</li>
 * </ul>
 * Commands are handled one at a time, in arrival order, off Paho's callback thread.
 */
public final class DeviceSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMEMBERED_COMMANDS = 10_000;

    /** A parameter's accepted range, both ends included. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("min must not exceed max");
            }
        }

        boolean contains(double value) {
            return value >= min && value <= max;
        }
    }

    /** The machine's counters at a moment. */
    public record Counters(long shots, long pulses, double lampHours) {
    }

    /** One answer the machine published: the command, its status and the detail (empty when none). */
    public record Ack(DeviceCommandId command, AckStatus status, String detail) {
    }

    /**
     * How the machine behaves. {@code limits} name the numeric parameters it checks (others pass
     * through); {@code pulsesPerSession} is delivered per confirmation unless the arm command names
     * {@code pulses}; {@code start} are the counters it starts from.
     */
    public record Config(String host, int port, TenantId tenant, DeviceId device, String secret,
            String firmware, int keepAliveSeconds, Duration telemetryEvery, Map<String, Range> limits,
            boolean hasLock, boolean autoConfirm, int pulsesPerSession, Counters start) {
        public Config {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(firmware, "firmware");
            Objects.requireNonNull(telemetryEvery, "telemetryEvery");
            Objects.requireNonNull(start, "start");
            limits = Map.copyOf(limits);
            if (port < 1 || port > 65_535 || keepAliveSeconds < 1 || telemetryEvery.isNegative()
                    || pulsesPerSession < 1) {
                throw new IllegalArgumentException("port, keepalive and pulses must be positive");
            }
        }

        /** A machine with a lock, the default limits, a 10 s keepalive and telemetry every 5 s. */
        public static Config of(String host, int port, TenantId tenant, DeviceId device, String secret) {
            return new Config(host, port, tenant, device, secret, "2.1.0", 10, Duration.ofSeconds(5),
                    defaultLimits(), true, false, 10, new Counters(0, 0, 0));
        }

        public static Map<String, Range> defaultLimits() {
            return Map.of("fluence", new Range(1, 60), "pulseWidthMs", new Range(1, 400),
                    "frequencyHz", new Range(0.1, 10), "pulses", new Range(1, 1_000));
        }

        public Config withKeepAlive(int seconds) {
            return new Config(host, port, tenant, device, secret, firmware, seconds, telemetryEvery, limits,
                    hasLock, autoConfirm, pulsesPerSession, start);
        }

        public Config withTelemetryEvery(Duration every) {
            return new Config(host, port, tenant, device, secret, firmware, keepAliveSeconds, every, limits,
                    hasLock, autoConfirm, pulsesPerSession, start);
        }

        public Config withLock(boolean lock) {
            return new Config(host, port, tenant, device, secret, firmware, keepAliveSeconds, telemetryEvery,
                    limits, lock, autoConfirm, pulsesPerSession, start);
        }

        public Config withAutoConfirm(boolean confirm) {
            return new Config(host, port, tenant, device, secret, firmware, keepAliveSeconds, telemetryEvery,
                    limits, hasLock, confirm, pulsesPerSession, start);
        }

        public Config withStart(Counters counters) {
            return new Config(host, port, tenant, device, secret, firmware, keepAliveSeconds, telemetryEvery,
                    limits, hasLock, autoConfirm, pulsesPerSession, counters);
        }
    }

    private final Config config;
    private final Clock clock;
    private final MqttClient client;
    private final ExecutorService commands;
    private final ScheduledExecutorService telemetry;
    private final Object lock = new Object();
    // Guarded by lock.
    private final Map<DeviceCommandId, List<Ack>> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceCommandId, List<Ack>> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };
    private final Map<DeviceCommandId, Integer> received = new LinkedHashMap<>();
    private final List<CommandType> executed = new ArrayList<>();
    private final Set<String> faults = new LinkedHashSet<>();
    private long shots;
    private long pulses;
    private double lampHours;
    private boolean locked;
    private Map<String, Double> parameters = Map.of();
    private DeviceCommandId armedBy;
    private int armedPulses;

    public DeviceSimulator(Config config) {
        this(config, Clock.systemUTC());
    }

    public DeviceSimulator(Config config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shots = config.start().shots();
        this.pulses = config.start().pulses();
        this.lampHours = config.start().lampHours();
        try {
            this.client = new MqttClient("tcp://" + config.host() + ":" + config.port(),
                    config.device().value().toString(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("host and port must make a broker address", e);
        }
        String name = "device-" + config.device().value().toString().substring(0, 8);
        this.commands = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-commands"));
        this.telemetry = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-telemetry"));
    }

    /**
     * Connects (throwing {@link org.eclipse.paho.client.mqttv3.MqttSecurityException} with reason code 4
     * or 5 when the broker refuses the credentials), announces itself online, subscribes to its commands
     * and starts its telemetry. Reconnects by itself after a lost connection.
     */
    public void start() throws MqttException {
        client.setCallback(new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(config.device().value().toString());
        options.setPassword(config.secret().toCharArray());
        options.setCleanSession(false);
        options.setKeepAliveInterval(config.keepAliveSeconds());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000);
        options.setConnectionTimeout(10);
        options.setSocketFactory(new NoDelaySockets());
        // Paho frees an in-flight slot a moment after a blocking publish returns: with its default of
        // 10, publishing as fast as the PUBACKs come back fails with 32202 now and then.
        options.setMaxInflight(100);
        options.setWill(statusTopic(), "{\"online\":false}".getBytes(StandardCharsets.UTF_8), 1, true);
        client.connect(options);
        announce();
        long every = config.telemetryEvery().toMillis();
        if (every > 0) {
            telemetry.scheduleAtFixedRate(this::telemetryQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the connection to the broker is up now. */
    public boolean connected() {
        return client.isConnected();
    }

    /**
     * The operator presses the machine's confirm button: if it is armed and not locked, the energy is
     * delivered (the counters move) and the arm command is acknowledged {@code done}. False when there
     * was nothing to confirm.
     */
    public boolean confirmByOperator() {
        Ack done;
        synchronized (lock) {
            if (armedBy == null || locked) {
                return false;
            }
            shots += 1;
            pulses += armedPulses;
            lampHours += armedPulses * 0.001;
            done = record(new Ack(armedBy, AckStatus.DONE, ""));
            armedBy = null;
        }
        // Through the command thread, so it follows the arm's own "accepted" on the wire.
        commands.execute(() -> send(done));
        return true;
    }

    /** Adds a fault code to the telemetry until {@link #clearFault} removes it. */
    public void raiseFault(String code) {
        synchronized (lock) {
            faults.add(Objects.requireNonNull(code, "code"));
        }
    }

    public void clearFault(String code) {
        synchronized (lock) {
            faults.remove(code);
        }
    }

    /** Publishes one telemetry message now (QoS 1), whatever the schedule. */
    public void publishTelemetry() throws MqttException {
        MqttMessage message = new MqttMessage(telemetryJson().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish(DeviceTopics.telemetry(config.tenant(), config.device()), message);
    }

    public Counters counters() {
        synchronized (lock) {
            return new Counters(shots, pulses, lampHours);
        }
    }

    public boolean armed() {
        synchronized (lock) {
            return armedBy != null;
        }
    }

    public boolean locked() {
        synchronized (lock) {
            return locked;
        }
    }

    /** The parameters last accepted by {@code arm} or {@code set_parameters}. */
    public Map<String, Double> parameters() {
        synchronized (lock) {
            return parameters;
        }
    }

    /** How many times each command id arrived, in first-arrival order. */
    public Map<DeviceCommandId, Integer> received() {
        synchronized (lock) {
            return Map.copyOf(received);
        }
    }

    /** The commands executed, once each, in order (rejected and repeated ones are not). */
    public List<CommandType> executed() {
        synchronized (lock) {
            return List.copyOf(executed);
        }
    }

    /** The answers given to a command so far, in order. */
    public List<Ack> answers(DeviceCommandId command) {
        synchronized (lock) {
            return List.copyOf(answered.getOrDefault(command, List.of()));
        }
    }

    /**
     * Drops the connection the way a crash does: the socket closes without DISCONNECT, so the broker
     * publishes the last will; nothing reconnects afterwards.
     */
    public void crash() {
        stopWorkers();
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            // Already down: a crash has nothing more to do.
        }
        closeQuietly();
    }

    /** Says goodbye: publishes {@code {"online":false}} retained, disconnects and releases everything. */
    @Override
    public void close() {
        stopWorkers();
        try {
            if (client.isConnected()) {
                MqttMessage offline = new MqttMessage("{\"online\":false}".getBytes(StandardCharsets.UTF_8));
                offline.setQos(1);
                offline.setRetained(true);
                client.publish(statusTopic(), offline);
                client.disconnect(2_000);
            }
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 100, false);
            } catch (MqttException ignored) {
                // The connection is gone either way.
            }
        }
        closeQuietly();
    }

    private void stopWorkers() {
        telemetry.shutdownNow();
        commands.shutdownNow();
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException e) {
            // Closing a client already closed or never connected: nothing left to release.
        }
    }

    private void announce() throws MqttException {
        ObjectNode status = JSON.createObjectNode().put("online", true).put("firmware", config.firmware());
        MqttMessage message = new MqttMessage(status.toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(true);
        client.publish(statusTopic(), message);
        client.subscribe(DeviceTopics.prefix(config.tenant(), config.device()) + "commands/+", 1);
    }

    private String statusTopic() {
        return DeviceTopics.status(config.tenant(), config.device());
    }

    private void telemetryQuietly() {
        try {
            if (client.isConnected()) {
                MqttMessage message = new MqttMessage(telemetryJson().getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish(DeviceTopics.telemetry(config.tenant(), config.device()), message);
            }
        } catch (MqttException e) {
            // Offline for a moment: the next tick tries again, counters only grow meanwhile.
        }
    }

    String telemetryJson() {
        ObjectNode root = JSON.createObjectNode();
        synchronized (lock) {
            root.putObject("counters").put("shots", shots).put("pulses", pulses)
                    .put("lampHours", Math.round(lampHours * 1000) / 1000.0);
            double warm = armedBy != null ? 2.5 : 0;
            double jitter = Math.floorMod(clock.millis() / 1000, 10) / 10.0;
            root.putObject("temperatures").put("handpiece", 30.0 + warm + jitter).put("lamp", 38.0 + warm);
            faults.forEach(root.putArray("errorCodes")::add);
        }
        return root.toString();
    }

    private void handle(String topic, byte[] payload) {
        Optional<DeviceTopics.Parsed> parsed = DeviceTopics.parse(topic);
        if (parsed.isEmpty() || parsed.get().kind() != DeviceTopics.Kind.COMMAND
                || !parsed.get().device().equals(config.device())) {
            return;
        }
        DeviceCommandId id = parsed.get().command().orElseThrow();
        List<Ack> replies;
        synchronized (lock) {
            received.merge(id, 1, Integer::sum);
            List<Ack> before = answered.get(id);
            replies = before != null ? List.copyOf(before) : execute(id, payload);
        }
        replies.forEach(this::send);
    }

    // Called with lock held, once per command id.
    private List<Ack> execute(DeviceCommandId id, byte[] payload) {
        JsonNode command;
        try {
            command = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            return List.of(record(new Ack(id, AckStatus.REJECTED, "malformed command")));
        }
        if (command == null || !command.isObject() || !id.value().toString().equals(command.path("id").asText())) {
            return List.of(record(new Ack(id, AckStatus.REJECTED, "malformed command")));
        }
        Optional<CommandType> type = typeOf(command.path("type").asText(""));
        if (type.isEmpty()) {
            return List.of(record(new Ack(id, AckStatus.REJECTED, "unknown command type")));
        }
        JsonNode expires = command.path("expiresAt");
        if (!expires.isMissingNode() && !expires.isNull()) {
            try {
                if (!Instant.parse(expires.asText()).isAfter(clock.instant())) {
                    return List.of(record(new Ack(id, AckStatus.REJECTED, "expired")));
                }
            } catch (DateTimeParseException e) {
                return List.of(record(new Ack(id, AckStatus.REJECTED, "malformed expiresAt")));
            }
        }
        Map<String, Double> checked = new LinkedHashMap<>();
        if (type.get().takesParameters()) {
            Optional<String> problem = checkParameters(command.path("parameters"), checked);
            if (problem.isPresent()) {
                return List.of(record(new Ack(id, AckStatus.REJECTED, problem.get())));
            }
        }
        CommandType t = type.get();
        if ((t == CommandType.LOCK || t == CommandType.UNLOCK) && !config.hasLock()) {
            return List.of(record(new Ack(id, AckStatus.REJECTED, "this machine has no lock")));
        }
        if ((t == CommandType.ARM || t == CommandType.SET_PARAMETERS) && locked) {
            return List.of(record(new Ack(id, AckStatus.REJECTED, "locked")));
        }
        executed.add(t);
        Ack accepted = record(new Ack(id, AckStatus.ACCEPTED, ""));
        switch (t) {
            case ARM -> {
                parameters = Map.copyOf(checked);
                armedBy = id;
                armedPulses = checked.containsKey("pulses") ? (int) Math.round(checked.get("pulses"))
                        : config.pulsesPerSession();
                if (config.autoConfirm()) {
                    commands.execute(this::confirmByOperator);
                }
                return List.of(accepted);
            }
            case SET_PARAMETERS -> parameters = Map.copyOf(checked);
            case DISARM, STOP -> armedBy = null;
            case LOCK -> {
                locked = true;
                armedBy = null;
            }
            case UNLOCK -> locked = false;
            default -> throw new IllegalStateException("every command type is handled above");
        }
        return List.of(accepted, record(new Ack(id, AckStatus.DONE, "")));
    }

    private Optional<String> checkParameters(JsonNode given, Map<String, Double> checked) {
        if (!given.isObject()) {
            return Optional.of("parameters missing");
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
            Range range = config.limits().get(field.getKey());
            if (range == null) {
                continue;
            }
            if (!field.getValue().isNumber()) {
                return Optional.of(field.getKey() + " must be a number");
            }
            double value = field.getValue().asDouble();
            if (!range.contains(value)) {
                return Optional.of(field.getKey() + " outside " + range.min() + ".." + range.max());
            }
            checked.put(field.getKey(), value);
        }
        return Optional.empty();
    }

    private static Optional<CommandType> typeOf(String wire) {
        for (CommandType t : CommandType.values()) {
            if (t.wireName().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    // Called with lock held.
    private Ack record(Ack ack) {
        answered.computeIfAbsent(ack.command(), k -> new ArrayList<>()).add(ack);
        return ack;
    }

    private void send(Ack ack) {
        ObjectNode body = JSON.createObjectNode().put("status", ack.status().wireName());
        if (!ack.detail().isEmpty()) {
            body.put("detail", ack.detail());
        }
        MqttMessage message = new MqttMessage(body.toString().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            client.publish(DeviceTopics.ack(config.tenant(), config.device(), ack.command()), message);
        } catch (MqttException e) {
            // The platform sends the command again until it hears an answer; the repeat gets this one.
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                commands.execute(() -> {
                    try {
                        announce();
                    } catch (MqttException e) {
                        // Lost again at once: the next reconnection announces.
                    }
                });
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // Paho reconnects by itself; the broker keeps the session and its queued commands.
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            commands.execute(() -> handle(topic, payload));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishes wait for their PUBACK where it matters.
        }
    }

    /**
     * Plain sockets with Nagle's algorithm off: Paho v3 leaves it on, and a QoS 1 exchange of small
     * packets then waits on delayed TCP acknowledgements (about 40 ms per hop on Linux).
     */
    public static final class NoDelaySockets extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket(host, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
                int localPort) throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket(host, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * {@code java -cp … com.qleven.examples.devices.DeviceSimulator --host 127.0.0.1 --port 1883
     * --tenant <uuid> --device <uuid> --secret <secret> [--keepalive 10] [--telemetry-ms 5000]
     * [--firmware 2.1.0] [--no-lock] [--auto-confirm] [--shots N]}. Runs until killed; press Enter to
     * confirm an armed treatment as the operator.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (key.equals("--no-lock") || key.equals("--auto-confirm")) {
                a.put(key, "true");
            } else if (key.startsWith("--") && i + 1 < args.length) {
                a.put(key, args[++i]);
            } else {
                usage("unexpected argument " + key);
            }
        }
        for (String required : List.of("--host", "--port", "--tenant", "--device", "--secret")) {
            if (!a.containsKey(required)) {
                usage("missing " + required);
            }
        }
        Config config = Config.of(a.get("--host"), Integer.parseInt(a.get("--port")),
                        new TenantId(UUID.fromString(a.get("--tenant"))),
                        new DeviceId(UUID.fromString(a.get("--device"))), a.get("--secret"))
                .withKeepAlive(Integer.parseInt(a.getOrDefault("--keepalive", "10")))
                .withTelemetryEvery(Duration.ofMillis(Long.parseLong(a.getOrDefault("--telemetry-ms", "5000"))))
                .withLock(!a.containsKey("--no-lock"))
                .withAutoConfirm(a.containsKey("--auto-confirm"))
                .withStart(new Counters(Long.parseLong(a.getOrDefault("--shots", "0")), 0, 0));
        if (a.containsKey("--firmware")) {
            config = new Config(config.host(), config.port(), config.tenant(), config.device(), config.secret(),
                    a.get("--firmware"), config.keepAliveSeconds(), config.telemetryEvery(), config.limits(),
                    config.hasLock(), config.autoConfirm(), config.pulsesPerSession(), config.start());
        }
        DeviceSimulator simulator = new DeviceSimulator(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        simulator.start();
        System.out.println("device " + config.device().value() + " online at " + config.host() + ":"
                + config.port() + "; Enter confirms an armed treatment");
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            String line = in.readLine();
            if (line == null) {
                Thread.sleep(Long.MAX_VALUE);
            }
            System.out.println(simulator.confirmByOperator() ? "delivered: " + simulator.counters()
                    : "nothing armed");
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: DeviceSimulator --host H --port P --tenant UUID --device UUID"
                + " --secret S [--keepalive s] [--telemetry-ms ms] [--firmware v] [--no-lock] [--auto-confirm]"
                + " [--shots n]");
        System.exit(2);
    }
}
