package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, staff answering a waitlist offer over HTTP: a cancellation makes an offer, the desk
 * accepts it (the appointment exists, booked for the waiting client, and the entry is booked), or
 * declines it, which passes the slot at once to the second waiting client, who is mailed; a
 * withdrawal takes an entry off, and what is no longer offered is a 409 naming its status.
 */
class WaitlistAnswersApiTest {
    private static TestHost host;
    private static Center center;
    private static String professional;
    private static String professionalToken;
    private static String colleagueToken;
    private static String receptionistToken;
    private static String service;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Lista");
        String proEmail = TestHost.newEmail("pro");
        professional = id(host.post("/v1/users", TestHost.userBody(proEmail, "professional"), center.token()));
        professionalToken = host.login(proEmail, TestHost.PASSWORD, null);
        String colleagueEmail = TestHost.newEmail("colleague");
        String colleague = id(host.post("/v1/users", TestHost.userBody(colleagueEmail, "professional"),
                center.token()));
        colleagueToken = host.login(colleagueEmail, TestHost.PASSWORD, null);
        String receptionistEmail = TestHost.newEmail("desk");
        id(host.post("/v1/users", TestHost.userBody(receptionistEmail, "receptionist"), center.token()));
        receptionistToken = host.login(receptionistEmail, TestHost.PASSWORD, null);
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional, colleague);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String id(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static String mbox() throws Exception {
        Path mbox = host.dataDir().resolve("mail.mbox");
        return Files.exists(mbox) ? Files.readString(mbox, StandardCharsets.US_ASCII).replace("=\n", "") : "";
    }

    /** How many times {@code action} was audited on the waitlist entry {@code entry}. */
    private static long audited(String action, String entry) {
        try (Connection c = host.superuser(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM public.audit_events WHERE tenant_id = ? AND action = ? AND subject_id = ?")) {
            ps.setObject(1, UUID.fromString(center.tenantId()));
            ps.setString(2, action);
            ps.setObject(3, UUID.fromString(entry));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(String entry) {
        return host.get("/v1/waitlist/" + entry, receptionistToken).json().get("status").asText();
    }

    /** A client with an email of their own, waiting for the service on {@code day} days from now. */
    private static String[] waiting(String name, int day) {
        String email = TestHost.newEmail("waiting");
        String client = id(host.post("/v1/clients", Map.of("fullName", name, "email", email), center.token()));
        String date = SchedulingFixtures.day(host, day).toString();
        String entry = id(host.post("/v1/waitlist", Map.of("clientId", client, "serviceId", service, "from", date,
                "to", date), receptionistToken));
        host.clock.advance(Duration.ofSeconds(1));
        return new String[] {client, entry, email};
    }

    /** Books {@code start} with the professional for a client of no waitlist, then cancels it. */
    private static void freed(String start) {
        String booked = id(host.post("/v1/clients", Map.of("fullName", "Eva Sanz"), center.token()));
        String appointment = id(host.post("/v1/appointments", Map.of("clientId", booked, "serviceId", service,
                "start", start, "professionalId", professional), receptionistToken));
        Reply cancelled = host.post("/v1/appointments/" + appointment + "/cancel", Map.of("reason", "Travelling"),
                receptionistToken);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    }

    private static Reply act(String entry, String verb, String token) {
        return host.send(host.request("/v1/waitlist/" + entry + "/" + verb).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aCancellationMakesAnOfferTheDeskAcceptsItAndTheAppointmentIsBookedForTheWaitingClient() {
        String[] marta = waiting("Marta Ruiz", 5);
        String start = SchedulingFixtures.start(host, 5, 11, 0);
        freed(start);
        assertThat(status(marta[1])).isEqualTo("offered");

        assertThat(act(marta[1], "accept", colleagueToken).status()).as("another professional's agenda")
                .isEqualTo(403);
        assertThat(act(marta[1], "decline", professionalToken).status()).as("declining is the desk's")
                .isEqualTo(403);
        String key = UUID.randomUUID().toString();
        HttpRequest accept = host.request("/v1/waitlist/" + marta[1] + "/accept")
                .header("Authorization", "Bearer " + receptionistToken).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        Reply accepted = host.send(accept);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode entry = accepted.json().get("entry");
        JsonNode appointment = accepted.json().get("appointment");
        assertThat(entry.get("id").asText()).isEqualTo(marta[1]);
        assertThat(entry.get("status").asText()).isEqualTo("booked");
        assertThat(entry.get("offer").isNull()).isTrue();
        assertThat(appointment.get("clientId").asText()).isEqualTo(marta[0]);
        assertThat(appointment.get("start").asText()).isEqualTo(start);
        assertThat(appointment.get("professionalId").asText()).isEqualTo(professional);
        assertThat(appointment.get("status").asText()).isEqualTo("booked");
        String appointmentId = appointment.get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/v1/appointments/" + appointmentId);

        Reply read = host.get("/v1/appointments/" + appointmentId, receptionistToken);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("clientId").asText()).isEqualTo(marta[0]);
        assertThat(status(marta[1])).isEqualTo("booked");
        assertThat(entry.get("appointmentId").asText()).isEqualTo(appointmentId);
        assertThat(host.get("/v1/waitlist/" + marta[1], receptionistToken).json().get("appointmentId").asText())
                .isEqualTo(appointmentId);
        assertThat(audited("waitlist.accept", marta[1])).isEqualTo(1);

        Reply replay = host.send(accept);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asText()).as("the appointment as it now is").isEqualTo(appointmentId);
        assertThat(audited("waitlist.accept", marta[1])).as("a replay books nothing again").isEqualTo(1);

        Reply again = act(marta[1], "accept", receptionistToken);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asText()).isEqualTo("booked");
        Reply withdrawn = act(marta[1], "withdraw", receptionistToken);
        assertThat(withdrawn.status()).isEqualTo(409);
        assertThat(withdrawn.json().get("currentStatus").asText()).isEqualTo("booked");
        assertThat(act(UUID.randomUUID().toString(), "accept", receptionistToken).status()).isEqualTo(404);
        assertThat(act("not-an-id", "decline", receptionistToken).status()).isEqualTo(404);
    }

    @Test
    void aProfessionalAcceptsAnOfferOnTheirOwnAgenda() {
        String[] pau = waiting("Pau Roig", 6);
        freed(SchedulingFixtures.start(host, 6, 16, 0));
        Reply accepted = act(pau[1], "accept", professionalToken);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("appointment").get("professionalId").asText()).isEqualTo(professional);
    }

    @Test
    void aDeclinePassesTheOfferAtOnceToTheSecondWaitingClientWhoIsMailed() throws Exception {
        String[] first = waiting("Luis Gil", 8);
        String[] second = waiting("Ana Sol", 8);
        String start = SchedulingFixtures.start(host, 8, 10, 0);
        freed(start);
        assertThat(status(first[1])).isEqualTo("offered");
        assertThat(status(second[1])).isEqualTo("waiting");
        await("the offer's mail to the first").atMost(Duration.ofSeconds(15))
                .until(WaitlistAnswersApiTest::mbox, t -> t.contains("To: " + first[2]));
        assertThat(mbox()).doesNotContain("To: " + second[2]);

        Reply declined = act(first[1], "decline", receptionistToken);
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("waiting");
        assertThat(declined.json().get("offer").isNull()).isTrue();
        assertThat(declined.json().get("appointmentId").isNull()).isTrue();
        JsonNode passed = host.get("/v1/waitlist/" + second[1], receptionistToken).json();
        assertThat(passed.get("status").asText()).isEqualTo("offered");
        assertThat(passed.get("offer").get("start").asText()).isEqualTo(start);
        assertThat(audited("waitlist.decline", first[1])).isEqualTo(1);
        String mail = await("the mail to the second client").atMost(Duration.ofSeconds(15))
                .until(WaitlistAnswersApiTest::mbox, t -> t.contains("To: " + second[2]));
        assertThat(mail.substring(mail.lastIndexOf("To: " + second[2]))).contains("a place has opened for you");

        Reply again = act(first[1], "decline", receptionistToken);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asText()).isEqualTo("waiting");

        // The second withdraws: nobody else waits, the first already turned this slot down.
        Reply withdrawn = act(second[1], "withdraw", center.token());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("withdrawn");
        assertThat(status(first[1])).isEqualTo("waiting");
        Reply twice = act(second[1], "withdraw", center.token());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("currentStatus").asText()).isEqualTo("withdrawn");
        assertThat(audited("waitlist.withdraw", second[1])).isEqualTo(1);
    }
}
