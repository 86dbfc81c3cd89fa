package com.qleven.host.http.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A center's templates over HTTP against the fake Graph API: a sync adds, updates and marks deleted
 * by name and language (keeping a mapping that still fits), an approved template is mapped (a pending
 * one refused, a mapping that does not fit named), a new one is submitted and kept PENDING, Meta's
 * refusals are 502s with the Graph code and store nothing, a 190 marks the number for reconnection
 * and tells the administrators once, each role's reach, and another center's template is not found.
 */
class TemplateApiTest {
    private static final AtomicLong IDS = new AtomicLong(300_000_000_000L);
    private static FakeGraphApi fake;
    private static TestHost host;
    private static Center other;
    private static String receptionistToken;
    private static String professionalToken;
    private static Center center;

    private static final String REMINDER = "[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Cita en {{1}}\"},"
            + "{\"type\":\"BODY\",\"text\":\"Hola {{1}}, te esperamos el {{2}}.\"},"
            + "{\"type\":\"FOOTER\",\"text\":\"Responde STOP para no recibir más\"},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Vale\"},"
            + "{\"type\":\"URL\",\"text\":\"Gestionar\",\"url\":\"https://q.example/m/{{1}}\"}]}]";
    private static final String SIMPLE = "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}\"}]";

    private record Number(String waba, String token) {
    }

