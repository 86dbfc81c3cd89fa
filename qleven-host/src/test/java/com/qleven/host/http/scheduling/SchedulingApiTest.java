package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The center's settings, tax rates, catalogue and staff schedules end to end: the full host over
 * HTTP on PostgreSQL, each role, bad input naming its field, another center's ids.
 */
class SchedulingApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A center with a member of each role, signed in. */
    record Staff(Center center, String professionalId, String professional, String receptionistId,
                 String receptionist) {
        String admin() {
            return center.token();
        }
    }

    private static Staff staff(String name) {
        Center center = host.newCenter(name);
        String professionalEmail = TestHost.newEmail("pro");
        String receptionistEmail = TestHost.newEmail("desk");
        String professionalId = host.post("/v1/users", TestHost.userBody(professionalEmail, "professional"),
                center.token()).json().get("id").asText();
        String receptionistId = host.post("/v1/users", TestHost.userBody(receptionistEmail, "receptionist"),
                center.token()).json().get("id").asText();
        return new Staff(center, professionalId, host.login(professionalEmail, TestHost.PASSWORD, null),
                receptionistId, host.login(receptionistEmail, TestHost.PASSWORD, null));
    }

    private static List<String> fields(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static Map<String, Object> service(Object... memberThenValue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Facial");
        body.put("durationMinutes", 45);
        body.put("price", Map.of("amountMinor", 4500, "currency", "EUR"));
        body.put("taxRate", "21");
        for (int i = 0; i < memberThenValue.length; i += 2) {
            body.put((String) memberThenValue[i], memberThenValue[i + 1]);
        }
        return body;
    }

    private static Reply patch(String path, String body, String token, String ifMatch) {
        HttpRequest.Builder b = host.request(path).header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return host.send(b.build());
    }

    @Test
    void theCenterReadsItsDefaultsAndAdministratorsPatchThem() {
        Staff s = staff("Clínica Aurora");
        Reply read = host.get("/v1/center", s.receptionist());
        assertThat(read.status()).isEqualTo(200);
        JsonNode center = read.json();
        assertThat(center.get("name").asText()).isEqualTo("Clínica Aurora");
        assertThat(center.get("timeZone").asText()).isEqualTo("Europe/Madrid");
        assertThat(center.get("currency").asText()).isEqualTo("EUR");
        assertThat(center.get("slug").asText()).startsWith("clinica-aurora");
        assertThat(center.get("locale").asText()).isEqualTo("es-ES");
        assertThat(center.get("slotMinutes").asInt()).isEqualTo(15);
        assertThat(center.get("openingHours").get("weekly")).isEmpty();
        assertThat(center.get("cancellationWindowHours").asInt()).isEqualTo(24);

        Reply changed = patch("/v1/center", "{\"slotMinutes\":30,\"openingHours\":{\"weekly\":[{\"day\":\"monday\","
                + "\"start\":\"09:00\",\"end\":\"24:00\"}],\"closedDays\":[\"2026-12-25\"]}}", s.admin(), null);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("slotMinutes").asInt()).isEqualTo(30);
        assertThat(changed.json().get("openingHours").get("weekly").get(0).get("end").asText()).isEqualTo("24:00");
        assertThat(changed.json().get("openingHours").get("closedDays").get(0).asText()).isEqualTo("2026-12-25");
        assertThat(host.get("/v1/center", s.professional()).json()).isEqualTo(changed.json());

        assertThat(patch("/v1/center", "{\"slotMinutes\":30}", s.receptionist(), null).status()).isEqualTo(403);
        assertThat(patch("/v1/center", "{\"slotMinutes\":30}", s.professional(), null).status()).isEqualTo(403);
        Reply bad = patch("/v1/center", "{\"slotMinutes\":7,\"locale\":5,\"name\":\"Other\",\"openingHours\":"
                + "{\"weekly\":[{\"day\":\"monday\",\"start\":\"9h\",\"end\":\"10:00\"}]}}", s.admin(), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("slotMinutes", "locale", "name", "openingHours.weekly[0].start");
        assertThat(host.get("/v1/center", s.admin()).json()).isEqualTo(changed.json());
    }

    @Test
    void aSlugAnotherCenterHoldsIsAConflictNamingSlug() {
        Staff a = staff("Centro Slug A");
        Staff b = staff("Centro Slug B");
        String taken = host.get("/v1/center", a.admin()).json().get("slug").asText();
        Reply conflict = patch("/v1/center", "{\"slug\":\"" + taken + "\"}", b.admin(), null);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("field").asText()).isEqualTo("slug");
        Reply bad = patch("/v1/center", "{\"slug\":\"-Bad Slug\"}", b.admin(), null);
        assertThat(fields(bad)).containsExactly("slug");
    }

    @Test
    void taxRatesAreSeededAddedAndRetired() {
        Staff s = staff("Centro Tasas");
        Reply rates = host.get("/v1/tax-rates", s.professional());
        assertThat(rates.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        rates.json().get("items").forEach(r -> codes.add(r.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("21", "10", "4", "exempt");
        assertThat(rates.json().get("next").isNull()).isTrue();

        Reply added = host.post("/v1/tax-rates", Map.of("code", "5.5", "name", "Reducido especial", "rate", "5.50"),
                s.admin());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("rate").asText()).isEqualTo("5.5");
        assertThat(host.post("/v1/tax-rates", Map.of("code", "5.5", "name", "Again", "rate", "5"), s.admin())
                .status()).isEqualTo(409);
        assertThat(host.post("/v1/tax-rates", Map.of("code", "x", "name", "X", "rate", "1"), s.receptionist())
                .status()).isEqualTo(403);
        Reply bad = host.post("/v1/tax-rates", Map.of("code", "BAD", "name", "", "rate", "120", "exempt", true),
                s.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("code", "name", "rate", "legalMention");

        Reply retired = host.post("/v1/tax-rates/10/retire", "", s.admin());
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertThat(host.post("/v1/tax-rates/10/retire", "", s.admin()).status()).isEqualTo(409);
        assertThat(host.post("/v1/tax-rates/nope/retire", "", s.admin()).status()).isEqualTo(404);
        assertThat(host.post("/v1/tax-rates/21/retire", "", s.professional()).status()).isEqualTo(403);
        assertThat(host.get("/v1/tax-rates", s.admin()).body()).doesNotContain("\"code\":\"10\"");
        assertThat(host.get("/v1/tax-rates?includeRetired=true", s.admin()).body()).contains("\"code\":\"10\"");
        assertThat(host.get("/v1/tax-rates?includeRetired=maybe", s.admin()).status()).isEqualTo(400);
        Reply unoffered = host.post("/v1/services", service("taxRate", "10"), s.admin());
        assertThat(unoffered.status()).isEqualTo(422);
        assertThat(fields(unoffered)).containsExactly("taxRate");
    }

    @Test
    void servicesAreCreatedReadAndPatchedWithETags() {
        Staff s = staff("Centro Servicios");
        Staff other = staff("Centro Ajeno");
        Reply created = host.post("/v1/services", service("professionalIds", List.of(s.professionalId()),
                "equipmentKinds", List.of("Laser"), "roomRequired", true, "bufferAfterMinutes", 15), s.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/services/" + id);
        String tag = created.header("ETag");
        assertThat(tag).startsWith("\"");
        assertThat(created.json().get("equipmentKinds").get(0).asText()).isEqualTo("laser");
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(created.json().get("price").get("amountMinor").asLong()).isEqualTo(4500);

        Reply read = host.get("/v1/services/" + id, s.receptionist());
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.header("ETag")).isEqualTo(tag);
        assertThat(host.get("/v1/services", s.professional()).body()).contains(id);

        Reply renamed = patch("/v1/services/" + id, "{\"name\":\"Deep facial\",\"active\":false}", s.admin(), tag);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("active").asBoolean()).isFalse();
        assertThat(renamed.header("ETag")).isNotEqualTo(tag);
        assertThat(patch("/v1/services/" + id, "{\"name\":\"Stale\"}", s.admin(), tag).status()).isEqualTo(412);
        assertThat(patch("/v1/services/" + id, "{\"name\":\"Mine\"}", s.professional(), null).status())
                .isEqualTo(403);
        assertThat(host.post("/v1/services", service(), s.receptionist()).status()).isEqualTo(403);

        // Another center's ids: 404 in the path, 422 naming the member in a body.
        assertThat(host.get("/v1/services/" + id, other.admin()).status()).isEqualTo(404);
        assertThat(patch("/v1/services/" + id, "{\"name\":\"Theirs\"}", other.admin(), null).status())
                .isEqualTo(404);
        Reply foreign = host.post("/v1/services", service("professionalIds", List.of(s.professionalId(),
                other.professionalId())), s.admin());
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(fields(foreign)).containsExactly("professionalIds[1]");
        Reply currency = host.post("/v1/services", service("price", Map.of("amountMinor", 100, "currency", "MAD")),
                s.admin());
        assertThat(fields(currency)).containsExactly("price.currency");

        Reply bad = host.post("/v1/services", Map.of("durationMinutes", "45", "price", Map.of("amountMinor", -5,
                "currency", "EURO"), "equipmentKinds", List.of(""), "professionalIds", List.of("x")), s.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("name", "durationMinutes", "price.currency", "taxRate",
                "equipmentKinds[0]", "professionalIds[0]");
        assertThat(host.get("/v1/services", s.admin()).json().get("items")).hasSize(1);
    }

    @Test
    void roomsAndEquipmentAndMaintenance() {
        Staff s = staff("Centro Salas");
        Staff other = staff("Centro Otro");
        Reply room = host.post("/v1/rooms", Map.of("name", "Cabina 1"), s.admin());
        assertThat(room.status()).isEqualTo(201);
        assertThat(host.get("/v1/rooms", s.receptionist()).body()).contains(room.json().get("id").asText());
        assertThat(host.post("/v1/rooms", Map.of("name", "Cabina 2"), s.receptionist()).status()).isEqualTo(403);
        assertThat(fields(host.post("/v1/rooms", Map.of("name", " "), s.admin()))).containsExactly("name");

        Reply laser = host.post("/v1/equipment", Map.of("name", "Laser 2", "kind", "Laser"), s.admin());
        assertThat(laser.status()).isEqualTo(201);
        assertThat(laser.json().get("status").asText()).isEqualTo("available");
        String id = laser.json().get("id").asText();
        Reply down = patch("/v1/equipment/" + id, "{\"status\":\"maintenance\"}", s.professional(), null);
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(down.json().get("status").asText()).isEqualTo("maintenance");
        assertThat(host.get("/v1/equipment", s.admin()).body()).contains("\"maintenance\"");
        assertThat(fields(patch("/v1/equipment/" + id, "{\"status\":\"broken\"}", s.admin(), null)))
                .containsExactly("status");
        assertThat(patch("/v1/equipment/" + id, "{\"status\":\"available\"}", other.admin(), null).status())
                .isEqualTo(404);
        assertThat(patch("/v1/equipment/not-an-id", "{\"status\":\"available\"}", s.admin(), null).status())
                .isEqualTo(404);
        JsonNode events = host.get("/v1/audit/events?limit=200", s.admin()).json().get("items");
        List<String> actions = new ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("equipment.create", "equipment.maintenance", "room.create");
    }

    @Test
    void workingHoursAndTimeOffByRole() {
        Staff s = staff("Centro Agenda");
        Staff other = staff("Centro Lejano");
        String hours = "{\"weekly\":[{\"day\":\"monday\",\"start\":\"09:00\",\"end\":\"13:00\"},"
                + "{\"day\":\"monday\",\"start\":\"14:00\",\"end\":\"18:00\"}]}";
        String path = "/v1/staff/" + s.professionalId() + "/working-hours";
        Reply own = host.put(path, hours, s.professional());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("weekly")).hasSize(2);
        assertThat(host.get(path, s.receptionist()).json()).isEqualTo(own.json());
        assertThat(host.put(path, hours, s.receptionist()).status()).isEqualTo(200);
        assertThat(host.put("/v1/staff/" + s.receptionistId() + "/working-hours", hours, s.professional()).status())
                .isEqualTo(403);
        assertThat(host.put("/v1/staff/" + s.center().adminId() + "/working-hours", hours, s.admin()).status())
                .isEqualTo(200);
        assertThat(host.put("/v1/staff/" + other.professionalId() + "/working-hours", hours, s.admin()).status())
                .isEqualTo(404);
        assertThat(host.get("/v1/staff/" + other.professionalId() + "/working-hours", s.admin()).status())
                .isEqualTo(404);
        Reply overlap = host.put(path, "{\"weekly\":[{\"day\":\"monday\",\"start\":\"09:00\",\"end\":\"13:00\"},"
                + "{\"day\":\"monday\",\"start\":\"12:00\",\"end\":\"15:00\"},{\"day\":\"moonday\",\"start\":\"10:00\","
                + "\"end\":\"09:00\"}]}", s.admin());
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(fields(overlap)).contains("weekly[2].day", "weekly[2].end");

        Reply dayOff = host.put("/v1/staff/" + s.professionalId() + "/exceptions/2030-01-07",
                "{\"windows\":[{\"start\":\"10:00\",\"end\":\"12:00\"},{\"start\":\"12:00\",\"end\":\"13:00\"}]}",
                s.professional());
        assertThat(dayOff.status()).as(dayOff.body()).isEqualTo(200);
        assertThat(dayOff.json().get("windows")).hasSize(1);
        assertThat(dayOff.json().get("windows").get(0).get("end").asText()).isEqualTo("13:00");
        Reply badDay = host.put("/v1/staff/" + s.professionalId() + "/exceptions/2030-02-30",
                "{\"windows\":[{\"start\":\"x\",\"end\":\"12:00\"}]}", s.admin());
        assertThat(fields(badDay)).containsExactly("date", "windows[0].start");
        assertThat(host.put("/v1/staff/" + s.receptionistId() + "/exceptions/2030-01-07", "{\"windows\":[]}",
                s.professional()).status()).isEqualTo(403);
        assertThat(host.put("/v1/staff/" + other.professionalId() + "/exceptions/2030-01-07", "{\"windows\":[]}",
                s.admin()).status()).isEqualTo(404);

        String timeOff = "/v1/staff/" + s.professionalId() + "/time-off";
        String start = host.clock.instant().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        String end = java.time.OffsetDateTime.parse(start).plusHours(4).toString();
        Reply added = host.post(timeOff, Map.of("start", start, "end", end, "reason", "Surgery"), s.receptionist());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("reason").isNull()).isTrue();
        assertThat(added.json().get("start").asText()).endsWith("Z");
        assertThat(host.get(timeOff, s.professional()).json().get("items").get(0).get("reason").asText())
                .isEqualTo("Surgery");
        assertThat(host.get(timeOff, s.admin()).json().get("items").get(0).get("reason").asText())
                .isEqualTo("Surgery");
        assertThat(host.get(timeOff, s.receptionist()).json().get("items").get(0).get("reason").isNull()).isTrue();
        assertThat(host.post("/v1/staff/" + s.receptionistId() + "/time-off", Map.of("start", start, "end", end,
                "reason", "x"), s.professional()).status()).isEqualTo(403);
        assertThat(host.post("/v1/staff/" + other.professionalId() + "/time-off", Map.of("start", start, "end", end,
                "reason", "x"), s.admin()).status()).isEqualTo(404);
        Reply noOffset = host.post(timeOff, Map.of("start", "2030-01-07T09:00:00", "end", end, "reason", "x"),
                s.admin());
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(fields(noOffset)).containsExactly("start");
        Reply backwards = host.post(timeOff, Map.of("start", end, "end", start, "reason", " "), s.admin());
        assertThat(fields(backwards)).contains("end", "reason");
        assertThat(fields(host.get(timeOff + "?from=2026-13-01", s.admin()))).containsExactly("from");
        assertThat(host.get("/v1/staff/" + UUID.randomUUID() + "/time-off", s.admin()).status()).isEqualTo(404);
    }
}
