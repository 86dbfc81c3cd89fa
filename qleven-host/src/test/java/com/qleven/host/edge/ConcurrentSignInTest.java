package com.qleven.host.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle holds under concurrency (issue 7, fix 6): 64 wrong passwords for one
 * account sent at once get at most the throttle's limit of answers that tried the password (401);
 * the rest are refused (429) without hashing.
 */
class ConcurrentSignInTest {
    private static final int ATTEMPTS = 64;

    @Test
    void sixtyFourSimultaneousWrongPasswordsLetThroughAtMostTheLimit() throws Exception {
        int limit = TestHost.TEST_POLICIES.signInThrottle().refuseAfterShort();
        try (TestHost host = TestHost.start()) {
            Center center = host.newCenter("Centro Asalto");
            String body = TestHost.write(Map.of("email", center.adminEmail(), "password", "not the password"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService senders = Executors.newFixedThreadPool(ATTEMPTS);
            try {
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < ATTEMPTS; i++) {
                    all.add(CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                            HttpResponse<String> r = client.send(host.request("/v1/auth/login")
                                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, senders));
                }
                go.countDown();
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            } finally {
                senders.shutdownNow();
            }
            int tried = statuses.getOrDefault(401, new AtomicInteger()).get();
            int refused = statuses.getOrDefault(429, new AtomicInteger()).get();
            assertThat(tried + refused).as("every answer is 401 or 429: %s", statuses).isEqualTo(ATTEMPTS);
            assertThat(tried).as("passwords tried: %s", statuses).isPositive().isLessThanOrEqualTo(limit);
            // Every tried attempt was counted: the account is now refused even with the right password.
            assertThat(host.post("/v1/auth/login", Map.of("email", center.adminEmail(), "password",
                    TestHost.PASSWORD)).status()).isEqualTo(tried == limit ? 429 : 200);
        }
    }
}
