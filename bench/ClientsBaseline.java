import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The baselines of docs/benchmarks.md "Clients": what the same PostgreSQL server does for a bare
 * INSERT of one client-sized row per transaction, and a bare lookup through an index on
 * (tenant_id, phone_index), with no HTTP, no authentication, no encryption and no audit. Runs
 * CONNECTIONS threads for SECONDS each, in a database "bench" of its own.
 *
 * java -cp postgresql.jar bench/ClientsBaseline.java jdbc:postgresql://localhost:PORT/ postgres 16 20 ROWS
 */
public final class ClientsBaseline {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        String server = args[0];
        String user = args[1];
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int rows = Integer.parseInt(args[4]);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS bench");
            st.execute("CREATE DATABASE bench");
        }
        String url = server + "bench";
        UUID tenant = UUID.randomUUID();
        List<String> phones = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TABLE bare_clients (tenant_id uuid NOT NULL, id uuid NOT NULL, full_name bytea NOT NULL,
                            phone bytea, email bytea, birth_date bytea, notes bytea, phone_index text, email_index text,
                            created_at timestamptz NOT NULL, PRIMARY KEY (tenant_id, id))""");
                st.execute("CREATE INDEX bare_by_phone ON bare_clients (tenant_id, phone_index)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (int i = 0; i < rows; i++) {
                    String phone = hex(32);
                    phones.add(phone);
                    bind(insert, tenant, phone);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE bare_clients");
            }
        }
        Result inserts = run(url, user, connections, seconds, (c, random) -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                bind(insert, tenant, hex(32));
                insert.executeUpdate();
            }
        });
        Result lookups = run(url, user, connections, seconds, (c, random) -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT * FROM bare_clients WHERE tenant_id = ? AND phone_index = ? ORDER BY created_at, id LIMIT 51")) {
                select.setObject(1, tenant);
                select.setString(2, phones.get(random.nextInt(phones.size())));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes("full_name");
                    }
                }
            }
        });
        System.out.println("insert " + inserts);
        System.out.println("lookup " + lookups);
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE bench");
        }
    }

    private static final String INSERT = "INSERT INTO bare_clients (tenant_id, id, full_name, phone, email, birth_date,"
            + " notes, phone_index, email_index, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A row the size of a sealed client: the same ciphertext lengths, as random bytes. */
    private static void bind(PreparedStatement insert, UUID tenant, String phoneIndex) throws Exception {
        insert.setObject(1, tenant);
        insert.setObject(2, UUID.randomUUID());
        insert.setBytes(3, bytes(60));
        insert.setBytes(4, bytes(57));
        insert.setBytes(5, bytes(70));
        insert.setBytes(6, bytes(55));
        insert.setBytes(7, bytes(90));
        insert.setString(8, phoneIndex);
        insert.setString(9, hex(32));
        insert.setTimestamp(10, Timestamp.from(Instant.now()));
    }

    interface Work {
        void once(Connection c, java.util.Random random) throws Exception;
    }

    record Result(double perSecond, double avgMs, double p50Ms, double p99Ms) {
        @Override
        public String toString() {
            return String.format("%.2f/s avg %.2fms p50 %.2fms p99 %.2fms", perSecond, avgMs, p50Ms, p99Ms);
        }
    }

    private static Result run(String url, String user, int connections, int seconds, Work work) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] counts = new long[connections];
        for (int t = 0; t < connections; t++) {
            int index = t;
            long[] mine = new long[500_000];
            latencies.add(mine);
            Connection c = DriverManager.getConnection(url, user, "");
            threads.add(new Thread(() -> {
                java.util.Random random = new java.util.Random(index);
                try (c) {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        work.once(c, random);
                        if (counts[index] < mine.length) {
                            mine[(int) counts[index]] = System.nanoTime() - start;
                        }
                        counts[index]++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int k = 0;
        for (int t = 0; t < connections; t++) {
            int n = (int) Math.min(counts[t], latencies.get(t).length);
            System.arraycopy(latencies.get(t), 0, all, k, n);
            k += n;
        }
        long[] measured = Arrays.copyOf(all, k);
        Arrays.sort(measured);
        double avg = Arrays.stream(measured).average().orElse(0) / 1e6;
        return new Result(total / elapsed, avg, measured[measured.length / 2] / 1e6,
                measured[(int) (measured.length * 0.99)] / 1e6);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String hex(int n) {
        return HexFormat.of().formatHex(bytes(n));
    }
}
