package com.qleven.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.crypto.Argon2Parameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostConfigTest {
    @TempDir
    Path dir;

    @Test
    void nothingSetGivesTheSafeDefaults() {
        HostConfig config = HostConfig.fromEnvironment(Map.of());
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("qleven-data").toAbsolutePath().normalize());
        assertThat(config.dataDir().isAbsolute()).isTrue();
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.embeddedDatabaseDir()).isEqualTo(config.dataDir().resolve("postgres"));
        assertThat(config.masterKeyPath()).isEqualTo(config.dataDir().resolve("master.key"));
        assertThat(config.databasePoolSize()).isEqualTo(10);
        assertThat(config.tls()).isEmpty();
        assertThat(config.corsOrigins()).isEmpty();
        assertThat(config.trustedCountryHeader()).isEmpty();
        assertThat(config.argon2()).isEqualTo(Argon2Parameters.DEFAULT);
        assertThat(config.dataLocation()).isEqualTo("embedded PostgreSQL in " + config.dataDir().resolve("postgres"));
        assertThat(config.plainHttpPort()).hasValue(8080);
        assertThat(config.managementPort()).isEqualTo(9090);
        assertThat(config.managementBind()).isEqualTo("127.0.0.1");
        assertThat(config.trustedProxies().isEmpty()).isTrue();
    }

    @Test
    void trustedProxiesAreCidrBlocksOfEitherFamily() throws Exception {
        HostConfig config = HostConfig.fromEnvironment(Map.of("QLEVEN_TRUSTED_PROXIES",
                "10.0.0.0/8, 192.168.1.7 ,2001:db8::/32,,"));
        TrustedProxies proxies = config.trustedProxies();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("192.168.1.8"))).isFalse();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(proxies.trusts(java.net.InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(TrustedProxies.literal("example.com")).isEmpty();
        assertThat(TrustedProxies.literal("300.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("[2001:db8::1]")).isPresent();
    }

    @Test
    void thePlainListenerCanBeSwitchedOffOnlyWithTls() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        HostConfig off = HostConfig.fromEnvironment(Map.of("QLEVEN_HTTP_PORT", "off", "QLEVEN_TLS_CERT", cert.toString(),
                "QLEVEN_TLS_KEY", cert.toString()));
        assertThat(off.plainHttpPort()).isEmpty();
        assertThat(off.mail().publicUrl()).isEqualTo(java.net.URI.create("https://localhost:8443"));
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_HTTP_PORT", "OFF")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_HTTP_PORT=off")
                .hasMessageContaining("QLEVEN_TLS_CERT");
    }

    @Test
    void everyVariableIsRead() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Path masterKey = Files.writeString(dir.resolve("master.key"), "x");
        Map<String, String> env = new HashMap<>();
        env.put("QLEVEN_HTTP_PORT", "9092");
        env.put("QLEVEN_HTTPS_PORT", "9443");
        env.put("QLEVEN_BIND", "127.0.0.1");
        env.put("QLEVEN_DATA_DIR", dir.resolve("data").toString());
        env.put("QLEVEN_DATABASE_URL", "jdbc:postgresql://db.internal:5433/qleven?sslmode=require");
        env.put("QLEVEN_DATABASE_USER", "owner");
        env.put("QLEVEN_DATABASE_PASSWORD", "s3cret");
        env.put("QLEVEN_DATABASE_APP_USER", "qleven_app");
        env.put("QLEVEN_DATABASE_APP_PASSWORD", "app-s3cret");
        env.put("QLEVEN_DATABASE_POOL_SIZE", "25");
        env.put("QLEVEN_MASTER_KEY_FILE", masterKey.toString());
        env.put("QLEVEN_TLS_CERT", cert.toString());
        env.put("QLEVEN_TLS_KEY", key.toString());
        env.put("QLEVEN_TRUSTED_COUNTRY_HEADER", "CF-IPCountry");
        env.put("QLEVEN_CORS_ORIGINS", "https://app.example.com, http://localhost:5173,,https://Admin.Example.com");
        env.put("QLEVEN_ARGON2_MEMORY_KIB", "65536");
        env.put("QLEVEN_ARGON2_ITERATIONS", "3");
        env.put("QLEVEN_MANAGEMENT_PORT", "9191");
        env.put("QLEVEN_MANAGEMENT_BIND", "10.0.0.5");
        env.put("QLEVEN_TRUSTED_PROXIES", "10.0.0.0/8");
        HostConfig config = HostConfig.fromEnvironment(env);
        assertThat(config.managementPort()).isEqualTo(9191);
        assertThat(config.managementBind()).isEqualTo("10.0.0.5");
        assertThat(config.trustedProxies().isEmpty()).isFalse();
        assertThat(config.httpPort()).isEqualTo(9092);
        assertThat(config.tls()).contains(new HostConfig.Tls(cert, key, 9443));
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.database()).isPresent();
        assertThat(config.database().get().user()).isEqualTo("owner");
        assertThat(config.databaseAppUser()).contains("qleven_app");
        assertThat(config.databaseAppPassword()).contains("app-s3cret");
        assertThat(config.databasePoolSize()).isEqualTo(25);
        assertThat(config.masterKeyPath()).isEqualTo(masterKey);
        assertThat(config.trustedCountryHeader()).contains("CF-IPCountry");
        assertThat(config.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:5173",
                "https://admin.example.com");
        assertThat(config.argon2()).isEqualTo(new Argon2Parameters(65536, 3, 1));
        assertThat(config.dataLocation()).isEqualTo("PostgreSQL at db.internal:5433/qleven")
                .doesNotContain("s3cret").doesNotContain("owner");
        assertThat(config.database().get().toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "QLEVEN_HTTP_PORT|eighty",
        "QLEVEN_HTTP_PORT|65536",
        "QLEVEN_HTTP_PORT|-1",
        "QLEVEN_DATABASE_POOL_SIZE|0",
        "QLEVEN_DATABASE_POOL_SIZE|many",
        "QLEVEN_DATABASE_URL|postgres://db/qleven",
        "QLEVEN_CORS_ORIGINS|https://app.example.com/",
        "QLEVEN_CORS_ORIGINS|*",
        "QLEVEN_CORS_ORIGINS|app.example.com",
        "QLEVEN_CORS_ORIGINS|https://user@app.example.com",
        "QLEVEN_CORS_ORIGINS|ftp://app.example.com",
        "QLEVEN_CORS_ORIGINS|https://app.example.com?x=1",
        "QLEVEN_ARGON2_MEMORY_KIB|19455",
        "QLEVEN_ARGON2_ITERATIONS|1",
        "QLEVEN_ARGON2_ITERATIONS|two",
        "QLEVEN_ARGON2_UNSAFE_FOR_TESTS|yes",
        "QLEVEN_MASTER_KEY_FILE|/nonexistent/master.key",
        "QLEVEN_TRUSTED_COUNTRY_HEADER|CF IPCountry",
        "QLEVEN_BIND|0.0.0.0 ; rm",
        "QLEVEN_HTTPS_PORT|8443",
        "QLEVEN_DATABASE_USER|owner",
        "QLEVEN_DATABASE_APP_PASSWORD|secret",
        "QLEVEN_TRUSTED_PROXIES|10.0.0.0/33",
        "QLEVEN_TRUSTED_PROXIES|proxy.internal",
        "QLEVEN_TRUSTED_PROXIES|10.0.0.0/8/1",
        "QLEVEN_TRUSTED_PROXIES|2001:db8::/129",
        "QLEVEN_MANAGEMENT_PORT|70000",
        "QLEVEN_MANAGEMENT_PORT|8080",
        "QLEVEN_MANAGEMENT_BIND|0.0.0.0 ; rm",
        "QLEVEN_HTTP_PORT|off",
    })
    void aWrongValueStopsStartUpNamingItsVariable(String variable, String value) {
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void theTlsFilesComeTogetherAndMustBeReadable() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_TLS_CERT", cert.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_TLS_KEY is missing");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_TLS_KEY", cert.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_TLS_CERT is missing");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_TLS_CERT", cert.toString(),
                "QLEVEN_TLS_KEY", dir.resolve("absent.pem").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_TLS_KEY")
                .hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_TLS_CERT", dir.toString(),
                "QLEVEN_TLS_KEY", cert.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_TLS_CERT");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_TLS_CERT", cert.toString(),
                "QLEVEN_TLS_KEY", cert.toString(), "QLEVEN_HTTP_PORT", "8443")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("QLEVEN_HTTPS_PORT");
    }

    @Test
    void anExternalDatabaseNeedsItsOwnerAndNoCredentialsInTheUrl() {
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_DATABASE_URL", "jdbc:postgresql://db/q")))
                .hasMessageContaining("QLEVEN_DATABASE_USER is required");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of(
                "QLEVEN_DATABASE_URL", "jdbc:postgresql://db/q?user=x&password=y", "QLEVEN_DATABASE_USER", "x")))
                .hasMessageContaining("QLEVEN_DATABASE_URL").hasMessageNotContaining("=y");
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_DATABASE_URL", "jdbc:postgresql://db/q",
                "QLEVEN_DATABASE_USER", "qleven", "QLEVEN_DATABASE_APP_USER", "QLEVEN")))
                .hasMessageContaining("QLEVEN_DATABASE_APP_USER");
        HostConfig trust = HostConfig.fromEnvironment(Map.of("QLEVEN_DATABASE_URL", "jdbc:postgresql:qleven",
                "QLEVEN_DATABASE_USER", "qleven"));
        assertThat(trust.database().get().password()).isEmpty();
        assertThat(trust.dataLocation()).isEqualTo("PostgreSQL at localhost/qleven");
    }

    @Test
    void weakArgon2IsAllowedOnlyForTests() {
        Map<String, String> env = Map.of("QLEVEN_ARGON2_MEMORY_KIB", "64", "QLEVEN_ARGON2_ITERATIONS", "1",
                "QLEVEN_ARGON2_UNSAFE_FOR_TESTS", "true");
        assertThat(HostConfig.fromEnvironment(env).argon2()).isEqualTo(Argon2Parameters.FAST);
        assertThatThrownBy(() -> HostConfig.fromEnvironment(Map.of("QLEVEN_ARGON2_MEMORY_KIB", "4",
                "QLEVEN_ARGON2_UNSAFE_FOR_TESTS", "true"))).hasMessageContaining("QLEVEN_ARGON2_MEMORY_KIB");
    }

    @Test
    void blankValuesCountAsUnsetAndEveryProblemIsListedAtOnce() {
        assertThat(HostConfig.fromEnvironment(Map.of("QLEVEN_HTTP_PORT", " ", "QLEVEN_DATABASE_URL", "")).httpPort())
                .isEqualTo(8080);
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> HostConfig.fromEnvironment(Map.of("QLEVEN_HTTP_PORT", "x", "QLEVEN_DATABASE_POOL_SIZE", "0",
                        "QLEVEN_CORS_ORIGINS", "nope")));
        assertThat(e.problems()).hasSize(3);
        assertThat(String.join("\n", e.problems())).contains("QLEVEN_HTTP_PORT").contains("QLEVEN_DATABASE_POOL_SIZE")
                .contains("QLEVEN_CORS_ORIGINS");
        assertThat(List.of(e.getMessage().split("\n"))).hasSize(4);
    }
}