    @BeforeAll
    static void start() {
        fake = FakeGraphApi.start(0);
        host = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString()));
        center = host.newCenter("Centro Plantillas");
        other = host.newCenter("Centro Otro");
        receptionistToken = member("receptionist");
        professionalToken = member("professional");
    }

    @AfterAll
    static void stop() {
        host.close();
        fake.close();
    }

    private static String member(String role) {
        String email = TestHost.newEmail(role);
        assertThat(host.post("/v1/users", TestHost.userBody(email, role), center.token()).status()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    private static String graphId() {
        return Long.toString(IDS.incrementAndGet());
    }

    /** Connects the center's number to a business account of its own at the fake. */
    private static Number connect(Center c) {
        Number n = new Number(graphId(), "EAAG" + UUID.randomUUID().toString().replace("-", ""));
        fake.acceptToken(n.token());
        Reply r = host.put("/v1/whatsapp/account", Map.of("phoneNumberId", graphId(), "wabaId", n.waba(),
                "accessToken", n.token(), "displayPhoneNumber", "+34 600 000 009"), c.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return n;
    }

    private static Reply sync(Center c) {
        return host.post(TemplateEndpoints.SYNC, "", c.token());
    }

    private static JsonNode synced(Center c) {
        Reply r = sync(c);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> items(Center c) {
        Reply r = host.get(TemplateEndpoints.TEMPLATES + "?limit=200", c.token());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        r.json().get("items").forEach(all::add);
        return all;
    }

    private static JsonNode named(Center c, String name) {
        return items(c).stream().filter(t -> t.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> fields(Reply problem) {
        return StreamSupport.stream(problem.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static Map<String, Object> mapping(String purpose, String... componentThenSource) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < componentThenSource.length; i += 2) {
            parameters.add(Map.of("component", componentThenSource[i], "source", componentThenSource[i + 1]));
        }
        return Map.of("purpose", purpose, "parameters", parameters);
    }

    @Test
    void aSyncAddsUpdatesAndMarksDeletedAndKeepsAMappingThatStillFits() {
        Center c = host.newCenter("Centro Sync");
        Number n = connect(c);
        String reminderId = fake.addTemplate(n.waba(), "appointment_reminder", "es", "UTILITY", "APPROVED", REMINDER);
        fake.addTemplate(n.waba(), "appointment_reminder", "fr", "UTILITY", "APPROVED", REMINDER);
        String promoId = fake.addTemplate(n.waba(), "promo", "es", "MARKETING", "PENDING", SIMPLE);

        assertThat(synced(c)).isEqualTo(TestHost.JSON.valueToTree(Map.of("added", 3, "updated", 0, "removed", 0)));
        assertThat(items(c)).extracting(t -> t.get("name").asText() + "/" + t.get("language").asText() + "/"
                + t.get("status").asText()).containsExactly("appointment_reminder/es/APPROVED",
                "appointment_reminder/fr/APPROVED", "promo/es/PENDING");
        JsonNode reminder = items(c).get(0);
        assertThat(reminder.get("category").asText()).isEqualTo("UTILITY");
        assertThat(reminder.get("purpose").isNull()).isTrue();
        Reply detail = host.get(TemplateEndpoints.TEMPLATES + "/" + reminder.get("id").asText(), c.token());
        assertThat(detail.json().get("components")).extracting(x -> x.get("component").asText() + ":"
                + x.get("placeholders").asInt()).containsExactly("header:1", "body:2", "footer:0", "button.0:0",
                "button.1:1");

        Reply mapped = host.patch(TemplateEndpoints.TEMPLATES + "/" + reminder.get("id").asText(), mapping("reminder",
                "header", "center.name", "body", "client.first_name", "body", "appointment.start",
                "button.1", "manage_link"), c.token());
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().get("purpose").asText()).isEqualTo("reminder");
        assertThat(mapped.json().get("parameters")).hasSize(4);

        // Again: nothing changed. Then Meta pauses the Spanish one and drops the promotion.
        assertThat(synced(c)).isEqualTo(TestHost.JSON.valueToTree(Map.of("added", 0, "updated", 0, "removed", 0)));
        fake.setTemplateStatus(reminderId, "PAUSED");
        fake.setTemplateStatus(promoId, "DELETED");
        assertThat(synced(c)).isEqualTo(TestHost.JSON.valueToTree(Map.of("added", 0, "updated", 2, "removed", 0)));
        JsonNode paused = host.get(TemplateEndpoints.TEMPLATES + "/" + reminder.get("id").asText(), c.token()).json();
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.get("purpose").asText()).as("the mapping still fits: kept").isEqualTo("reminder");
        assertThat(paused.get("parameters")).hasSize(4);

        // The center moves to a business account that lists none of them: all are marked, none deleted.
        Number moved = connect(c);
        assertThat(moved.waba()).isNotEqualTo(n.waba());
        assertThat(synced(c)).isEqualTo(TestHost.JSON.valueToTree(Map.of("added", 0, "updated", 0, "removed", 2)));
        assertThat(items(c)).extracting(t -> t.get("status").asText()).containsOnly("DELETED");
        assertThat(synced(c).get("removed").asInt()).isZero();
    }

    @Test
    void aQuickReplyKeepsItsTitleAndTakesAReplyActionWhileOtherButtonsAreRefusedByIndex() {
        Center c = host.newCenter("Centro Botones");
        Number n = connect(c);
        fake.addTemplate(n.waba(), "reminder_buttons", "es", "UTILITY", "APPROVED", REMINDER);
        synced(c);
        String id = named(c, "reminder_buttons").get("id").asText();
        JsonNode detail = host.get(TemplateEndpoints.TEMPLATES + "/" + id, c.token()).json();
        assertThat(detail.get("components").get(3).get("replyTitle").asText()).isEqualTo("Vale");
        assertThat(detail.get("components").get(4).has("replyTitle")).isFalse();
        assertThat(detail.get("replyActions").size()).isZero();

        Map<String, Object> body = new java.util.HashMap<>(mapping("reminder", "header", "center.name", "body",
                "client.first_name", "body", "appointment.start", "button.1", "manage_link"));
        body.put("replyActions", Map.of("0", "confirm"));
        Reply mapped = host.patch(TemplateEndpoints.TEMPLATES + "/" + id, body, c.token());
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().get("replyActions").toString()).isEqualTo("{\"0\":\"confirm\"}");
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "/" + id, c.token()).json().get("replyActions").toString())
                .isEqualTo("{\"0\":\"confirm\"}");
        // A sync of the same definition keeps it.
        synced(c);
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "/" + id, c.token()).json().get("replyActions").size())
                .isEqualTo(1);

        body.put("replyActions", Map.of("1", "cancel", "x", "confirm", "0", "delete"));
        Reply bad = host.patch(TemplateEndpoints.TEMPLATES + "/" + id, body, c.token());
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("replyActions.x", "replyActions.0");
        body.put("replyActions", Map.of("1", "cancel"));
        Reply url = host.patch(TemplateEndpoints.TEMPLATES + "/" + id, body, c.token());
        assertThat(url.status()).as(url.body()).isEqualTo(400);
        assertThat(fields(url)).containsExactly("replyActions.1");
        Map<String, Object> cleared = new java.util.HashMap<>();
        cleared.put("purpose", null);
        cleared.put("replyActions", Map.of("0", "confirm"));
        Reply withoutPurpose = host.patch(TemplateEndpoints.TEMPLATES + "/" + id, cleared, c.token());
        assertThat(withoutPurpose.status()).as(withoutPurpose.body()).isEqualTo(400);
        assertThat(fields(withoutPurpose)).containsExactly("replyActions");
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "/" + id, c.token()).json().get("replyActions").toString())
                .as("nothing saved by a refused change").isEqualTo("{\"0\":\"confirm\"}");
    }

    @Test
    void aChangedDefinitionDropsAMappingThatNoLongerFits() {
        Center c = host.newCenter("Centro Cambio");
        Number n = connect(c);
        fake.addTemplate(n.waba(), "visit_follow_up", "es", "UTILITY", "APPROVED", SIMPLE);
        synced(c);
        String id = named(c, "visit_follow_up").get("id").asText();
        assertThat(host.patch(TemplateEndpoints.TEMPLATES + "/" + id, mapping("follow_up", "body",
                "client.first_name"), c.token()).status()).isEqualTo(200);
        // The business account the center moves to lists the same name and language with a second placeholder.
        Number moved = connect(c);
        fake.addTemplate(moved.waba(), "visit_follow_up", "es", "UTILITY", "APPROVED",
                "[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, ¿qué tal {{2}}?\"}]");

        assertThat(synced(c).get("updated").asInt()).isEqualTo(1);

        JsonNode after = host.get(TemplateEndpoints.TEMPLATES + "/" + id, c.token()).json();
        assertThat(after.get("purpose").isNull()).isTrue();
        assertThat(after.get("parameters")).isEmpty();
        assertThat(after.get("components").get(0).get("placeholders").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAnApprovedTemplateIsMappedAndABadMappingIsNamed() {
        Center c = host.newCenter("Centro Mapa");
        Number n = connect(c);
        fake.addTemplate(n.waba(), "reminder_24h", "es", "UTILITY", "APPROVED", REMINDER);
        fake.addTemplate(n.waba(), "reminder_pending", "es", "UTILITY", "PENDING", SIMPLE);
        synced(c);
        String approved = named(c, "reminder_24h").get("id").asText();
        String pending = named(c, "reminder_pending").get("id").asText();

        Reply notApproved = host.patch(TemplateEndpoints.TEMPLATES + "/" + pending, mapping("reminder", "body",
                "client.first_name"), c.token());
        assertThat(notApproved.status()).isEqualTo(409);
        Reply tooFew = host.patch(TemplateEndpoints.TEMPLATES + "/" + approved, mapping("reminder", "body",
                "client.first_name"), c.token());
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(fields(tooFew)).contains("parameters");
        Reply wrong = host.patch(TemplateEndpoints.TEMPLATES + "/" + approved, mapping("birthday", "side",
                "client.age", "footer", "center.name"), c.token());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).contains("purpose", "parameters[0].component", "parameters[0].source");
        assertThat(host.patch(TemplateEndpoints.TEMPLATES + "/" + approved, "{\"purpose\":7}", c.token()).status())
                .isEqualTo(400);
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "/" + approved, c.token()).json().get("purpose").isNull())
                .as("nothing written").isTrue();

        // A null purpose takes a mapping away.
        assertThat(host.patch(TemplateEndpoints.TEMPLATES + "/" + approved, mapping("reminder", "header",
                "center.name", "body", "client.first_name", "body", "appointment.date", "button.1", "manage_link"),
                c.token()).status()).isEqualTo(200);
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("purpose", null);
        Reply cleared = host.patch(TemplateEndpoints.TEMPLATES + "/" + approved, clear, c.token());
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("purpose").isNull()).isTrue();
    }

    @Test
    void aTemplateSubmittedToMetaIsKeptPendingAndMetasRefusalStoresNothing() {
        Center c = host.newCenter("Centro Alta Plantilla");
        Number n = connect(c);
        Map<String, Object> body = Map.of("name", "cancellation_notice", "language", "es", "category", "UTILITY",
                "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, tu cita se ha cancelado.",
                        "example", Map.of("body_text", List.of(List.of("Ana"))))));
        fake.reset();

        Reply created = host.post(TemplateEndpoints.TEMPLATES, body, c.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(created.header("Location")).isEqualTo(TemplateEndpoints.TEMPLATES + "/"
                + created.json().get("id").asText());
        assertThat(fake.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).endsWith("/" + n.waba() + "/message_templates");
            assertThat(r.body()).contains("cancellation_notice", "body_text");
        });
        assertThat(host.post(TemplateEndpoints.TEMPLATES, body, c.token()).status()).as("a second one").isEqualTo(409);
        // Meta now lists it: a sync finds it known, nothing added.
        assertThat(synced(c).get("added").asInt()).isZero();

        fake.inject(Fault.graphError(100));
        Map<String, Object> refusedBody = Map.of("name", "refused_one", "language", "es", "category", "UTILITY",
                "components", List.of(Map.of("type", "BODY", "text", "Hola")));
        Reply refused = host.post(TemplateEndpoints.TEMPLATES, refusedBody, c.token());
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("graphCode").asInt()).isEqualTo(100);
        assertThat(items(c)).noneMatch(t -> t.get("name").asText().equals("refused_one"));

        Reply bad = host.post(TemplateEndpoints.TEMPLATES, Map.of("name", "Bad Name", "language", "spanish",
                "category", "PROMO", "components", List.of(Map.of("type", "FOOTER", "text", "x"))), c.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("name", "language", "category", "components");
        Reply noComponents = host.post(TemplateEndpoints.TEMPLATES, Map.of("name", "x", "language", "es",
                "category", "UTILITY", "components", "BODY"), c.token());
        assertThat(fields(noComponents)).containsExactly("components");
    }

    @Test
    void aRefusedTokenMarksTheNumberAndTellsTheAdministratorsOnce() {
        Center c = host.newCenter("Centro Token Caducado");
        connect(c);
        fake.inject(Fault.graphError(190));

        Reply refused = sync(c);

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("graphCode").asInt()).isEqualTo(190);
        assertThat(host.get("/v1/whatsapp/account", c.token()).json().get("status").asText())
                .isEqualTo("reconnect_needed");
        Reply again = sync(c);
        assertThat(again.status()).as("nothing is sent until it is connected again").isEqualTo(409);
        List<JsonNode> notices = new ArrayList<>();
        host.get("/v1/notifications", c.token()).json().get("items").forEach(notices::add);
        assertThat(notices).filteredOn(x -> x.get("kind").asText().equals("whatsapp_reconnect")).singleElement()
                .satisfies(x -> assertThat(x.get("title").asText()).contains("Reconnect"));

        connect(c);
        assertThat(host.get("/v1/whatsapp/account", c.token()).json().get("status").asText()).isEqualTo("connected");
        assertThat(sync(c).status()).isEqualTo(200);
    }

    @Test
    void withoutANumberNothingReachesMeta() {
        Center c = host.newCenter("Centro Sin Número");
        fake.reset();
        assertThat(sync(c).status()).isEqualTo(409);
        assertThat(host.post(TemplateEndpoints.TEMPLATES, Map.of("name", "x", "language", "es", "category",
                "UTILITY", "components", List.of(Map.of("type", "BODY", "text", "Hola"))), c.token()).status())
                .isEqualTo(409);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void everyRoleReadsTemplatesOnlyAdministratorsChangeThemAndAnotherCentersIsNotFound() {
        Number n = connect(center);
        fake.addTemplate(n.waba(), "roles_template", "es", "UTILITY", "APPROVED", SIMPLE);
        synced(center);
        String id = named(center, "roles_template").get("id").asText();
        for (String t : List.of(receptionistToken, professionalToken)) {
            assertThat(host.get(TemplateEndpoints.TEMPLATES, t).status()).isEqualTo(200);
            assertThat(host.get(TemplateEndpoints.TEMPLATES + "/" + id, t).status()).isEqualTo(200);
            assertThat(host.post(TemplateEndpoints.SYNC, "", t).status()).isEqualTo(403);
            assertThat(host.patch(TemplateEndpoints.TEMPLATES + "/" + id, mapping("reminder", "body",
                    "client.first_name"), t).status()).isEqualTo(403);
            assertThat(host.post(TemplateEndpoints.TEMPLATES, Map.of("name", "x", "language", "es", "category",
                    "UTILITY", "components", List.of(Map.of("type", "BODY", "text", "Hola"))), t).status())
                    .isEqualTo(403);
        }
        assertThat(host.get(TemplateEndpoints.TEMPLATES, null).status()).isEqualTo(401);

        Reply foreign = host.get(TemplateEndpoints.TEMPLATES + "/" + id, other.token());
        Reply missing = host.get(TemplateEndpoints.TEMPLATES + "/" + UUID.randomUUID(), other.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(host.patch(TemplateEndpoints.TEMPLATES + "/" + id, mapping("reminder", "body",
                "client.first_name"), other.token()).status()).isEqualTo(404);
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "/not-an-id", center.token()).status()).isEqualTo(404);
        assertThat(host.get(TemplateEndpoints.TEMPLATES, other.token()).json().get("items")).isEmpty();
    }

    @Test
    void theListPagesByNameThenLanguage() {
        Center c = host.newCenter("Centro Páginas");
        Number n = connect(c);
        for (String name : List.of("c_three", "a_one", "b_two", "d_four", "e_five")) {
            fake.addTemplate(n.waba(), name, "es", "UTILITY", "APPROVED", SIMPLE);
        }
        synced(c);
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            Reply page = host.get(TemplateEndpoints.TEMPLATES + "?limit=2" + (next == null ? "" : "&cursor=" + next),
                    c.token());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(t -> seen.add(t.get("name").asText()));
            next = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (next != null);
        assertThat(seen).containsExactly("a_one", "b_two", "c_three", "d_four", "e_five");
        assertThat(host.get(TemplateEndpoints.TEMPLATES + "?cursor=forged", c.token()).status()).isEqualTo(400);
    }
}
