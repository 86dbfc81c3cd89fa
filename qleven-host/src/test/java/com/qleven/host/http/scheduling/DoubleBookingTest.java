package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No double booking, ever: 64 simultaneous bookings over HTTP at overlapping intervals of two
 * professionals who share one room and one machine. Whatever the application checked, the
 * database's exclusion constraint has the last word; afterwards the database holds no two active
 * holds of one resource at overlapping times, and each start was won at most once. A control runs
 * the same overlap check over the stored holds plus a copy of one of them, and sees it.
 */
class DoubleBookingTest {
    private static final int REQUESTS = 64;
    /** Two holds of one resource that overlap, among the holds {@code h}; {@code ?} is the center. */
    private static final String OVERLAPS = """
            SELECT count(*) FROM h a JOIN h b ON a.resource_id = b.resource_id
                AND a.appointment_id < b.appointment_id AND a.during && b.during""";
    private static TestHost host;
    private static Center center;
    private static String client;
    private static String service;
    private static List<String> professionals;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Carrera");
        professionals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Reply added = host.post("/v1/users", TestHost.userBody(TestHost.newEmail("racer"), "professional"),
                    center.token());
            professionals.add(added.json().get("id").asText());
        }
        client = host.post("/v1/clients", Map.of("fullName", "Cliente Carrera"), center.token()).json().get("id")
                .asText();
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        store.shared().transactions().inTenant(tenant, () -> {
            store.scheduling().catalogue().addRoom(tenant, new Room(new RoomId(UUID.randomUUID()), "Cabina"));
            store.scheduling().catalogue().addEquipment(tenant, new Equipment(new EquipmentId(UUID.randomUUID()),
                    "Láser", "laser", EquipmentStatus.AVAILABLE));
            return null;
        });
        service = SchedulingFixtures.service(host, center.tenantId(), 60, true, Set.of("laser"));
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professionals.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void exactlyOneBookingWinsEachContestedIntervalAndTheDatabaseHoldsNoOverlap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Reply>> calls = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            // 16 starts a quarter of an hour apart, each an hour long: every one overlaps its neighbours.
            String start = SchedulingFixtures.start(host, 2, 9 + (i % 16) / 4, (i % 4) * 15);
            starts.add(start);
            Map<String, Object> body = new HashMap<>(Map.of("clientId", client, "serviceId", service, "start", start,
                    "professionalId", professionals.get(i % 2)));
            calls.add(() -> {
                go.await();
                return host.post("/v1/appointments", body, center.token());
            });
        }
        List<Future<Reply>> futures = new ArrayList<>();
        for (Callable<Reply> call : calls) {
            futures.add(pool.submit(call));
        }
        go.countDown();
        Map<String, Integer> wonAt = new HashMap<>();
        int won = 0;
        int refusedByTheDatabase = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Reply reply = futures.get(i).get();
            assertThat(reply.status()).as(reply.body()).isIn(201, 409);
            if (reply.status() == 201) {
                won++;
                wonAt.merge(starts.get(i), 1, Integer::sum);
            } else {
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                refusedByTheDatabase += reply.json().has("resource") ? 1 : 0;
            }
        }
        pool.shutdownNow();
        System.out.println("Double booking: " + won + " won, " + refusedByTheDatabase
                + " refused by the exclusion constraint, " + (REQUESTS - won - refusedByTheDatabase)
                + " refused as no longer offered");
        assertThat(won).as("some booking wins").isPositive();
        assertThat(wonAt.values()).as("each start is won once at most").allMatch(n -> n == 1);

        String stored = "SELECT appointment_id, resource_id, during FROM public.appointment_resources"
                + " WHERE tenant_id = ? AND active";
        assertThat(count("WITH h AS (" + stored + ") " + OVERLAPS)).as("overlapping holds").isZero();
        assertThat(count("SELECT count(*) FROM public.appointments WHERE tenant_id = ?")).isEqualTo(won);
        // The control: the same check over the holds plus a copy of one of them under another appointment.
        String withCopy = stored + " UNION ALL (SELECT gen_random_uuid(), resource_id, during"
                + " FROM public.appointment_resources WHERE tenant_id = ? AND active LIMIT 1)";
        assertThat(count("WITH h AS (" + withCopy + ") " + OVERLAPS)).as("the check sees an overlap").isPositive();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = host.superuser(); PreparedStatement ps = c.prepareStatement(sql)) {
            int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= parameters; i++) {
                ps.setObject(i, UUID.fromString(center.tenantId()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
