package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Online booking over HTTP, without a session: the center's page with its stored notices, a
 * booking (the client attached only on phone and email both matching one, else a possible
 * duplicate for staff; the stored notice in the ledger with channel online_booking; Idempotency-Key
 * replays; the per-phone limit as a 429 with Retry-After), the manage link's actions inside and
 * outside the center's window, expired and unknown links, and CORS for any origin without
 * credentials on the public routes only.
 */
class PublicBookingApiTest {
    private static final String NOTICE = "Clínica Sol may send you offers by email.";
    private static final AtomicInteger PHONES = new AtomicInteger();
    private static TestHost host;
    private static Center center;
    private static String slug;
    private static String service;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Público " + UUID.randomUUID().toString().substring(0, 8));
        slug = host.get("/v1/center", center.token()).json().get("slug").asText();
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), center.adminId());
        assertThat(host.post("/v1/consent-purposes", Map.of("code", "offers", "description", "Offers", "marketing",
                true), center.token()).status()).isEqualTo(201);
        assertThat(host.put("/v1/consent-purposes/offers/notice", Map.of("text", NOTICE), center.token()).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String newPhone() {
        return String.format("622%06d", PHONES.incrementAndGet());
    }

    private static Map<String, Object> booking(String start, String phone, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceId", service, "start", start, "fullName",
                "Marta Ruiz", "phone", phone));
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    private static Reply book(Map<String, Object> body) {
        return host.post("/v1/public/centers/" + slug + "/bookings", body);
    }

    private static String token(Reply booked) {
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String url = booked.json().get("manageUrl").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String clientOf(Reply booked) {
        String id = booked.json().get("appointment").get("id").asText();
        return host.get("/v1/appointments/" + id, center.token()).json().get("clientId").asText();
    }

    @Test
    void thePageListsServicesAndNoticesAndAnUnknownSlugIsNotFound() {
        Reply page = host.get("/v1/public/centers/" + slug + "/services");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("services").get(0).get("id").asText()).isEqualTo(service);
        assertThat(page.json().get("services").get(0).has("professionalIds")).isFalse();
        JsonNode notice = page.json().get("consentNotices").get(0);
        assertThat(notice.get("purpose").asText()).isEqualTo("offers");
        assertThat(notice.get("text").asText()).isEqualTo(NOTICE);
        assertThat(notice.get("textVersion").asText()).isEqualTo("1");
        assertThat(host.get("/v1/public/centers/no-such-center-here/services").status()).isEqualTo(404);
        Reply slots = host.get("/v1/public/centers/" + slug + "/availability?serviceId=" + service + "&from="
                + SchedulingFixtures.day(host, 2) + "&to=" + SchedulingFixtures.day(host, 2));
        assertThat(slots.status()).as(slots.body()).isEqualTo(200);
        assertThat(slots.json().get("slots").size()).isPositive();
        assertThat(slots.body()).doesNotContain(center.adminEmail());
    }

    @Test
    void aBookingRecordsTheStoredNoticeAndAnswersTheManageLink() {
        Map<String, Object> body = booking(SchedulingFixtures.start(host, 3, 10, 0), newPhone(),
                TestHost.newEmail("marta"));
        body.put("consents", List.of(Map.of("purpose", "offers", "textVersion", "1")));
        Reply booked = book(body);
        String token = token(booked);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(booked.header("Location")).isEqualTo("/v1/public/bookings/" + token);
        JsonNode appointment = booked.json().get("appointment");
        assertThat(appointment.get("status").asText()).isEqualTo("booked");
        assertThat(appointment.get("start").asText()).isEqualTo(SchedulingFixtures.start(host, 3, 10, 0));
        assertThat(appointment.get("serviceId").asText()).isEqualTo(service);
        assertThat(booked.body()).doesNotContain("Marta").doesNotContain(center.adminId());
        Reply consents = host.get("/v1/clients/" + clientOf(booked) + "/consents", center.token());
        assertThat(consents.body()).contains("online_booking").contains("\"textVersion\":\"1\"");

        // An old version of the notice, or a purpose the center stores no text for, is refused naming the consent.
        Map<String, Object> stale = booking(SchedulingFixtures.start(host, 3, 11, 0), newPhone(), null);
        stale.put("consents", List.of(Map.of("purpose", "offers", "textVersion", "v0")));
        Reply refused = book(stale);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("consents[0]");
        stale.put("consents", List.of(Map.of("purpose", "marketing", "textVersion", "v1")));
        assertThat(book(stale).status()).isEqualTo(422);
    }

    @Test
    void aBookingAttachesOnlyWhenPhoneAndEmailBothMatch() {
        String phone = newPhone();
        String email = TestHost.newEmail("lucia");
        Reply created = host.post("/v1/clients", Map.of("fullName", "Lucía Fernández", "phone", phone, "email",
                email), center.token());
        String existing = created.json().get("id").asText();
        Reply both = book(booking(SchedulingFixtures.start(host, 4, 9, 0), phone, email));
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        assertThat(clientOf(both)).isEqualTo(existing);
        Reply phoneOnly = book(booking(SchedulingFixtures.start(host, 4, 10, 0), phone, TestHost.newEmail("x")));
        assertThat(phoneOnly.status()).as(phoneOnly.body()).isEqualTo(201);
        assertThat(clientOf(phoneOnly)).isNotEqualTo(existing);
        // The public learns nothing of it; staff find it on the audit trail.
        assertThat(phoneOnly.body()).doesNotContain("duplicate");
        assertThat(host.get("/v1/audit/events?limit=200", center.token()).body())
                .contains("appointment.possible_duplicate");
    }

    @Test
    void badBookingsNameTheirFieldAndWriteNothing() {
        Reply noOffset = book(booking("2030-01-07T10:00:00", newPhone(), null));
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(noOffset.json().get("errors").get(0).get("field").asText()).isEqualTo("start");
        Reply unknown = book(Map.of("serviceId", UUID.randomUUID().toString(), "start",
                SchedulingFixtures.start(host, 3, 12, 0), "fullName", "X", "phone", newPhone()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("serviceId");
        assertThat(host.post("/v1/public/centers/no-such-center-here/bookings",
                booking(SchedulingFixtures.start(host, 3, 12, 0), newPhone(), null)).status()).isEqualTo(404);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstBooking() {
        Map<String, Object> body = booking(SchedulingFixtures.start(host, 5, 10, 0), newPhone(), null);
        String key = "public-" + UUID.randomUUID();
        Reply first = host.send(host.request("/v1/public/centers/" + slug + "/bookings")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
        Reply again = host.send(host.request("/v1/public/centers/" + slug + "/bookings")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        Map<String, Object> other = booking(SchedulingFixtures.start(host, 5, 11, 0), newPhone(), null);
        Reply reused = host.send(host.request("/v1/public/centers/" + slug + "/bookings")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(other))).build());
        assertThat(reused.status()).isEqualTo(422);
    }

    @Test
    void bookingsPerPhoneAreLimitedWithRetryAfter() {
        String phone = newPhone();
        for (int i = 0; i < 5; i++) {
            assertThat(book(booking(SchedulingFixtures.start(host, 6, 8 + i, 0), phone, null)).status())
                    .isEqualTo(201);
        }
        Reply limited = book(booking(SchedulingFixtures.start(host, 6, 14, 0), phone, null));
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void theManageLinkActsBeforeTheWindowAndReadsAfterCancelling() {
        String token = token(book(booking(SchedulingFixtures.start(host, 7, 10, 0), newPhone(), null)));
        Reply read = host.get("/v1/public/bookings/" + token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(read.json().get("changeableUntil").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(SchedulingFixtures.start(host, 7, 10, 0)).toInstant()
                        .minus(Duration.ofHours(24)));
        assertThat(host.post("/v1/public/bookings/" + token + "/confirm", Map.of()).json().get("status").asText())
                .isEqualTo("confirmed");
        Reply moved = host.post("/v1/public/bookings/" + token + "/reschedule",
                Map.of("start", SchedulingFixtures.start(host, 7, 12, 0)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("start").asText()).isEqualTo(SchedulingFixtures.start(host, 7, 12, 0));
        assertThat(host.post("/v1/public/bookings/" + token + "/cancel", Map.of()).json().get("status").asText())
                .isEqualTo("cancelled");
        assertThat(host.get("/v1/public/bookings/" + token).json().get("status").asText()).isEqualTo("cancelled");
        assertThat(host.post("/v1/public/bookings/" + token + "/confirm", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void insideTheWindowTheLinkAnswers409WithChangeableUntilAndExpiresAtTheEnd() {
        // The first quarter hour at least an hour ahead within the 07:00–22:00 hours: always inside the
        // default 24-hour window, whatever the time the test runs.
        java.time.ZonedDateTime t = host.clock.instant().plus(Duration.ofHours(1)).atZone(SchedulingFixtures.MADRID)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusHours(1);
        if (t.getHour() < 7) {
            t = t.withHour(7);
        } else if (t.getHour() > 20) {
            t = t.plusDays(1).withHour(7);
        }
        Reply booked = book(booking(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                t.toOffsetDateTime()), newPhone(), null));
        String token = token(booked);
        Reply cancel = host.post("/v1/public/bookings/" + token + "/cancel", Map.of("reason", "ill"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(409);
        assertThat(cancel.json().has("changeableUntil")).isTrue();
        assertThat(host.post("/v1/public/bookings/" + token + "/reschedule", Map.of("start",
                SchedulingFixtures.start(host, 9, 10, 0))).status()).isEqualTo(409);
        assertThat(host.get("/v1/public/bookings/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(host.get("/v1/public/bookings/short").status()).isEqualTo(404);
        Duration ahead = Duration.between(host.clock.instant(), OffsetDateTime.parse(
                booked.json().get("appointment").get("end").asText()).toInstant()).plusMinutes(1);
        host.clock.advance(ahead);
        try {
            assertThat(host.get("/v1/public/bookings/" + token).status()).isEqualTo(404);
        } finally {
            host.clock.advance(ahead.negated());
        }
    }

    @Test
    void publicRoutesAnswerAnyOriginWithoutCredentialsAndPrivateOnesDoNot() {
        Reply preflight = host.send(host.request("/v1/public/centers/" + slug + "/bookings")
                .header("Origin", "https://clinica-sol.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Idempotency-Key")
                .doesNotContain("Authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        Reply page = host.send(host.request("/v1/public/centers/" + slug + "/services")
                .header("Origin", "https://clinica-sol.example").GET().build());
        assertThat(page.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(page.header("Access-Control-Allow-Credentials")).isNull();
        Reply missing = host.send(host.request("/v1/public/bookings/" + "B".repeat(43))
                .header("Origin", "https://clinica-sol.example").GET().build());
        assertThat(missing.status()).isEqualTo(404);
        // The private routes keep their own rule: an origin not configured gets no CORS header.
        Reply privatePreflight = host.send(host.request("/v1/clients")
                .header("Origin", "https://clinica-sol.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(privatePreflight.header("Access-Control-Allow-Origin")).isNull();
        Reply privateGet = host.send(host.request("/v1/me").header("Origin", "https://clinica-sol.example")
                .header("Authorization", "Bearer " + center.token()).GET().build());
        assertThat(privateGet.header("Access-Control-Allow-Origin")).isNull();
    }
}
