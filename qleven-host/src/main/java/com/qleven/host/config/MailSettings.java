package com.qleven.host.config;

import com.qleven.adapters.smtp.SmtpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where mail goes and where its links point: the SMTP server ({@code QLEVEN_SMTP_*}; unset host
 * means mail is kept in a file under the data dir) and the public URL that links in mail start with
 * ({@code QLEVEN_PUBLIC_URL}, default {@code http://localhost:<http port>}).
 */
public record MailSettings(Optional<SmtpSettings> smtp, URI publicUrl, String from) {
    public static final String SMTP_HOST = "QLEVEN_SMTP_HOST";
    public static final String SMTP_PORT = "QLEVEN_SMTP_PORT";
    public static final String SMTP_USER = "QLEVEN_SMTP_USER";
    public static final String SMTP_PASSWORD = "QLEVEN_SMTP_PASSWORD";
    public static final String SMTP_FROM = "QLEVEN_SMTP_FROM";
    public static final String SMTP_TLS = "QLEVEN_SMTP_TLS";
    public static final String PUBLIC_URL = "QLEVEN_PUBLIC_URL";
    static final String DEFAULT_FROM = "Qleven <no-reply@localhost>";

    public MailSettings {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(from, "from");
    }

    /** Reads the variables, reporting each problem (naming its variable) to {@code problems}. */
    static MailSettings read(Map<String, String> env, Consumer<String> problems, URI defaultPublicUrl) {
        URI publicUrl = text(env, PUBLIC_URL).map(u -> publicUrl(u, problems)).orElse(defaultPublicUrl);
        Optional<String> host = text(env, SMTP_HOST);
        Optional<String> user = text(env, SMTP_USER);
        Optional<String> password = Optional.ofNullable(env.get(SMTP_PASSWORD)).filter(p -> !p.isEmpty());
        Optional<String> from = text(env, SMTP_FROM);
        Optional<String> tlsText = text(env, SMTP_TLS);
        Optional<String> portText = text(env, SMTP_PORT);
        if (host.isEmpty()) {
            for (String name : new String[] {SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_TLS}) {
                if (text(env, name).isPresent()) {
                    problems.accept(name + " is set but " + SMTP_HOST + " is not; without a host mail is kept in a file");
                }
            }
            return new MailSettings(Optional.empty(), publicUrl, from.orElse(DEFAULT_FROM));
        }
        SmtpSettings.Security security = SmtpSettings.Security.STARTTLS;
        if (tlsText.isPresent()) {
            Optional<SmtpSettings.Security> parsed = SmtpSettings.Security.parse(tlsText.get());
            if (parsed.isEmpty()) {
                problems.accept(SMTP_TLS + " must be starttls, tls or none, got '" + shorten(tlsText.get()) + "'");
            } else {
                security = parsed.get();
            }
        }
        int port = security.defaultPort();
        if (portText.isPresent()) {
            try {
                port = Integer.parseInt(portText.get());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                problems.accept(SMTP_PORT + " must be a whole number from 1 to 65535, got '" + shorten(portText.get()) + "'");
                port = security.defaultPort();
            }
        }
        if (from.isEmpty()) {
            problems.accept(SMTP_FROM + " is required when " + SMTP_HOST + " is set (the sender, such as"
                    + " Qleven <no-reply@example.com>)");
            return new MailSettings(Optional.empty(), publicUrl, DEFAULT_FROM);
        }
        if (password.isPresent() && user.isEmpty()) {
            problems.accept(SMTP_PASSWORD + " is set without " + SMTP_USER);
            return new MailSettings(Optional.empty(), publicUrl, from.get());
        }
        if (user.isPresent() && security == SmtpSettings.Security.NONE && !loopback(host.get())) {
            problems.accept(SMTP_TLS + "=none would send " + SMTP_PASSWORD + " in clear to " + host.get()
                    + "; use starttls or tls");
            return new MailSettings(Optional.empty(), publicUrl, from.get());
        }
        try {
            return new MailSettings(Optional.of(new SmtpSettings(host.get(), port, security, user, password, from.get(),
                    SmtpSettings.DEFAULT_TIMEOUT)), publicUrl, from.get());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            problems.accept((message.contains("from") ? SMTP_FROM : SMTP_HOST) + ": " + message);
            return new MailSettings(Optional.empty(), publicUrl, from.get());
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static URI publicUrl(String text, Consumer<String> problems) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.accept(PUBLIC_URL + " must be an http or https URL without query or fragment, such as"
                + " https://app.example.com, got '" + shorten(text) + "'");
        return URI.create("http://localhost");
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return "MailSettings[" + smtp.map(SmtpSettings::toString).orElse("file") + ", " + publicUrl + "]";
    }
}
