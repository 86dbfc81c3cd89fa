package com.qleven.host.http.consent;

import static com.qleven.host.http.consent.ConsentFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A center's own consent purposes over HTTP: administrators add them, the list shows them after
 * the built-in ones, consents are recorded for them, another center does not know them, a
 * marketing-like one keeps the minors rule, and bad input is refused writing nothing.
 */
class ConsentPurposesApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Propósitos");
        other = host.newCenter("Centro Ajeno");
        assertThat(host.post("/v1/consent-purposes", purpose("promotions", "Seasonal promotions", true),
                center.token()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, Object> purpose(String code, Object description, Object marketing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("description", description);
        body.put("marketing", marketing);
        return body;
    }

    @Test
    void anAddedPurposeIsListedRecordedAndShownButOnlyInItsCenter() {
        Reply added = host.post("/v1/consent-purposes", purpose("newsletter", "Monthly newsletter", false),
                center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("code").asText()).isEqualTo("newsletter");
        assertThat(added.json().get("marketing").asBoolean()).isFalse();
        assertThat(added.json().get("builtIn").asBoolean()).isFalse();

        JsonNode items = host.get("/v1/consent-purposes", center.token()).json().get("items");
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.get("code").asText() + ":" + i.get("marketing").asBoolean() + ":"
                + i.get("builtIn").asBoolean()));
        assertThat(codes).containsExactly("whatsapp:false:true", "marketing:true:true", "newsletter:false:false",
                "promotions:true:false");
        assertThat(host.get("/v1/consent-purposes", other.token()).json().get("items")).hasSize(2);

        String path = "/v1/clients/" + ConsentFixtures.client(host, center.token(), "1990-04-12") + "/consents";
        assertThat(host.post(path, consent("newsletter", "granted"), center.token()).status()).isEqualTo(201);
        JsonNode current = host.get(path, center.token()).json().get("current");
        assertThat(current.get("newsletter").asBoolean()).isTrue();
        assertThat(current.get("promotions").asBoolean()).isFalse();
        assertThat(current.get("marketing").asBoolean()).isFalse();

        String theirs = "/v1/clients/" + ConsentFixtures.client(host, other.token(), "1990-04-12") + "/consents";
        Reply unknown = host.post(theirs, consent("newsletter", "granted"), other.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("purpose");
        assertThat(host.get(theirs, other.token()).json().get("history")).isEmpty();
    }

    @Test
    void aMarketingLikePurposeRefusesAFifteenYearOld() {
        LocalDate today = LocalDate.ofInstant(host.clock.instant(), ZoneId.of("Europe/Madrid"));
        String minor = "/v1/clients/" + ConsentFixtures.client(host, center.token(),
                today.minusYears(15).toString()) + "/consents";

        Reply refused = host.post(minor, consent("promotions", "granted"), center.token());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNPROCESSABLE");
        assertThat(refused.body()).contains("birthDate");
        assertThat(host.get(minor, center.token()).json().get("history")).isEmpty();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("a built-in code", purpose("marketing", "Again", true), 400, "code"),
                Arguments.of("a code that is no snake_case", purpose("Promo-Codes", "Codes", false), 400, "code"),
                Arguments.of("a one-letter code", purpose("p", "Codes", false), 400, "code"),
                Arguments.of("a code over 40 characters", purpose("p".repeat(41), "Codes", false), 400, "code"),
                Arguments.of("a blank description", purpose("reviews", " ", false), 400, "description"),
                Arguments.of("a missing marketing flag", purpose("reviews", "Reviews", null), 400, "marketing"),
                Arguments.of("a code the center has", purpose("promotions", "Twice", false), 409, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedAndWritesNothing(String name, Map<String, Object> body, int status, String field) {
        Map<String, Long> before = ConsentFixtures.rowCounts(host);

        Reply reply = host.post("/v1/consent-purposes", body, center.token());

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).containsExactly(field);
        }
        assertThat(ConsentFixtures.rowCounts(host)).isEqualTo(before);
    }
}
