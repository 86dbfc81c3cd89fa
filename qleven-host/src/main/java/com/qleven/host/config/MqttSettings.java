package com.qleven.host.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the host reaches its machines over MQTT (issue 13):
 * <ul>
 *   <li>{@code QLEVEN_MQTT_URL}: unset, the host runs its own broker (HiveMQ CE embedded) on
 *       {@code QLEVEN_MQTT_BIND} ({@code 127.0.0.1}) : {@code QLEVEN_MQTT_PORT} ({@code 1884}), its data
 *       under {@code <dataDir>/mqtt}, devices checked against the registry; {@code tcp://host:port} or
 *       {@code ssl://host:port}, an external broker the host connects to with {@code QLEVEN_MQTT_USER}
 *       and {@code QLEVEN_MQTT_PASSWORD}; {@code off}, no MQTT at all (commands wait in the outbox).</li>
 *   <li>{@code QLEVEN_MQTT_SHARED} ({@code true}): subscribe through shared subscriptions, so hosts
 *       side by side split the devices' traffic.</li>
 *   <li>{@code QLEVEN_MQTT_PROVISIONING}: {@code mosquitto-dynsec} keeps an external Mosquitto's
 *       dynamic-security clients in step with the registry, using the user and password above as its
 *       admin; {@code none} (the default) leaves provisioning devices in an external broker to the
 *       operator.</li>
 * </ul>
 * The password never appears in {@link #toString()}.
 */
public record MqttSettings(Mode mode, Optional<URI> url, Optional<String> user, Optional<String> password,
                           String bind, int port, boolean shared, Provisioning provisioning) {
    public static final String URL = "QLEVEN_MQTT_URL";
    public static final String USER = "QLEVEN_MQTT_USER";
    public static final String PASSWORD = "QLEVEN_MQTT_PASSWORD";
    public static final String PORT = "QLEVEN_MQTT_PORT";
    public static final String BIND = "QLEVEN_MQTT_BIND";
    public static final String SHARED = "QLEVEN_MQTT_SHARED";
    public static final String PROVISIONING = "QLEVEN_MQTT_PROVISIONING";
    public static final int DEFAULT_PORT = 1884;
    public static final String DEFAULT_BIND = "127.0.0.1";
    private static final Pattern BIND_ADDRESS = Pattern.compile("^[A-Za-z0-9.:%-]{1,255}$");

    /** Which broker: the host's own, an external one, or none. */
    public enum Mode {
        EMBEDDED,
        EXTERNAL,
        OFF
    }

    /** How devices are provisioned in an external broker. */
    public enum Provisioning {
        NONE,
        MOSQUITTO_DYNSEC
    }

    public MqttSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(provisioning, "provisioning");
    }

    /** Reads the variables; every wrong one is named in one {@link ConfigException}. */
    public static MqttSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Mode mode = Mode.EMBEDDED;
        Optional<URI> url = Optional.empty();
        Optional<String> rawUrl = text(env, URL);
        if (rawUrl.isPresent() && rawUrl.get().equalsIgnoreCase("off")) {
            mode = Mode.OFF;
        } else if (rawUrl.isPresent()) {
            mode = Mode.EXTERNAL;
            try {
                URI u = new URI(rawUrl.get());
                if (!("tcp".equals(u.getScheme()) || "ssl".equals(u.getScheme())) || u.getHost() == null
                        || u.getPort() < 1 || u.getRawUserInfo() != null || u.getRawQuery() != null
                        || !(u.getRawPath() == null || u.getRawPath().isEmpty())) {
                    problems.add(URL + " must be tcp://host:port or ssl://host:port (credentials in " + USER
                            + " and " + PASSWORD + "), or off");
                } else {
                    url = Optional.of(u);
                }
            } catch (URISyntaxException e) {
                problems.add(URL + " must be tcp://host:port or ssl://host:port, or off");
            }
        }
        Optional<String> user = text(env, USER);
        Optional<String> password = Optional.ofNullable(env.get(PASSWORD)).filter(s -> !s.isEmpty());
        if (mode == Mode.EXTERNAL && user.isPresent() != password.isPresent()) {
            problems.add(USER + " and " + PASSWORD + " go together");
        }
        int port = DEFAULT_PORT;
        Optional<String> rawPort = text(env, PORT);
        if (rawPort.isPresent()) {
            try {
                port = Integer.parseInt(rawPort.get());
                if (port < 1 || port > 65535) {
                    problems.add(PORT + " must be a port from 1 to 65535");
                }
            } catch (NumberFormatException e) {
                problems.add(PORT + " must be a port from 1 to 65535");
            }
        }
        String bind = text(env, BIND).orElse(DEFAULT_BIND);
        if (!BIND_ADDRESS.matcher(bind).matches()) {
            problems.add(BIND + " must be an IP address or host name");
        }
        boolean shared = true;
        Optional<String> rawShared = text(env, SHARED);
        if (rawShared.isPresent()) {
            switch (rawShared.get().toLowerCase(Locale.ROOT)) {
                case "true" -> shared = true;
                case "false" -> shared = false;
                default -> problems.add(SHARED + " must be true or false");
            }
        }
        Provisioning provisioning = Provisioning.NONE;
        Optional<String> rawProvisioning = text(env, PROVISIONING);
        if (rawProvisioning.isPresent()) {
            switch (rawProvisioning.get().toLowerCase(Locale.ROOT)) {
                case "none" -> provisioning = Provisioning.NONE;
                case "mosquitto-dynsec" -> provisioning = Provisioning.MOSQUITTO_DYNSEC;
                default -> problems.add(PROVISIONING + " must be none or mosquitto-dynsec");
            }
        }
        if (provisioning == Provisioning.MOSQUITTO_DYNSEC && (mode != Mode.EXTERNAL || user.isEmpty())) {
            problems.add(PROVISIONING + "=mosquitto-dynsec needs " + URL + " and the dynsec admin in " + USER
                    + " and " + PASSWORD);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new MqttSettings(mode, url, user, password, bind, port, shared, provisioning);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "MqttSettings[mode=" + mode + ", url=" + url.map(URI::toString).orElse("-") + ", user="
                + user.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + ", bind=" + bind
                + ", port=" + port + ", shared=" + shared + ", provisioning=" + provisioning + "]";
    }
}
