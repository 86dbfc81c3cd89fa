package com.qleven.host;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run: no database configured, so the host keeps an embedded PostgreSQL and its master
 * key in the data directory, and a second start on the same directory finds the data again.
 */
class EmbeddedRestartTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStartOnTheSameDataDirectoryKeepsTheData() throws Exception {
        Path data = dir.resolve("qleven-data");
        Map<String, String> env = Map.of(
                HostConfig.DATA_DIR, data.toString(),
                HostConfig.HTTP_PORT, "0",
                HostConfig.MANAGEMENT_PORT, "0",
                HostConfig.BIND, "127.0.0.1",
                HostConfig.ARGON2_UNSAFE_FOR_TESTS, "true",
                HostConfig.ARGON2_MEMORY_KIB, Integer.toString(Argon2Parameters.FAST.memoryKiB()),
                HostConfig.ARGON2_ITERATIONS, Integer.toString(Argon2Parameters.FAST.iterations()),
                // The embedded MQTT broker too (data under qleven-data/mqtt), on a port of the test's own.
                com.qleven.host.config.MqttSettings.PORT,
                Integer.toString(com.qleven.adapters.mqtt.EmbeddedBrokerFixture.freePort()));
        String email = TestHost.newEmail("persistent");

        try (Host first = start(env)) {
            assertThat(get(first, "/health/ready").statusCode()).isEqualTo(200);
            // The embedded server trusts nobody: without the password in postgres.password, no connection.
            String url = first.component().postgresSettings().jdbcUrl();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url,
                    "postgres", "").close()).isInstanceOf(java.sql.SQLException.class);
            HttpResponse<String> created = post(first, "/v1/signup", TestHost.write(TestHost.signUpBody("Centro Duradero",
                    email)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        assertThat(Files.getPosixFilePermissions(data.resolve("master.key")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(data.resolve("postgres")).isDirectory();
        assertThat(data.resolve("mqtt").resolve("conf").resolve("config.xml")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(data.resolve("postgres.password")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        try (Host second = start(env)) {
            assertThat(get(second, "/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> login = post(second, "/v1/auth/login", TestHost.write(Map.of("email", email,
                    "password", PASSWORD)));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }
    }

    private static Host start(Map<String, String> env) {
        return Host.start(HostComponent.builder().environment(new Environment(env)).clock(Clock.systemUTC())
                .policies(TestHost.TEST_POLICIES).build());
    }

    private static HttpResponse<String> get(Host host, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(host, path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Host host, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(host, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Host host, String path) {
        return URI.create("http://127.0.0.1:" + host.httpPort().orElseThrow() + path);
    }
}
