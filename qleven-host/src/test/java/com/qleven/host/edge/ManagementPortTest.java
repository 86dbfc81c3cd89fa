package com.qleven.host.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints off the public port (issue 7, fix 7): {@code /metrics} is served on the
 * management listener only, {@code /health/*} on both, and a scrape reads gauges computed in the
 * background, so it opens no transaction.
 */
class ManagementPortTest {
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
    void metricsAreNotOnThePublicPort() {
        Reply reply = host.get("/metrics");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("jvm_");
        assertThat(host.get("/health/live").status()).isEqualTo(200);
        assertThat(host.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void aScrapeOpensNoTransaction() throws Exception {
        assertThat(host.metrics().status()).isEqualTo(200);
        // Whoever holds the privacy requests table exclusively would block a scrape that counts them.
        try (Connection holder = host.superuser()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE directory.privacy_request_centers, public.privacy_requests IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();
            Reply scrape = CompletableFuture.supplyAsync(host::metrics).get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("qleven_privacy_requests{state=\"overdue\"}");
            holder.rollback();
        }
    }
}
