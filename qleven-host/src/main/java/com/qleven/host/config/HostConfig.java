package com.qleven.host.config;

import com.qleven.adapters.crypto.Argon2Parameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host's settings, read from {@code QLEVEN_*} environment variables with safe defaults. Parsing
 * checks everything before anything starts and names each wrong variable, so a typo stops the host
 * at once instead of surfacing later as a strange failure.
 *
 * @param httpPort the plain HTTP listener's port; 0 picks a free one (tests); {@link #HTTP_OFF} for none
 *     (only with TLS). With TLS configured the plain listener only redirects to HTTPS.
 * @param dataDir absolute; holds the embedded database and the default master key file
 * @param database an external PostgreSQL; empty means the embedded one under {@code dataDir}
 * @param masterKeyFile an existing key file; empty means {@code dataDir/master.key}, created when absent
 * @param corsOrigins exact origins ({@code scheme://host[:port]}, lower case) allowed to call the API from a browser
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client
 * @param managementPort the management listener's port ({@code /metrics}, {@code /health/*}); 0 picks a free one
 * @param managementBind the management listener's address, loopback unless told otherwise
 * @param whatsApp Meta's Graph API, Qleven's app and the webhook's verify token
 */
public record HostConfig(int httpPort, String bind, Path dataDir, Optional<ExternalDatabase> database,
                         Optional<String> databaseAppUser, Optional<String> databaseAppPassword,
                         int databasePoolSize, Optional<Path> masterKeyFile, Optional<Tls> tls,
                         Optional<String> trustedCountryHeader, List<String> corsOrigins, Argon2Parameters argon2,
                         MailSettings mail, TrustedProxies trustedProxies, int managementPort,
                         String managementBind, WhatsAppSettings whatsApp) {

    public static final String HTTP_PORT = "QLEVEN_HTTP_PORT";
    public static final String HTTPS_PORT = "QLEVEN_HTTPS_PORT";
    public static final String BIND = "QLEVEN_BIND";
    public static final String DATA_DIR = "QLEVEN_DATA_DIR";
    public static final String DATABASE_URL = "QLEVEN_DATABASE_URL";
    public static final String DATABASE_USER = "QLEVEN_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "QLEVEN_DATABASE_PASSWORD";
    public static final String DATABASE_APP_USER = "QLEVEN_DATABASE_APP_USER";
    public static final String DATABASE_APP_PASSWORD = "QLEVEN_DATABASE_APP_PASSWORD";
    public static final String DATABASE_POOL_SIZE = "QLEVEN_DATABASE_POOL_SIZE";
    public static final String MASTER_KEY_FILE = "QLEVEN_MASTER_KEY_FILE";
    public static final String TLS_CERT = "QLEVEN_TLS_CERT";
    public static final String TLS_KEY = "QLEVEN_TLS_KEY";
    public static final String TRUSTED_COUNTRY_HEADER = "QLEVEN_TRUSTED_COUNTRY_HEADER";
    public static final String CORS_ORIGINS = "QLEVEN_CORS_ORIGINS";
    public static final String ARGON2_MEMORY_KIB = "QLEVEN_ARGON2_MEMORY_KIB";
    public static final String ARGON2_ITERATIONS = "QLEVEN_ARGON2_ITERATIONS";
    public static final String ARGON2_UNSAFE_FOR_TESTS = "QLEVEN_ARGON2_UNSAFE_FOR_TESTS";
    public static final String TRUSTED_PROXIES = "QLEVEN_TRUSTED_PROXIES";
    public static final String MANAGEMENT_PORT = "QLEVEN_MANAGEMENT_PORT";
    public static final String MANAGEMENT_BIND = "QLEVEN_MANAGEMENT_BIND";
    /** {@code QLEVEN_HTTP_PORT=off}: no plain HTTP listener at all. */
    public static final int HTTP_OFF = -1;

    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_HTTPS_PORT = 8443;
    static final int DEFAULT_POOL_SIZE = 10;
    static final int DEFAULT_MANAGEMENT_PORT = 9090;
    // Beyond these a configuration is a mistake, not a choice: every worker thread may hash at once.
    static final int MAX_ARGON2_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ARGON2_ITERATIONS = 64;

    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9-]{1,64}$");
    private static final Pattern BIND_ADDRESS = Pattern.compile("^[A-Za-z0-9.:%\\[\\]-]{1,255}$");
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("[?&](user|password)=", Pattern.CASE_INSENSITIVE);

    /** An external PostgreSQL: the owner's credentials run the migrations. */
    public record ExternalDatabase(String jdbcUrl, String user, String password) {
        public ExternalDatabase {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** Host, port and database of the URL, without parameters, for the start-up line. */
        public String location() {
            String rest = jdbcUrl.substring("jdbc:postgresql:".length());
            int query = rest.indexOf('?');
            if (query >= 0) {
                rest = rest.substring(0, query);
            }
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
                int at = rest.indexOf('@');
                return at >= 0 ? rest.substring(at + 1) : rest;
            }
            return "localhost/" + rest;
        }

        @Override
        public String toString() {
            return "ExternalDatabase[" + location() + ", user=" + user + ", password=***]";
        }
    }

    /** A certificate chain and its private key (PEM files), served on {@code httpsPort}. */
    public record Tls(Path certificate, Path privateKey, int httpsPort) {
        public Tls {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    public HostConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(databaseAppUser, "databaseAppUser");
        Objects.requireNonNull(databaseAppPassword, "databaseAppPassword");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(trustedCountryHeader, "trustedCountryHeader");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(argon2, "argon2");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(managementBind, "managementBind");
        Objects.requireNonNull(whatsApp, "whatsApp");
    }

    /** Reads every variable, collecting all problems before failing. */
    public static HostConfig fromEnvironment(Map<String, String> env) {
        Reader r = new Reader(env);
        boolean httpOff = r.text(HTTP_PORT).filter(v -> v.equalsIgnoreCase("off")).isPresent();
        int httpPort = httpOff ? HTTP_OFF : r.port(HTTP_PORT, DEFAULT_HTTP_PORT);
        String bind = r.text(BIND).orElse("0.0.0.0");
        if (!BIND_ADDRESS.matcher(bind).matches()) {
            r.problem(BIND + " must be an IP address or host name, got '" + bind + "'");
        }
        int managementPort = r.port(MANAGEMENT_PORT, DEFAULT_MANAGEMENT_PORT);
        String managementBind = r.text(MANAGEMENT_BIND).orElse("127.0.0.1");
        if (!BIND_ADDRESS.matcher(managementBind).matches()) {
            r.problem(MANAGEMENT_BIND + " must be an IP address or host name, got '" + managementBind + "'");
        }
        if (managementPort != 0 && managementPort == httpPort) {
            r.problem(MANAGEMENT_PORT + " and " + HTTP_PORT + " must differ, both are " + httpPort);
        }
        TrustedProxies proxies = r.text(TRUSTED_PROXIES).map(v -> TrustedProxies.parse(v, r::problem))
                .orElse(TrustedProxies.NONE);
        Path dataDir = r.path(DATA_DIR).orElse(Path.of("qleven-data")).toAbsolutePath().normalize();

        Optional<ExternalDatabase> database = Optional.empty();
        Optional<String> url = r.text(DATABASE_URL);
        Optional<String> user = r.text(DATABASE_USER);
        Optional<String> password = Optional.ofNullable(env.get(DATABASE_PASSWORD));
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql:")) {
                r.problem(DATABASE_URL + " must start with jdbc:postgresql:");
            } else if (CREDENTIALS_IN_URL.matcher(url.get()).find()) {
                r.problem(DATABASE_URL + " must not carry user or password parameters; set "
                        + DATABASE_USER + " and " + DATABASE_PASSWORD + " instead");
            } else if (user.isEmpty()) {
                r.problem(DATABASE_USER + " is required when " + DATABASE_URL + " is set");
            } else {
                database = Optional.of(new ExternalDatabase(url.get(), user.get(), password.orElse("")));
            }
        } else if (user.isPresent() || password.isPresent()) {
            r.problem((user.isPresent() ? DATABASE_USER : DATABASE_PASSWORD) + " is set but " + DATABASE_URL
                    + " is not; the embedded database needs neither");
        }
        Optional<String> appUser = r.text(DATABASE_APP_USER);
        Optional<String> appPassword = Optional.ofNullable(env.get(DATABASE_APP_PASSWORD));
        if (appPassword.isPresent() && appUser.isEmpty()) {
            r.problem(DATABASE_APP_PASSWORD + " is set without " + DATABASE_APP_USER);
        }
        if (appUser.isPresent() && user.isPresent() && appUser.get().equalsIgnoreCase(user.get())) {
            r.problem(DATABASE_APP_USER + " must be a role other than " + DATABASE_USER
                    + ", or row-level security does not hold");
        }
        int poolSize = r.integer(DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, 1, 200);

        Optional<Path> masterKey = r.path(MASTER_KEY_FILE).map(p -> p.toAbsolutePath().normalize());
        masterKey.ifPresent(p -> r.readable(MASTER_KEY_FILE, p));

        Optional<Tls> tls = Optional.empty();
        Optional<Path> cert = r.path(TLS_CERT).map(p -> p.toAbsolutePath().normalize());
        Optional<Path> key = r.path(TLS_KEY).map(p -> p.toAbsolutePath().normalize());
        Optional<String> httpsPortText = r.text(HTTPS_PORT);
        if (cert.isPresent() != key.isPresent()) {
            r.problem(TLS_CERT + " and " + TLS_KEY + " must be set together (" + (cert.isPresent() ? TLS_KEY : TLS_CERT)
                    + " is missing)");
        } else if (cert.isPresent()) {
            r.readable(TLS_CERT, cert.get());
            r.readable(TLS_KEY, key.get());
            int httpsPort = r.port(HTTPS_PORT, DEFAULT_HTTPS_PORT);
            if (httpsPort != 0 && httpsPort == httpPort) {
                r.problem(HTTPS_PORT + " and " + HTTP_PORT + " must differ, both are " + httpPort);
            }
            if (httpsPort != 0 && httpsPort == managementPort) {
                r.problem(HTTPS_PORT + " and " + MANAGEMENT_PORT + " must differ, both are " + httpsPort);
            }
            tls = Optional.of(new Tls(cert.get(), key.get(), httpsPort));
        } else if (httpsPortText.isPresent()) {
            r.problem(HTTPS_PORT + " is set but " + TLS_CERT + " and " + TLS_KEY + " are not");
        }
        if (httpOff && tls.isEmpty() && cert.isEmpty() && key.isEmpty()) {
            r.problem(HTTP_PORT + "=off leaves the host no listener; set " + TLS_CERT + " and " + TLS_KEY
                    + " to serve HTTPS");
        }

        Optional<String> countryHeader = r.text(TRUSTED_COUNTRY_HEADER);
        if (countryHeader.isPresent() && !HEADER_NAME.matcher(countryHeader.get()).matches()) {
            r.problem(TRUSTED_COUNTRY_HEADER + " must be a header name such as CF-IPCountry");
        }

        List<String> origins = r.text(CORS_ORIGINS).map(v -> corsOrigins(r, v)).orElse(List.of());
        Argon2Parameters argon2 = argon2(r, env);
        MailSettings mail = MailSettings.read(env, r::problem, tls.isPresent()
                ? URI.create("https://localhost:" + tls.get().httpsPort())
                : URI.create("http://localhost:" + httpPort));
        WhatsAppSettings whatsApp = WhatsAppSettings.read(env, r::problem);
        r.failIfAny();
        return new HostConfig(httpPort, bind, dataDir, database, appUser, appPassword, poolSize, masterKey, tls,
                countryHeader, origins, argon2, mail, proxies, managementPort, managementBind, whatsApp);
    }

    /** The plain HTTP listener's port; empty with {@code QLEVEN_HTTP_PORT=off}. */
    public OptionalInt plainHttpPort() {
        return httpPort == HTTP_OFF ? OptionalInt.empty() : OptionalInt.of(httpPort);
    }

    public boolean embeddedDatabase() {
        return database.isEmpty();
    }

    public Path embeddedDatabaseDir() {
        return dataDir.resolve("postgres");
    }

    public Path masterKeyPath() {
        return masterKeyFile.orElse(dataDir.resolve("master.key"));
    }

    /** Where the data lives, without any credential: for the start-up line. */
    public String dataLocation() {
        return database.map(d -> "PostgreSQL at " + d.location())
                .orElse("embedded PostgreSQL in " + embeddedDatabaseDir());
    }

    private static List<String> corsOrigins(Reader r, String value) {
        Set<String> origins = new LinkedHashSet<>();
        for (String raw : value.split(",")) {
            String origin = raw.strip();
            if (origin.isEmpty()) {
                continue;
            }
            Optional<String> normalised = origin(origin);
            if (normalised.isEmpty()) {
                r.problem(CORS_ORIGINS + " must list origins as scheme://host[:port] separated by commas, got '"
                        + origin + "'");
            } else {
                origins.add(normalised.get());
            }
        }
        return List.copyOf(origins);
    }

    /** The origin in the lower-case form browsers send, when it is exactly {@code scheme://host[:port]}. */
    static Optional<String> origin(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getPort() == 0 || uri.getPort() > 65535) {
                return Optional.empty();
            }
            String expected = scheme + "://" + uri.getRawAuthority();
            if (!expected.equals(text)) {
                return Optional.empty();
            }
            return Optional.of(text.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Argon2Parameters argon2(Reader r, Map<String, String> env) {
        Argon2Parameters defaults = Argon2Parameters.DEFAULT;
        Optional<String> unsafeText = r.text(ARGON2_UNSAFE_FOR_TESTS);
        boolean unsafe = false;
        if (unsafeText.isPresent()) {
            if (unsafeText.get().equals("true")) {
                unsafe = true;
            } else if (!unsafeText.get().equals("false")) {
                r.problem(ARGON2_UNSAFE_FOR_TESTS + " must be true or false");
            }
        }
        int memory = r.integer(ARGON2_MEMORY_KIB, defaults.memoryKiB(), 8, MAX_ARGON2_MEMORY_KIB);
        int iterations = r.integer(ARGON2_ITERATIONS, defaults.iterations(), 1, MAX_ARGON2_ITERATIONS);
        if (!unsafe && memory < defaults.memoryKiB()) {
            r.problem(ARGON2_MEMORY_KIB + " must be at least " + defaults.memoryKiB()
                    + " (OWASP's minimum for Argon2id); " + ARGON2_UNSAFE_FOR_TESTS + "=true allows less in tests");
        }
        if (!unsafe && iterations < defaults.iterations()) {
            r.problem(ARGON2_ITERATIONS + " must be at least " + defaults.iterations()
                    + " (OWASP's minimum for Argon2id); " + ARGON2_UNSAFE_FOR_TESTS + "=true allows less in tests");
        }
        return new Argon2Parameters(memory, iterations, defaults.parallelism());
    }

    /** Reads variables, treating blank as unset, and collects problems. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Optional<String> text(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        int port(String name, int fallback) {
            return integer(name, fallback, 0, 65535);
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the expected range
            }
            problem(name + " must be a whole number from " + min + " to " + max + ", got '" + shorten(value.get()) + "'");
            return fallback;
        }

        Optional<Path> path(String name) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(value.get()));
            } catch (InvalidPathException e) {
                problem(name + " is not a valid path: " + e.getReason());
                return Optional.empty();
            }
        }

        void readable(String name, Path file) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                problem(name + " names " + file + ", which is not a readable file");
            }
        }

        void problem(String message) {
            problems.add(message);
        }

        void failIfAny() {
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }

        private static String shorten(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "…";
        }
    }
}
