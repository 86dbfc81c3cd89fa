import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * docs/benchmarks.md "Issue 11: status webhook ingestion". Open-loop load at a fixed rate (no
 * coordinated omission: each request's time runs from when it was due, not from when it left):
 * <ol>
 *   <li>the host: {@code POST /webhooks/whatsapp}, each body a real-shaped batch of STATUSES delivery
 *       statuses signed with the app secret; the time to the 200;</li>
 *   <li>the bare insert: the same bodies, each one plain JDBC INSERT (autocommit) of the raw bytes
 *       into a table of the same shape, over POOL connections, at the same rate; the time to commit.</li>
 * </ol>
 * Then how long the host's job took to process what was posted. The statuses name a number no
 * center connected, so processing reads the directory and counts them.
 *
 * <p>usage: java -cp postgresql.jar bench/WebhookIngestion.java API SECRET JDBC_URL USER PASSWORD
 * [POSTS_PER_SECOND=100] [STATUSES=10] [SECONDS=30] [WARM_SECONDS=5] [POOL=10]
 */
public final class WebhookIngestion {
    public static void main(String[] args) throws Exception {
        URI webhook = URI.create(args[0] + "/webhooks/whatsapp");
        String secret = args[1];
        String jdbc = args[2];
        String user = args[3];
        String password = args[4];
        int rate = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        int statuses = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int seconds = args.length > 7 ? Integer.parseInt(args[7]) : 30;
        int warm = args.length > 8 ? Integer.parseInt(args[8]) : 5;
        int pool = args.length > 9 ? Integer.parseInt(args[9]) : 10;
        int total = rate * (seconds + warm);
        int skip = rate * warm;
        List<byte[]> bodies = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            bodies.add(body(i, statuses));
        }
        System.out.printf("%d POSTs/s of %d statuses (%d statuses/s), %d s measured after %d s warm-up, body %d bytes%n",
                rate, statuses, rate * statuses, seconds, warm, bodies.get(0).length);

        // 1. The host.
        ExecutorService senders = Executors.newFixedThreadPool(64);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(senders)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        List<String> signatures = new ArrayList<>(total);
        for (byte[] b : bodies) {
            signatures.add("sha256=" + HexFormat.of().formatHex(mac.doFinal(b)));
        }
        ConcurrentLinkedQueue<Long> hostLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger hostErrors = new AtomicInteger();
        Instant hostStart = Instant.now();
        run(rate, total, (i, due) -> {
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signatures.get(i))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    hostErrors.incrementAndGet();
                } else if (i >= skip) {
                    hostLatencies.add(System.nanoTime() - due);
                }
                return null;
            });
        });
        Duration hostTook = Duration.between(hostStart, Instant.now());
        report("host POST /webhooks/whatsapp", hostLatencies, hostErrors.get(), total - skip, hostTook);

        // The job's lag: until nothing posted is left unprocessed.
        Instant drainStart = Instant.now();
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM public.whatsapp_webhook_events WHERE processed_at IS NULL")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            System.out.printf("  processing: all %d events processed %d ms after the last 200%n", total,
                    Duration.between(drainStart, Instant.now()).toMillis());
        }

        // 2. The bare insert, same bodies, same rate.
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS public.bench_bare_webhook_events");
            st.execute("CREATE TABLE public.bench_bare_webhook_events (id uuid PRIMARY KEY, received_at timestamptz"
                    + " NOT NULL, body bytea NOT NULL, processed_at timestamptz, attempts integer NOT NULL DEFAULT 0)");
        }
        ThreadLocal<PreparedStatement> insert = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbc, user, password);
                return c.prepareStatement("INSERT INTO public.bench_bare_webhook_events (id, received_at, body)"
                        + " VALUES (?, ?, ?)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ExecutorService inserters = Executors.newFixedThreadPool(pool);
        ConcurrentLinkedQueue<Long> bareLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger bareErrors = new AtomicInteger();
        Instant bareStart = Instant.now();
        run(rate, total, (i, due) -> CompletableFuture.runAsync(() -> {
            try {
                PreparedStatement ps = insert.get();
                ps.setObject(1, UUID.randomUUID());
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setBytes(3, bodies.get(i));
                ps.executeUpdate();
                if (i >= skip) {
                    bareLatencies.add(System.nanoTime() - due);
                }
            } catch (Exception e) {
                bareErrors.incrementAndGet();
            }
        }, inserters));
        Duration bareTook = Duration.between(bareStart, Instant.now());
        report("bare JDBC INSERT of the raw body", bareLatencies, bareErrors.get(), total - skip, bareTook);
        inserters.shutdownNow();
        senders.shutdownNow();
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement st = c.createStatement()) {
            st.execute("DROP TABLE public.bench_bare_webhook_events");
        }
    }

    interface Send {
        CompletableFuture<?> at(int index, long dueNanos);
    }

    /** Starts request i at start + i/rate seconds, whatever the earlier ones are doing; waits for all. */
    private static void run(int rate, int total, Send send) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            while (true) {
                int i = next.get();
                long due = start + i * interval;
                if (i >= total || due > now) {
                    return;
                }
                next.incrementAndGet();
                all.add(send.at(i, due));
            }
        }, 50, 1, TimeUnit.MILLISECONDS);
        while (next.get() < total) {
            Thread.sleep(20);
        }
        ticker.shutdown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    private static void report(String what, ConcurrentLinkedQueue<Long> nanos, int errors, int measured, Duration took) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: %d measured, %d errors, %.1f s in all; ms p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f,"
                        + " max %.1f%n", what, sorted.size(), errors, took.toMillis() / 1000.0, p(sorted, 0.50),
                p(sorted, 0.90), p(sorted, 0.99), p(sorted, 0.999), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double p(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** A real-shaped {@code messages} webhook with n statuses, pricing and conversation on each. */
    private static byte[] body(int i, int n) {
        StringBuilder s = new StringBuilder("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
                + "\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                + "\"statuses\":[");
        for (int k = 0; k < n; k++) {
            s.append(k == 0 ? "" : ",").append("{\"id\":\"wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI").append(i).append('_')
                    .append(k).append("\",\"status\":\"delivered\",\"timestamp\":\"").append(1767600000 + i)
                    .append("\",\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"")
                    .append(UUID.randomUUID()).append("\",\"conversation\":{\"id\":\"f5fdae39a2b1c3d4e5f6\","
                            + "\"origin\":{\"type\":\"utility\"}},\"pricing\":{\"billable\":true,\"pricing_model\":"
                            + "\"PMP\",\"type\":\"regular\",\"category\":\"utility\"}}");
        }
        return s.append("]}}]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
