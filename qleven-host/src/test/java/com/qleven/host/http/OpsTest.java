package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document on the full host, and the headers of its answers. */
class OpsTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void healthSaysLiveAndReady() {
        Reply live = host.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("live");
        Reply ready = host.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void metricsArePrometheusTextWithJvmAndRequestSeries() {
        host.get("/v1/me");
        host.post("/v1/auth/login", Map.of("email", TestHost.newEmail("nobody"), "password", "whatever it is"));
        Reply metrics = host.metrics();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/me\",status=\"401\"}")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/auth/login\",status=\"401\"}")
                .contains("qleven_sign_in_failures_total{reason=\"invalid_credentials\"}");
    }

    @Test
    void theOpenApiDocumentIsServedAsCheckedIn() throws Exception {
        Reply doc = host.get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.header("Content-Type")).isEqualTo("application/json");
        JsonNode served = doc.json();
        assertThat(served).isEqualTo(TestHost.JSON.readTree(OpsEndpoints.openApiDocument()));
        assertThat(served.get("openapi").asText()).startsWith("3.1");
    }

    @Test
    void theRunningHostServesExactlyTheDocumentedRoutes() throws Exception {
        JsonNode paths = TestHost.JSON.readTree(OpsEndpoints.openApiDocument()).get("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(
                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        java.util.Set<String> served = new java.util.TreeSet<>();
        host.host().component().router().routes().forEach(r -> served.add(r.method() + " " + r.template()));
        assertThat(served).isEqualTo(documented);
    }

    @Test
    void theHostsAnswersCarryTheSecurityHeaders() {
        for (Reply reply : new Reply[] {host.get("/v1/me"), host.get("/health/live"), host.get("/v1/nothing"),
                host.post("/v1/signup", "{")}) {
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(reply.header("Server")).isNull();
            assertThat(reply.header("Strict-Transport-Security")).isNull();
            assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(reply.headers().allValues("Access-Control-Allow-Origin")).as("CORS is closed by default").isEmpty();
        }
    }
}
