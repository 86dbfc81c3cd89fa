package com.qleven.host.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How the host reaches Meta's WhatsApp Cloud API and checks what Meta sends it:
 * {@code QLEVEN_WHATSAPP_GRAPH_URL} (Meta's Graph API unless set: the fake Graph API in tests and
 * demos), {@code QLEVEN_WHATSAPP_API_VERSION} ({@code v23.0}), {@code QLEVEN_META_APP_ID} and
 * {@code QLEVEN_WHATSAPP_APP_SECRET} (Qleven's Meta app: Embedded Signup's code exchange and the
 * signature of every webhook), and {@code QLEVEN_WHATSAPP_VERIFY_TOKEN} (what Meta's webhook
 * handshake must present). Without an app secret no webhook is accepted; without a verify token no
 * handshake is answered. The secrets never appear in {@link #toString()}.
 */
public record WhatsAppSettings(URI graphUrl, String apiVersion, Optional<String> appId, Optional<String> appSecret,
                               Optional<String> verifyToken) {
    public static final String GRAPH_URL = "QLEVEN_WHATSAPP_GRAPH_URL";
    public static final String API_VERSION = "QLEVEN_WHATSAPP_API_VERSION";
    public static final String APP_ID = "QLEVEN_META_APP_ID";
    public static final String APP_SECRET = "QLEVEN_WHATSAPP_APP_SECRET";
    public static final String VERIFY_TOKEN = "QLEVEN_WHATSAPP_VERIFY_TOKEN";
    public static final URI META = URI.create("https://graph.facebook.com");
    public static final String DEFAULT_API_VERSION = "v23.0";
    private static final Pattern VERSION = Pattern.compile("^v[0-9]{1,3}\\.[0-9]$");
    private static final Pattern APP_ID_FORM = Pattern.compile("^[0-9]{1,32}$");
    private static final Pattern PRINTABLE = Pattern.compile("^[\\x21-\\x7e]{8,256}$");

    public WhatsAppSettings {
        Objects.requireNonNull(graphUrl, "graphUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
    }

    /** Meta's API, no app: what a host with nothing set has. */
    public static WhatsAppSettings defaults() {
        return new WhatsAppSettings(META, DEFAULT_API_VERSION, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the variables, reporting each problem (naming its variable) to {@code problems}. */
    static WhatsAppSettings read(Map<String, String> env, Consumer<String> problems) {
        URI graph = META;
        Optional<String> url = text(env, GRAPH_URL);
        if (url.isPresent()) {
            try {
                URI u = new URI(url.get());
                if (!u.isAbsolute() || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                        || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null
                        || u.getRawUserInfo() != null) {
                    problems.accept(GRAPH_URL + " must be an http(s) URL without credentials, query or fragment");
                } else {
                    graph = u;
                }
            } catch (URISyntaxException e) {
                problems.accept(GRAPH_URL + " must be an http(s) URL without credentials, query or fragment");
            }
        }
        String version = text(env, API_VERSION).orElse(DEFAULT_API_VERSION);
        if (!VERSION.matcher(version).matches()) {
            problems.accept(API_VERSION + " must look like v23.0");
            version = DEFAULT_API_VERSION;
        }
        Optional<String> appId = text(env, APP_ID);
        if (appId.isPresent() && !APP_ID_FORM.matcher(appId.get()).matches()) {
            problems.accept(APP_ID + " must be Meta's numeric app id");
        }
        Optional<String> secret = Optional.ofNullable(env.get(APP_SECRET)).filter(s -> !s.isEmpty());
        if (secret.isPresent() && !PRINTABLE.matcher(secret.get()).matches()) {
            problems.accept(APP_SECRET + " must be 8 to 256 printable characters without spaces");
        }
        Optional<String> verify = Optional.ofNullable(env.get(VERIFY_TOKEN)).filter(s -> !s.isEmpty());
        if (verify.isPresent() && !PRINTABLE.matcher(verify.get()).matches()) {
            problems.accept(VERIFY_TOKEN + " must be 8 to 256 printable characters without spaces");
        }
        return new WhatsAppSettings(graph, version, appId, secret, verify);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public String toString() {
        return "WhatsAppSettings[graphUrl=" + graphUrl + ", apiVersion=" + apiVersion + ", appId=" + appId.orElse("-")
                + ", appSecret=" + (appSecret.isPresent() ? "***" : "-") + ", verifyToken="
                + (verifyToken.isPresent() ? "***" : "-") + "]";
    }
}
