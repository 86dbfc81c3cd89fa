package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduling routes over HTTP: availability, booking (with Idempotency-Key), the lifecycle,
 * lists, series and the waitlist, each role's reach, bad input naming its field and writing
 * nothing, another center's ids, and simultaneous bookings of one slot of which exactly one wins.
 */
class AppointmentsApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String professional;
    private static String professionalToken;
    private static String colleague;
    private static String receptionistToken;
    private static String client;
    private static String service;
    private static String otherClient;
    private static String otherService;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Agenda");
        other = host.newCenter("Centro Ajeno");
        String proEmail = TestHost.newEmail("pro");
        professional = id(host.post("/v1/users", TestHost.userBody(proEmail, "professional"), center.token()));
        professionalToken = host.login(proEmail, TestHost.PASSWORD, null);
        String colleagueEmail = TestHost.newEmail("colleague");
        colleague = id(host.post("/v1/users", TestHost.userBody(colleagueEmail, "professional"), center.token()));
        String receptionistEmail = TestHost.newEmail("desk");
        id(host.post("/v1/users", TestHost.userBody(receptionistEmail, "receptionist"), center.token()));
        receptionistToken = host.login(receptionistEmail, TestHost.PASSWORD, null);
        client = id(host.post("/v1/clients", Map.of("fullName", "Lucía Fernández", "email",
                "lucia@example.com"), center.token()));
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional, colleague);
        otherClient = id(host.post("/v1/clients", Map.of("fullName", "Otra Persona"), other.token()));
        otherService = SchedulingFixtures.service(host, other.tenantId());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static Map<String, Object> booking(String start, String pro) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", client, "serviceId", service, "start", start));
        if (pro != null) {
            body.put("professionalId", pro);
        }
        return body;
    }

    private static List<String> fields(Reply problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static long appointments(String tenant) {
        try (Connection c = host.superuser();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public.appointments WHERE tenant_id = ?")) {
            ps.setObject(1, UUID.fromString(tenant));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void availabilityAnswersSlotsInTheCentersOffset() {
        String day = SchedulingFixtures.day(host, 2).toString();
        Reply found = host.get("/v1/availability?serviceId=" + service + "&from=" + day + "&to=" + day
                + "&professionalId=" + professional, receptionistToken);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode slots = found.json().get("slots");
        assertThat(slots.size()).isPositive();
        JsonNode first = slots.get(0);
        OffsetDateTime start = OffsetDateTime.parse(first.get("start").asText());
        assertThat(start.getOffset()).isEqualTo(SchedulingFixtures.MADRID.getRules().getOffset(start.toInstant()));
        assertThat(start.toLocalTime().toString()).isEqualTo("07:00");
        assertThat(Duration.between(start, OffsetDateTime.parse(first.get("end").asText()))).isEqualTo(
                Duration.ofMinutes(30));
        assertThat(first.get("professionalId").asText()).isEqualTo(professional);
        assertThat(host.get("/v1/availability?serviceId=" + service + "&from=" + day + "&to=" + day,
                professionalToken).status()).as("every role searches").isEqualTo(200);
    }

    @Test
    void aBookingIsCreatedReadListedAndReplayedWithItsKey() {
        String start = SchedulingFixtures.start(host, 3, 9, 0);
        HttpRequest request = host.request("/v1/appointments").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + receptionistToken).header("Idempotency-Key", "book-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(booking(start, professional)))).build();
        Reply booked = host.send(request);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asText();
        assertThat(booked.header("Location")).isEqualTo("/v1/appointments/" + id);
        assertThat(booked.json().get("status").asText()).isEqualTo("booked");
        assertThat(booked.json().get("start").asText()).isEqualTo(start);
        assertThat(booked.json().get("professionalId").asText()).isEqualTo(professional);
        assertThat(booked.json().get("roomId").isNull()).isTrue();
        assertThat(booked.json().get("equipmentIds").isArray()).isTrue();
        Reply replayed = host.send(request);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id").asText()).isEqualTo(id);

        assertThat(host.get("/v1/appointments/" + id, center.token()).json().get("clientId").asText()).isEqualTo(client);
        String day = SchedulingFixtures.day(host, 3).toString();
        Reply listed = host.get("/v1/appointments?from=" + day + "&to=" + day + "&clientId=" + client,
                center.token());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(id);
        assertThat(listed.json().has("next")).isTrue();

        Reply confirmed = host.post("/v1/appointments/" + id + "/confirm", Map.of(), receptionistToken);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("confirmed");
        Reply moved = host.post("/v1/appointments/" + id + "/reschedule", Map.of("start",
                SchedulingFixtures.start(host, 3, 9, 30)), receptionistToken);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("history").get(0).get("start").asText()).isEqualTo(start);
        Reply cancelled = host.post("/v1/appointments/" + id + "/cancel", Map.of("reason", "Fever"),
                receptionistToken);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancellation").get("reason").asText()).isEqualTo("Fever");
        Reply again = host.post("/v1/appointments/" + id + "/confirm", Map.of(), receptionistToken);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("cancelled");
        // The appointment's state travels as its own member; the problem's status stays the HTTP one.
        assertThat(again.json().get("status").asInt()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asText()).isEqualTo("cancelled");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        long before = appointments(center.tenantId());
        String day = SchedulingFixtures.day(host, 2).toString();
        String far = SchedulingFixtures.day(host, 2 + 92).toString();
        Reply range = host.get("/v1/availability?serviceId=" + service + "&from=" + day + "&to=" + far,
                center.token());
        assertThat(range.status()).isEqualTo(400);
        assertThat(fields(range)).containsExactly("to");
        Reply backwards = host.get("/v1/availability?serviceId=" + service + "&from=" + day + "&to="
                + SchedulingFixtures.day(host, 1), center.token());
        assertThat(fields(backwards)).containsExactly("to");
        Reply badParams = host.get("/v1/availability?serviceId=nope&from=2027-02-30&to=x", center.token());
        assertThat(fields(badParams)).containsExactly("serviceId", "from", "to");
        Reply foreignService = host.get("/v1/availability?serviceId=" + otherService + "&from=" + day + "&to=" + day,
                center.token());
        assertThat(foreignService.status()).isEqualTo(422);
        assertThat(fields(foreignService)).containsExactly("serviceId");
        Reply foreignPro = host.get("/v1/availability?serviceId=" + service + "&from=" + day + "&to=" + day
                + "&professionalId=" + other.adminId(), center.token());
        assertThat(fields(foreignPro)).containsExactly("professionalId");

        String local = SchedulingFixtures.start(host, 4, 10, 0).substring(0, 19);
        Reply noOffset = host.post("/v1/appointments", booking(local, null), center.token());
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(fields(noOffset)).containsExactly("start");
        Reply offGrid = host.post("/v1/appointments", booking(SchedulingFixtures.start(host, 4, 10, 7), null),
                center.token());
        assertThat(fields(offGrid)).containsExactly("start");
        Reply past = host.post("/v1/appointments", booking(SchedulingFixtures.start(host, -1, 10, 0), null),
                center.token());
        assertThat(fields(past)).containsExactly("start");
        Reply missing = host.post("/v1/appointments", Map.of("clientId", "x"), center.token());
        assertThat(fields(missing)).containsExactly("clientId");
        Reply none = host.post("/v1/appointments", Map.of(), center.token());
        assertThat(fields(none)).containsExactly("clientId", "serviceId", "start");
        Map<String, Object> foreignClient = booking(SchedulingFixtures.start(host, 4, 10, 0), null);
        foreignClient.put("clientId", otherClient);
        Reply foreign = host.post("/v1/appointments", foreignClient, center.token());
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(fields(foreign)).containsExactly("clientId");
        Reply series = host.post("/v1/appointment-series", Map.of("clientId", client, "serviceId", service,
                "start", SchedulingFixtures.start(host, 4, 10, 0), "everyWeeks", 0, "count", 99), center.token());
        assertThat(fields(series)).containsExactly("everyWeeks", "count");
        Reply waitlist = host.post("/v1/waitlist", Map.of("clientId", client, "serviceId", service, "from",
                "2027-13-01", "to", day), center.token());
        assertThat(fields(waitlist)).containsExactly("from");
        assertThat(appointments(center.tenantId())).isEqualTo(before);
    }

    @Test
    void eachRoleReachesWhatTheTableSays() {
        Reply own = host.post("/v1/appointments", booking(SchedulingFixtures.start(host, 5, 8, 0), null),
                professionalToken);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("professionalId").asText()).isEqualTo(professional);
        assertThat(host.post("/v1/appointments", booking(SchedulingFixtures.start(host, 5, 8, 0), colleague),
                professionalToken).status()).isEqualTo(403);
        String theirs = id(host.post("/v1/appointments", booking(SchedulingFixtures.start(host, 5, 9, 0), colleague),
                receptionistToken));
        assertThat(host.get("/v1/appointments/" + theirs, professionalToken).status()).isEqualTo(403);
        assertThat(host.post("/v1/appointments/" + theirs + "/confirm", Map.of(), professionalToken).status())
                .isEqualTo(403);
        String day = SchedulingFixtures.day(host, 5).toString();
        Reply mine = host.get("/v1/appointments?from=" + day + "&to=" + day, professionalToken);
        assertThat(mine.body()).contains(own.json().get("id").asText()).doesNotContain(theirs);
        assertThat(host.get("/v1/appointments?from=" + day + "&to=" + day, receptionistToken).body())
                .contains(theirs);
        assertThat(host.get("/v1/waitlist", professionalToken).status()).isEqualTo(403);
        assertThat(host.get("/v1/waitlist", receptionistToken).status()).isEqualTo(200);
        assertThat(host.get("/v1/appointments/" + theirs, other.token()).status()).isEqualTo(404);
    }

    @Test
    void aSeriesIsAllOrNothingAndACancellationOffersTheSlotToTheWaitlist() {
        Reply series = host.post("/v1/appointment-series", Map.of("clientId", client, "serviceId", service,
                "start", SchedulingFixtures.start(host, 10, 12, 0), "professionalId", professional, "everyWeeks", 1,
                "count", 3), receptionistToken);
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        assertThat(series.json().get("items").size()).isEqualTo(3);
        String seriesId = series.json().get("seriesId").asText();
        assertThat(series.header("Location")).isEqualTo("/v1/appointment-series/" + seriesId);
        assertThat(host.get("/v1/appointment-series/" + seriesId, receptionistToken).json().get("items").size())
                .isEqualTo(3);
        assertThat(host.get("/v1/appointment-series/" + seriesId, other.token()).status()).isEqualTo(404);
        long before = appointments(center.tenantId());
        Reply clash = host.post("/v1/appointment-series", Map.of("clientId", client, "serviceId", service,
                "start", SchedulingFixtures.start(host, 3, 12, 0), "professionalId", professional, "everyWeeks", 1,
                "count", 3), receptionistToken);
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().get("index").asInt()).isEqualTo(1);
        assertThat(appointments(center.tenantId())).isEqualTo(before);

        String waiting = id(host.post("/v1/clients", Map.of("fullName", "Marta Ruiz", "email", "marta@example.com"),
                center.token()));
        String day = SchedulingFixtures.day(host, 10).toString();
        Reply entry = host.post("/v1/waitlist", Map.of("clientId", waiting, "serviceId", service, "from", day,
                "to", day), receptionistToken);
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        assertThat(entry.json().get("status").asText()).isEqualTo("waiting");
        String first = series.json().get("items").get(0).get("id").asText();
        host.post("/v1/appointments/" + first + "/cancel", Map.of("reason", "Travelling"), receptionistToken);
        JsonNode list = host.get("/v1/waitlist", receptionistToken).json().get("items");
        JsonNode offered = StreamSupport.stream(list.spliterator(), false)
                .filter(e -> e.get("id").asText().equals(entry.json().get("id").asText())).findFirst().orElseThrow();
        assertThat(offered.get("status").asText()).isEqualTo("offered");
        assertThat(host.get(entry.header("Location"), receptionistToken).json().get("status").asText())
                .isEqualTo("offered");
        assertThat(offered.get("offer").get("start").asText()).isEqualTo(SchedulingFixtures.start(host, 10, 12, 0));
    }

    /**
     * Simultaneous bookings of one start: exactly one wins, the others get a 409 problem (not
     * offered any more, or refused by the exclusion constraint naming the taken resource).
     */
    @Test
    void ofSimultaneousBookingsOfOneSlotExactlyOneWins() throws Exception {
        String start = SchedulingFixtures.start(host, 7, 15, 0);
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> host.post("/v1/appointments", booking(start, professional), receptionistToken));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.json().has("start") || r.json().has("resource")).as(r.body()).isTrue();
                }
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
