package com.qleven.host.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check (docs/benchmarks.md, "Transactions per request"): the transactions
 * PostgreSQL itself counts for the host's database ({@code pg_stat_database.xact_commit +
 * xact_rollback}) over N requests of {@code GET /v1/me} and of {@code POST /v1/clients}, less the
 * background jobs' rate measured in an idle window of the same run. Runs only with
 * {@code -Dqleven.bench=true}.
 */
@EnabledIfSystemProperty(named = "qleven.bench", matches = "true")
class TransactionsPerRequestBenchTest {
    private static final int N = Integer.getInteger("qleven.bench.requests", 1000);
    /** PostgreSQL 15 flushes an idle backend's counters after 10 s. */
    private static final long SETTLE_MS = 11_500;

    @Test
    void transactionsPerRequest() throws Exception {
        try (TestHost host = TestHost.start()) {
            TestHost.Center center = host.newCenter("Centro Bench");
            for (int i = 0; i < 20; i++) { // warm-up, not counted
                host.get("/v1/me", center.token());
            }
            double idle = window(host, n -> { }, 1);
            double me = window(host, n -> assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200), N);
            idle = window(host, n -> { }, 1); // the two idle windows' mean
            double create = window(host, n -> assertThat(host.post("/v1/clients",
                    Map.of("fullName", "Bench Client " + n), center.token()).status()).isEqualTo(201), N);
            System.out.printf("TRANSACTIONS PER REQUEST (N=%d): background %.2f xact/s; GET /v1/me %.2f; "
                    + "POST /v1/clients %.2f%n", N, idle, me, create);
        }
    }

    /** Runs {@code requests} requests; answers transactions per request, or per second when idle. */
    private static double window(TestHost host, IntConsumer request, int requests) throws Exception {
        long before = transactions(host);
        long started = System.nanoTime();
        if (requests > 1) {
            for (int i = 0; i < requests; i++) {
                request.accept(i);
            }
        }
        Thread.sleep(requests <= 1 ? 2 * SETTLE_MS : SETTLE_MS);
        long after = transactions(host);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (requests <= 1) {
            idleRate = idleRate == 0 ? (after - before - 1) / seconds // less this window's own read
                    : (idleRate + (after - before - 1) / seconds) / 2;
            return idleRate;
        }
        return (after - before - 1 - idleRate * seconds) / requests;
    }

    private static double idleRate;

    private static long transactions(TestHost host) throws SQLException {
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
