package com.qleven.host.http.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice texts a center publishes for its consent purposes, over HTTP (issue 9): an
 * administrator publishes a WhatsApp notice, the public booking page shows it, a public booking
 * accepts it and the client's ledger holds the WhatsApp grant with that exact text's hash and
 * channel online_booking; a page still showing an older version is refused naming the consent.
 * Then who may publish and read, and what bad input gets.
 */
class ConsentNoticesApiTest {
    private static final String WHATSAPP = "Clínica Luz le enviará por WhatsApp la confirmación y el recordatorio"
            + " de sus citas.\nPuede retirar su consentimiento respondiendo BAJA.";
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String receptionist;
    private static String slug;
    private static String service;
    private static int phones;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Avisos " + UUID.randomUUID().toString().substring(0, 8));
        other = host.newCenter("Centro Ajeno " + UUID.randomUUID().toString().substring(0, 8));
        String email = TestHost.newEmail("receptionist");
        assertThat(host.post("/v1/users", TestHost.userBody(email, "receptionist"), center.token()).status())
                .isEqualTo(201);
        receptionist = host.login(email, TestHost.PASSWORD, null);
        slug = host.get("/v1/center", center.token()).json().get("slug").asText();
        service = SchedulingFixtures.service(host, center.tenantId());
        SchedulingFixtures.workEveryDay(host, center.tenantId(), center.adminId());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Reply publish(String purpose, Object text, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        return host.put("/v1/consent-purposes/" + purpose + "/notice", body, token);
    }

    private static Reply book(int hour, String textVersion) {
        return host.post("/v1/public/centers/" + slug + "/bookings", Map.of("serviceId", service, "start",
                SchedulingFixtures.start(host, 3, hour, 0), "fullName", "Marta Ruiz", "phone",
                String.format("633%06d", ++phones), "consents", List.of(Map.of("purpose", "whatsapp",
                        "textVersion", textVersion))));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPublishedWhatsAppNoticeIsShownAcceptedOnlineAndInTheLedgerWithItsExactText() throws Exception {
        Reply published = publish("whatsapp", WHATSAPP, center.token());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("purpose").asText()).isEqualTo("whatsapp");
        assertThat(published.json().get("version").asInt()).isEqualTo(1);
        assertThat(published.json().get("text").asText()).isEqualTo(WHATSAPP);
        assertThat(published.json().get("publishedAt").asText()).endsWith("Z");

        JsonNode notices = host.get("/v1/public/centers/" + slug + "/services").json().get("consentNotices");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("purpose").asText()).isEqualTo("whatsapp");
        assertThat(notices.get(0).get("textVersion").asText()).isEqualTo("1");
        assertThat(notices.get(0).get("text").asText()).isEqualTo(WHATSAPP);

