package com.qleven.host.http.tenancy;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins are slowed, then refused with 429 and Retry-After, and counted in the metrics.
 * The host runs with {@link TestHost#TEST_POLICIES}: the production throttle's counts with
 * slow-downs of 150-300 ms instead of 1-5 s.
 */
class SignInThrottleTest {
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
    void repeatedFailuresAreSlowedThenRefusedUntilTheWindowPasses() {
        Center center = host.newCenter("Centro Cerrojo");
        Map<String, String> wrong = Map.of("email", center.adminEmail(), "password", "not the password 1");
        for (int attempt = 1; attempt <= 10; attempt++) {
            long started = System.nanoTime();
            Reply reply = host.post("/v1/auth/login", wrong);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reply.status()).as("attempt %d", attempt).isEqualTo(401);
            if (attempt > 3) {
                assertThat(took).as("attempt %d is slowed", attempt).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            }
        }
        Reply refused = host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);

        String metrics = host.metrics().body();
        assertThat(metric(metrics, "qleven_sign_in_failures_total{reason=\"invalid_credentials\"}")).isGreaterThanOrEqualTo(10);
        assertThat(metric(metrics, "qleven_sign_in_failures_total{reason=\"rate_limited\"}")).isGreaterThanOrEqualTo(1);

        // The advertised wait is exact: a second before it still refused, at it let through.
        host.clock.advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password", PASSWORD)).status())
                .isEqualTo(429);
        host.clock.advance(Duration.ofSeconds(1));
        assertThat(host.login(center.adminEmail(), PASSWORD, null)).isNotBlank();
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in /metrics"));
    }
}
