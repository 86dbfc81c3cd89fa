package com.qleven.host.http.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The center's messaging settings over HTTP: the defaults at version 0 for every role, an
 * administrator's replacement with its ETag, a stale If-Match refused with 412, only administrators
 * changing them, each bad member a 400 naming it with nothing saved, and another center never seeing
 * or touching them.
 */
class MessagingSettingsApiTest {
    private static final String PATH = "/v1/whatsapp/settings";
    private static TestHost host;
    private static Center center;
    private static String desk;
    private static String professional;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Mensajes");
        desk = member("receptionist");
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

    private static Map<String, Object> body(List<String> offsets, Object rate, Object days) {
        Map<String, Object> body = new HashMap<>();
        body.put("reminderOffsets", offsets);
        body.put("sendsPerSecond", rate);
        body.put("contentRetentionDays", days);
        return body;
    }

    private static Reply put(Object body, String token, String ifMatch) {
        HttpRequest.Builder request = host.request(PATH).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestHost.write(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return host.send(request.build());
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void everyRoleReadsTheDefaultsAtVersionZeroAndAnAdministratorReplacesThemWithTheirETag() {
        Center fresh = host.newCenter("Centro Ajustes");
        Reply defaults = host.get(PATH, fresh.token());
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.header("ETag")).isEqualTo("\"0\"");
        JsonNode d = defaults.json();
        assertThat(d.get("reminderOffsets").toString()).isEqualTo("[\"PT24H\",\"PT2H\"]");
        assertThat(d.get("sendsPerSecond").asInt()).isEqualTo(40);
        assertThat(d.get("contentRetentionDays").asInt()).isEqualTo(90);
        assertThat(d.get("version").asInt()).isZero();

        // Given in any order, kept longest first; whole days are a day.
        Reply saved = put(body(List.of("PT90M", "P2D"), 25, 30), fresh.token(), "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        assertThat(saved.json().get("reminderOffsets").toString()).isEqualTo("[\"PT48H\",\"PT1H30M\"]");
        Reply read = host.get(PATH, fresh.token());
        assertThat(read.json().get("sendsPerSecond").asInt()).isEqualTo(25);
        assertThat(read.json().get("contentRetentionDays").asInt()).isEqualTo(30);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        // No If-Match: the change applies to whatever is stored. An empty list: no reminders at all.
        Reply none = put(body(List.of(), 40, 90), fresh.token(), null);
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().get("reminderOffsets").size()).isZero();
        assertThat(none.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aChangeMadeFromAStaleVersionIsRefusedWith412AndWritesNothing() {
        Center fresh = host.newCenter("Centro Concurrente");
        assertThat(put(body(List.of("PT24H"), 30, 60), fresh.token(), "\"0\"").status()).isEqualTo(200);
        Reply stale = put(body(List.of("PT3H"), 10, 10), fresh.token(), "\"0\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Reply foreign = put(body(List.of("PT3H"), 10, 10), fresh.token(), "W/\"whatever\"");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(412);
        Reply read = host.get(PATH, fresh.token());
        assertThat(read.json().get("reminderOffsets").toString()).isEqualTo("[\"PT24H\"]");
        assertThat(read.json().get("sendsPerSecond").asInt()).isEqualTo(30);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void onlyAdministratorsChangeThemWhileEveryRoleReadsThem() {
        assertThat(host.get(PATH, desk).status()).isEqualTo(200);
        assertThat(host.get(PATH, professional).status()).isEqualTo(200);
        String before = host.get(PATH, center.token()).body();
        assertThat(put(body(List.of("PT1H"), 5, 5), desk, null).status()).isEqualTo(403);
        assertThat(put(body(List.of("PT1H"), 5, 5), professional, null).status()).isEqualTo(403);
        assertThat(host.get(PATH, center.token()).body()).isEqualTo(before);
        assertThat(host.get(PATH, null).status()).isEqualTo(401);
    }

    @Test
    void eachBadMemberIsA400NamingItAndNothingIsSaved() {
        String before = host.get(PATH, center.token()).body();
        Reply bad = put(body(java.util.Arrays.asList("PT2H", "two hours", "PT30S", "PT2H", "P30D", null), 0, 4000),
                center.token(), null);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).contains("reminderOffsets[1]", "reminderOffsets[2]", "reminderOffsets[5]",
                "sendsPerSecond", "contentRetentionDays");
        Reply schedule = put(body(List.of("PT2H", "PT2H", "P30D"), 40, 90), center.token(), null);
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(400);
        assertThat(fields(schedule)).containsExactlyInAnyOrder("reminderOffsets[1]", "reminderOffsets[2]");
        Reply tooMany = put(body(List.of("PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H"), 40, 90), center.token(),
                null);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(fields(tooMany)).contains("reminderOffsets");
        Map<String, Object> missing = new HashMap<>();
        missing.put("sendsPerSecond", 40);
        Reply absent = put(missing, center.token(), null);
        assertThat(absent.status()).isEqualTo(400);
        assertThat(fields(absent)).containsExactlyInAnyOrder("reminderOffsets", "contentRetentionDays");
        Reply wrongType = put(Map.of("reminderOffsets", List.of("PT1H"), "sendsPerSecond", "fast",
                "contentRetentionDays", 90), center.token(), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("sendsPerSecond");
        Map<String, Object> unknown = body(List.of("PT1H"), 40, 90);
        unknown.put("timezone", "UTC");
        assertThat(put(unknown, center.token(), null).status()).isEqualTo(400);
        assertThat(host.get(PATH, center.token()).body()).isEqualTo(before);
    }

    @Test
    void theCentersStopWordsAndMarketingCapAreSavedWithTheirETagAndDefaultWhenLeftOut() {
        Center fresh = host.newCenter("Centro Palabras");
        JsonNode defaults = host.get(PATH, fresh.token()).json();
        assertThat(defaults.get("optOutWords").size()).isZero();
        assertThat(defaults.get("marketingCap").get("maxMessages").asInt()).isEqualTo(4);
        assertThat(defaults.get("marketingCap").get("perDays").asInt()).isEqualTo(30);

        Map<String, Object> body = body(List.of("PT24H"), 40, 90);
        body.put("optOutWords", List.of("Basta!", "no más mensajes"));
        body.put("marketingCap", Map.of("maxMessages", 2, "perDays", 7));
        Reply saved = put(body, fresh.token(), "\"0\"");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        JsonNode read = host.get(PATH, fresh.token()).json();
        assertThat(read.get("optOutWords").toString()).isEqualTo("[\"Basta!\",\"no más mensajes\"]");
        assertThat(read.get("marketingCap").get("maxMessages").asInt()).isEqualTo(2);
        assertThat(read.get("marketingCap").get("perDays").asInt()).isEqualTo(7);

        // A stale version changes neither; a replacement without them goes back to none and the standard cap.
        Map<String, Object> stale = body(List.of("PT24H"), 40, 90);
        stale.put("optOutWords", List.of("alto"));
        assertThat(put(stale, fresh.token(), "\"0\"").status()).isEqualTo(412);
        assertThat(host.get(PATH, fresh.token()).json().get("optOutWords").size()).isEqualTo(2);
        Reply plain = put(body(List.of("PT24H"), 40, 90), fresh.token(), "\"1\"");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().get("optOutWords").size()).isZero();
        assertThat(plain.json().get("marketingCap").get("maxMessages").asInt()).isEqualTo(4);
    }

    @Test
    void badStopWordsAndCapsAreNamedEachAndNothingIsSaved() {
        String before = host.get(PATH, center.token()).body();
        Map<String, Object> body = body(List.of("PT24H"), 40, 90);
        body.put("optOutWords", java.util.Arrays.asList("basta", "", "x".repeat(41), "!!", null));
        body.put("marketingCap", Map.of("maxMessages", 0, "perDays", 400));
        Reply bad = put(body, center.token(), null);
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("optOutWords[1]", "optOutWords[2]", "optOutWords[3]",
                "optOutWords[4]", "marketingCap.maxMessages", "marketingCap.perDays");

        Map<String, Object> tooMany = body(List.of("PT24H"), 40, 90);
        tooMany.put("optOutWords", java.util.Collections.nCopies(21, "basta"));
        tooMany.put("marketingCap", Map.of("maxMessages", 3));
        Reply many = put(tooMany, center.token(), null);
        assertThat(many.status()).as(many.body()).isEqualTo(400);
        assertThat(fields(many)).containsExactlyInAnyOrder("optOutWords", "marketingCap.perDays");
        assertThat(host.get(PATH, center.token()).body()).isEqualTo(before);
    }

    @Test
    void anotherCenterNeitherSeesNorChangesThem() {
        Center a = host.newCenter("Centro Uno");
        Center b = host.newCenter("Centro Dos");
        assertThat(put(body(List.of("PT5H"), 7, 7), a.token(), null).status()).isEqualTo(200);
        Reply theirs = host.get(PATH, b.token());
        assertThat(theirs.json().get("sendsPerSecond").asInt()).isEqualTo(40);
        assertThat(theirs.header("ETag")).isEqualTo("\"0\"");
        assertThat(put(body(List.of("PT6H"), 8, 8), b.token(), "\"1\"").status()).isEqualTo(412);
        assertThat(host.get(PATH, a.token()).json().get("sendsPerSecond").asInt()).isEqualTo(7);
    }
}
