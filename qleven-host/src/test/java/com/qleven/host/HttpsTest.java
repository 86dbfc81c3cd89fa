package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.qleven.host.config.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With a certificate configured the host also serves HTTPS, with HSTS there only (policy P13). */
class HttpsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} key")
    @ValueSource(strings = {"pkcs8", "pkcs1"})
    void theHttpsListenerAnswersWithHsts(String keyFormat) throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not on PATH: the HTTPS test needs it to make a certificate");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        if (keyFormat.equals("pkcs1")) {
            Path traditional = dir.resolve("key-pkcs1.pem");
            openssl("rsa", "-in", key.toString(), "-out", traditional.toString(), "-traditional");
            assertThat(Files.readString(traditional)).contains("BEGIN RSA PRIVATE KEY");
            key = traditional;
        }
        try (TestHost host = TestHost.start(Map.of(HostConfig.TLS_CERT, cert.toString(),
                HostConfig.TLS_KEY, key.toString(), HostConfig.HTTPS_PORT, "0"))) {
            int httpsPort = host.host().httpsPort().orElseThrow();
            assertThat(host.host().urls()).anyMatch(u -> u.startsWith("https://"));
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            HttpResponse<String> secure = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + httpsPort + "/health/live")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                    .contains("max-age=31536000; includeSubDomains");
            assertThat(secure.sslSession()).isPresent();

            TestHost.Reply plain = host.get("/health/live");
            assertThat(plain.status()).isEqualTo(308);
            assertThat(plain.header("Location")).isEqualTo("https://127.0.0.1:" + httpsPort + "/health/live");
            assertThat(plain.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void withTlsThePlainListenerOnlyRedirectsAndNeverTakesCredentials() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not on PATH: the HTTPS test needs it to make a certificate");
        Path[] pair = certificate();
        try (TestHost host = TestHost.start(Map.of(HostConfig.TLS_CERT, pair[0].toString(),
                HostConfig.TLS_KEY, pair[1].toString(), HostConfig.HTTPS_PORT, "0"))) {
            int httpsPort = host.host().httpsPort().orElseThrow();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(pair[0])).build();
            URI secure = URI.create("https://localhost:" + httpsPort);
            String email = TestHost.newEmail("tls");
            HttpResponse<String> signup = client.send(HttpRequest.newBuilder(secure.resolve("/v1/signup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(TestHost.signUpBody("Centro Cifrado", email))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(secure.resolve("/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("email", email,
                            "password", TestHost.PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token = TestHost.JSON.readTree(login.body()).get("token").asText();
            long sessions = sessions(host);

            // Any request: 308 to the same path and query on HTTPS, nothing routed.
            for (String path : List.of("/v1/me?x=1", "/nowhere", "/health/ready")) {
                TestHost.Reply reply = host.get(path);
                assertThat(reply.status()).as(path).isEqualTo(308);
                assertThat(reply.header("Location")).isEqualTo("https://127.0.0.1:" + httpsPort + path);
            }
            // A password over plain HTTP is neither checked nor echoed: no session is opened.
            TestHost.Reply password = host.post("/v1/auth/login", Map.of("email", email, "password", TestHost.PASSWORD));
            assertThat(password.status()).isEqualTo(308);
            assertThat(password.body()).doesNotContain(TestHost.PASSWORD).doesNotContain(email).doesNotContain("\"token\"");
            assertThat(sessions(host)).isEqualTo(sessions);
            // A bearer token or the session cookie over plain HTTP is not used: logout does not end the session.
            TestHost.Reply bearer = host.post("/v1/auth/logout", "{}", token);
            assertThat(bearer.status()).isEqualTo(308);
            assertThat(bearer.body()).doesNotContain(token);
            TestHost.Reply cookie = host.send(host.request("/v1/auth/logout").header("Cookie", "__Host-qleven_session=" + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(cookie.status()).isEqualTo(308);
            HttpResponse<String> me = client.send(HttpRequest.newBuilder(secure.resolve("/v1/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as("the session still works over HTTPS").isEqualTo(200);
        }
    }

    @Test
    void httpPortOffOpensNoPlainListener() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not on PATH: the HTTPS test needs it to make a certificate");
        Path[] pair = certificate();
        try (TestHost host = TestHost.start(Map.of(HostConfig.TLS_CERT, pair[0].toString(),
                HostConfig.TLS_KEY, pair[1].toString(), HostConfig.HTTPS_PORT, "0", HostConfig.HTTP_PORT, "off"))) {
            assertThat(host.host().urls()).hasSize(1).allMatch(u -> u.startsWith("https://"));
            assertThat(host.host().component().httpServer().listeners()).containsExactly("https");
            assertThat(host.host().httpPort()).isEmpty();
            int httpsPort = host.host().httpsPort().orElseThrow();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(pair[0])).build();
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + httpsPort + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
        }
    }

    private Path[] certificate() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        return new Path[] {cert, key};
    }

    private static long sessions(TestHost host) {
        return host.rowCounts().get("public.sessions");
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
