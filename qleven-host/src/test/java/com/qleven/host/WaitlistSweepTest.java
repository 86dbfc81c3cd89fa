package com.qleven.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.ConfigException;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: an offer whose hold lapsed passes to the next waiting client with no request at all:
 * the host's sweep runs on its schedule (every 200 ms here), and only the test host's clock moves.
 * A held offer is kept (the control), the next client is mailed and the lapse is audited, and the
 * schedule stops with the host.
 */
class WaitlistSweepTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Map.of(WaitlistSweepJob.EVERY, "200ms"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static String one(String sql, Object... args) {
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(String entry) {
        return one("SELECT status FROM public.waitlist_entries WHERE id = ?", UUID.fromString(entry));
    }

    private static Instant dueAt(Center center) {
        String at = one("SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                + " FROM directory.waitlist_offer_due WHERE tenant_id = ?", UUID.fromString(center.tenantId()));
        return at == null ? null : Instant.parse(at);
    }

    private static String mbox() throws Exception {
        Path mbox = host.dataDir().resolve("mail.mbox");
        return Files.exists(mbox) ? Files.readString(mbox, StandardCharsets.US_ASCII).replace("=\n", "") : "";
    }

    @Test
    void theJobPassesALapsedOfferToTheNextClientWithoutAnyRequestAndKeepsOneStillHeld() throws Exception {
        Center center = host.newCenter("Centro Espera");
        String proEmail = TestHost.newEmail("pro");
        String professional = id(host.post("/v1/users", TestHost.userBody(proEmail, "professional"), center.token()));
        String service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
        String firstEmail = TestHost.newEmail("marta");
        String secondEmail = TestHost.newEmail("luis");
        String first = id(host.post("/v1/clients", Map.of("fullName", "Marta Ruiz", "email", firstEmail),
                center.token()));
        String second = id(host.post("/v1/clients", Map.of("fullName", "Luis Gil", "email", secondEmail),
                center.token()));
        String booked = id(host.post("/v1/clients", Map.of("fullName", "Eva Sanz"), center.token()));
        String day = SchedulingFixtures.day(host, 3).toString();
        String firstEntry = id(host.post("/v1/waitlist", Map.of("clientId", first, "serviceId", service,
                "from", day, "to", day), center.token()));
        host.clock.advance(Duration.ofSeconds(1));
        String secondEntry = id(host.post("/v1/waitlist", Map.of("clientId", second, "serviceId", service,
                "from", day, "to", day), center.token()));
        String start = SchedulingFixtures.start(host, 3, 12, 0);
        String appointment = id(host.post("/v1/appointments", Map.of("clientId", booked, "serviceId", service,
                "start", start, "professionalId", professional), center.token()));
        Reply cancelled = host.post("/v1/appointments/" + appointment + "/cancel", Map.of("reason", "Travelling"),
                center.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Reply offered = host.get("/v1/waitlist/" + firstEntry, center.token());
        assertThat(offered.json().get("status").asText()).isEqualTo("offered");
        Instant expires = OffsetDateTime.parse(offered.json().get("offer").get("expiresAt").asText()).toInstant();
        // The API answers milliseconds; the queue keeps the offer's microseconds.
        Instant held = dueAt(center);
        assertThat(held.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).isEqualTo(expires);

        // Control: the job runs several times while the offer is held; it stays with the first client.
        host.clock.set(held.minusSeconds(60));
        Thread.sleep(1_000);
        assertThat(status(firstEntry)).isEqualTo("offered");
        assertThat(status(secondEntry)).isEqualTo("waiting");
        assertThat(dueAt(center)).as("not claimed before it is due").isEqualTo(held);

        // The hold ends; no request is made from here on.
        host.clock.set(held.plusSeconds(60));
        await("the next client offered the slot").atMost(Duration.ofSeconds(15))
                .until(() -> status(secondEntry), "offered"::equals);
        assertThat(status(firstEntry)).isEqualTo("waiting");
        assertThat(one("SELECT offer_start_at = ?::timestamptz FROM public.waitlist_entries WHERE id = ?",
                start, UUID.fromString(secondEntry))).isEqualTo("t");
        assertThat(dueAt(center)).as("the new offer's hold").isEqualTo(held.plusSeconds(60)
                .plus(Duration.ofMinutes(120)));
        assertThat(one("SELECT count(*) FROM public.audit_events WHERE tenant_id = ? AND action = 'waitlist.lapse'",
                UUID.fromString(center.tenantId()))).isEqualTo("1");
        String mail = await("the mail to the next client").atMost(Duration.ofSeconds(15))
                .until(WaitlistSweepTest::mbox, t -> t.contains("To: " + secondEmail));
        assertThat(mail.substring(mail.lastIndexOf("To: " + secondEmail))).contains("a place has opened for you");
    }

    @Test
    void theScheduleStopsWithTheHost() {
        long before = sweepThreads();
        TestHost other = TestHost.start(Map.of(WaitlistSweepJob.EVERY, "100ms"));
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> sweepThreads() == before + 1);
        } finally {
            other.close();
        }
        await().atMost(Duration.ofSeconds(6)).until(() -> sweepThreads() == before);
    }

    private static long sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("qleven-waitlist-sweep")).count();
    }

    @Test
    void theIntervalIsCheckedAndDefaultsToThirtySeconds() {
        assertThat(WaitlistSweepJob.every(Map.of())).isEqualTo(Duration.ofSeconds(30));
        assertThat(WaitlistSweepJob.every(Map.of(WaitlistSweepJob.EVERY, "2m"))).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> WaitlistSweepJob.every(Map.of(WaitlistSweepJob.EVERY, "30")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(WaitlistSweepJob.EVERY);
        assertThatThrownBy(() -> WaitlistSweepJob.every(Map.of(WaitlistSweepJob.EVERY, "2h")))
                .isInstanceOf(ConfigException.class);
    }
}
