package com.qleven.adapters.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server: host, port, how the connection is protected, the optional login,
 * the sender, and the timeout of each network step. The constructor fails listing every problem;
 * {@link #toString()} never shows the password.
 *
 * @param from the sender, {@code no-reply@example.com} or {@code Qleven <no-reply@example.com>}
 */
public record SmtpSettings(String host, int port, Security security, Optional<String> user, Optional<String> password,
                           String from, Duration timeout) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which is required: a server without it is refused. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS). */
        TLS(465),
        /** No encryption: only for a relay on the same machine or a test server. */
        NONE(25);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code starttls}, {@code tls} or {@code none}. */
        public static Optional<Security> parse(String text) {
            for (Security s : values()) {
                if (s.wireName().equals(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public SmtpSettings {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank() || !host.matches("^[A-Za-z0-9.:\\[\\]-]{1,255}$")) {
            problems.add("host must be a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            problems.add("port must be from 1 to 65535");
        }
        if (password.isPresent() && user.isEmpty()) {
            problems.add("a password needs a user");
        }
        if (user.isPresent() && security == Security.NONE && !isLoopback(host)) {
            problems.add("a login over an unencrypted connection would send the password in clear; use starttls or tls");
        }
        if (from == null || from.isBlank()) {
            problems.add("from is required");
        } else {
            try {
                new InternetAddress(from, true).validate();
            } catch (AddressException e) {
                problems.add("from must be an email address such as no-reply@example.com or Qleven <no-reply@example.com>");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add("timeout must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A server on this machine, where an unencrypted login never crosses a network. */
    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]"));
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.wireName() + user.map(u -> ", user=" + u).orElse("")
                + ", password=" + (password.isPresent() ? "***" : "none") + "]";
    }
}