        Reply booked = book(10, "1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String appointment = booked.json().get("appointment").get("id").asText();
        String client = host.get("/v1/appointments/" + appointment, center.token()).json().get("clientId").asText();
        JsonNode consents = host.get("/v1/clients/" + client + "/consents", center.token()).json();
        assertThat(consents.get("current").get("whatsapp").asBoolean()).isTrue();
        JsonNode entry = consents.get("history").get(0);
        assertThat(consents.get("history")).hasSize(1);
        assertThat(entry.get("purpose").asText()).isEqualTo("whatsapp");
        assertThat(entry.get("decision").asText()).isEqualTo("granted");
        assertThat(entry.get("channel").asText()).isEqualTo("online_booking");
        assertThat(entry.get("textVersion").asText()).isEqualTo("1");
        assertThat(entry.get("textSha256").asText()).isEqualTo(sha256(WHATSAPP));
        assertThat(entry.get("recordedBy").isNull()).isTrue();

        // A new text is version 2; a page still showing version 1 cannot record consent to it.
        String changed = WHATSAPP + " Tarifas de su operador.";
        assertThat(publish("whatsapp", changed, center.token()).json().get("version").asInt()).isEqualTo(2);
        Reply stale = book(11, "1");
        assertThat(stale.status()).as(stale.body()).isEqualTo(422);
        assertThat(stale.json().get("errors").get(0).get("field").asText()).isEqualTo("consents[0]");
        assertThat(stale.json().get("detail").asText()).contains("version 2");
        assertThat(host.get("/v1/public/centers/" + slug + "/services").json().get("consentNotices").get(0)
                .get("textVersion").asText()).isEqualTo("2");

        // Both versions stay, newest first; every desk may read them.
        JsonNode versions = host.get("/v1/consent-purposes/whatsapp/notices", receptionist).json();
        assertThat(versions.get("items")).extracting(n -> n.get("version").asInt()).containsExactly(2, 1);
        assertThat(versions.get("items").get(1).get("text").asText()).isEqualTo(WHATSAPP);
        assertThat(versions.get("next").isNull()).isTrue();
        JsonNode first = host.get("/v1/consent-purposes/whatsapp/notices?limit=1", center.token()).json();
        assertThat(first.get("items")).extracting(n -> n.get("version").asInt()).containsExactly(2);
        JsonNode second = host.get("/v1/consent-purposes/whatsapp/notices?limit=1&cursor="
                + first.get("next").asText(), center.token()).json();
        assertThat(second.get("items")).extracting(n -> n.get("version").asInt()).containsExactly(1);

        List<String> actions = new ArrayList<>();
        host.get("/v1/audit/events?limit=200", center.token()).json().get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions.stream().filter("consent_notice.publish"::equals)).hasSize(2);
    }

    @Test
    void theSameTextAgainPublishesNothingAndOnlyAdministratorsPublish() {
        Reply v1 = publish("marketing", "Ofertas de temporada por correo.", center.token());
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        Reply again = publish("marketing", "Ofertas de temporada por correo.", center.token());
        assertThat(again.json()).isEqualTo(v1.json());
        assertThat(host.get("/v1/consent-purposes/marketing/notices", center.token()).json().get("items")).hasSize(1);

        assertThat(publish("marketing", "Otra cosa.", receptionist).status()).isEqualTo(403);
        assertThat(host.get("/v1/consent-purposes/marketing/notices", receptionist).json().get("items")).hasSize(1);
        assertThat(host.get("/v1/consent-purposes/marketing/notices", other.token()).json().get("items")).isEmpty();
    }

    @Test
    void anUnknownPurposeIsNotFoundAndABadTextIsA400NamingIt() {
        assertThat(host.post("/v1/consent-purposes", Map.of("code", "reviews", "description", "Reviews",
                "marketing", false), center.token()).status()).isEqualTo(201);
        assertThat(publish("reviews", "¿Podemos pedirle una reseña?", center.token()).status()).isEqualTo(200);
        for (String purpose : List.of("no_such_purpose", "Not-A-Code", "x")) {
            assertThat(publish(purpose, "Texto", center.token()).status()).as(purpose).isEqualTo(404);
        }
        assertThat(publish("reviews", "Texto", other.token()).status()).as("another center's purpose").isEqualTo(404);
        assertThat(host.get("/v1/consent-purposes/reviews/notices", other.token()).status()).isEqualTo(404);

        for (Object bad : new Object[] {null, "", "   ", "x".repeat(20_001), 42, "Texto\u0000"}) {
            Reply refused = publish("reviews", bad, center.token());
            assertThat(refused.status()).as(String.valueOf(bad).substring(0, Math.min(10, String.valueOf(bad)
                    .length()))).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
        }
        Reply unknown = host.put("/v1/consent-purposes/reviews/notice", Map.of("text", "Hola", "language", "es"),
                center.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(host.get("/v1/consent-purposes/reviews/notices", center.token()).json().get("items")).hasSize(1);
        assertThat(host.get("/v1/consent-purposes/reviews/notices?cursor=bad", center.token()).status())
                .isEqualTo(400);
    }
}
