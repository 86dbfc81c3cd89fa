package com.qleven.host.http.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Possible duplicates over HTTP, from a real online booking: a person books with the phone of a
 * client the center already has (and another email), so the booking makes a new client and flags
 * the pair; the receptionist sees it in the list and on both clients' pages, and dismisses it; a
 * professional is refused, another center sees nothing of it, and bad input names its field.
 */
class ClientDuplicatesApiTest {
    private static TestHost host;
    private static Center center;
    private static String slug;
    private static String service;
    private static String receptionist;
    private static String professional;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Duplicados " + UUID.randomUUID().toString().substring(0, 8));
        slug = host.get("/v1/center", center.token()).json().get("slug").asText();
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), center.adminId());
        receptionist = member("receptionist");
        professional = member("professional");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String member(String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    private static String existingClient(String phone, String email) {
        Reply created = host.post("/v1/clients", Map.of("fullName", "Lucía Fernández", "phone", phone, "email",
                email), center.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Reply bookOnline(int days, String phone, String email) {
        return host.post("/v1/public/centers/" + slug + "/bookings", Map.of("serviceId", service, "start",
                SchedulingFixtures.start(host, days, 10, 0), "fullName", "Lucía F.", "phone", phone, "email", email));
    }

    private static String clientOf(Reply booked) {
        String appointment = booked.json().get("appointment").get("id").asText();
        return host.get("/v1/appointments/" + appointment, center.token()).json().get("clientId").asText();
    }

    private static JsonNode flagOf(String token, String other) {
        Reply page = host.get("/v1/client-duplicates?limit=200", token);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (item.get("otherClientId").asText().equals(other)) {
                return item;
            }
        }
        return null;
    }

    private static Reply dismiss(String id, String token) {
        return host.post("/v1/client-duplicates/" + id + "/dismiss", Map.of(), token);
    }

    @Test
    void aBookingSharingAPhoneIsFlaggedSeenOnBothClientsAndDismissed() {
        String existing = existingClient("600 321 001", TestHost.newEmail("lucia"));
        Reply booked = bookOnline(3, "600 321 001", TestHost.newEmail("another"));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.body()).as("the public learns nothing of it").doesNotContain("duplicate")
                .doesNotContain(existing);
        String made = clientOf(booked);
        assertThat(made).isNotEqualTo(existing);

        JsonNode flag = flagOf(receptionist, existing);
        assertThat(flag).as("the receptionist's list holds the pair").isNotNull();
        assertThat(flag.get("clientId").asText()).isEqualTo(made);
        assertThat(flag.get("matchedOn").asText()).isEqualTo("phone");
        assertThat(flag.get("source").asText()).isEqualTo("online_booking");
        assertThat(flag.get("appointmentId").asText()).isEqualTo(booked.json().get("appointment").get("id").asText());
        assertThat(flag.get("flaggedAt").asText()).endsWith("Z");
        // The shared phone in none of its forms (ids are random hex and may hold any three digits).
        assertThat(flag.toString()).doesNotContain("600 321 001", "600321001", "321001");
        String id = flag.get("id").asText();

        Reply existingPage = host.get("/v1/clients/" + existing, receptionist);
        assertThat(existingPage.json().get("possibleDuplicateOf").get(0).asText()).isEqualTo(made);
        Reply madePage = host.get("/v1/clients/" + made, center.token());
        assertThat(madePage.json().get("possibleDuplicateOf").get(0).asText()).isEqualTo(existing);
        assertThat(host.get("/v1/clients/" + existing, professional).json().has("possibleDuplicateOf"))
                .as("a professional's answer has no such member").isFalse();
        assertThat(host.get("/v1/clients", center.token()).json().get("items").get(0).has("possibleDuplicateOf"))
                .as("lists leave it out").isFalse();

        // A professional may neither list nor dismiss; another center's administrator finds no such flag.
        assertThat(host.get("/v1/client-duplicates", professional).status()).isEqualTo(403);
        assertThat(dismiss(id, professional).status()).isEqualTo(403);
        Center other = host.newCenter("Centro Otro " + UUID.randomUUID().toString().substring(0, 8));
        Reply foreign = dismiss(id, other.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(existing).doesNotContain(made);
        assertThat(host.get("/v1/client-duplicates", other.token()).json().get("items")).isEmpty();
        assertThat(flagOf(receptionist, existing)).as("still open").isNotNull();

        String key = "dismiss-" + UUID.randomUUID();
        Reply dismissed = host.send(host.request("/v1/client-duplicates/" + id + "/dismiss")
                .header("Authorization", "Bearer " + receptionist).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(204);
        Reply replayed = host.send(host.request("/v1/client-duplicates/" + id + "/dismiss")
                .header("Authorization", "Bearer " + receptionist).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(replayed.status()).isEqualTo(204);
        assertThat(dismiss(id, center.token()).status()).as("dismissed before: nothing changes").isEqualTo(204);
        assertThat(flagOf(receptionist, existing)).as("gone from the list").isNull();
        assertThat(host.get("/v1/clients/" + existing, receptionist).json().get("possibleDuplicateOf")).isEmpty();

        String events = host.get("/v1/audit/events?limit=200", center.token()).body();
        assertThat(events).contains("appointment.possible_duplicate").contains("client_duplicate.list")
                .contains("client_duplicate.dismiss");
        assertThat(events.split("client_duplicate.dismiss", -1)).as("one dismissal recorded").hasSize(2);
    }

    @Test
    void phoneAndEmailOfOneClientAttachWithoutAFlagAndBothOfTwoFlagBoth() {
        String phone = "600 321 002";
        String email = TestHost.newEmail("marta");
        String existing = existingClient(phone, email);
        Reply attached = bookOnline(4, phone, email);
        assertThat(clientOf(attached)).isEqualTo(existing);
        assertThat(flagOf(center.token(), existing)).isNull();

        String twin = existingClient(phone, email);
        Reply twins = bookOnline(5, phone, email);
        assertThat(twins.status()).as(twins.body()).isEqualTo(201);
        String made = clientOf(twins);
        assertThat(List.of(existing, twin)).doesNotContain(made);
        assertThat(flagOf(center.token(), existing).get("matchedOn").asText()).isEqualTo("both");
        assertThat(flagOf(center.token(), twin).get("matchedOn").asText()).isEqualTo("both");
    }

    @Test
    void badInputNamesItsField() {
        Reply limit = host.get("/v1/client-duplicates?limit=0", center.token());
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        Reply cursor = host.get("/v1/client-duplicates?cursor=not-a-cursor", center.token());
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        assertThat(dismiss("not-a-uuid", center.token()).status()).isEqualTo(404);
        assertThat(dismiss(UUID.randomUUID().toString(), center.token()).status()).isEqualTo(404);
        Reply key = host.send(host.request("/v1/client-duplicates/" + UUID.randomUUID() + "/dismiss")
                .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", "k\tey")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(key.status()).isEqualTo(400);
        assertThat(host.get("/v1/client-duplicates", null).status()).isEqualTo(401);
    }
}
