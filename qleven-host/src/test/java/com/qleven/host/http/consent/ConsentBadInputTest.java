package com.qleven.host.http.consent;

import static com.qleven.host.http.consent.ConsentFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input to the consent routes gets its 4xx problem, never a 500, and writes
 * nothing: the rows of every table are counted before and after, and the client's ledger stays as
 * it was (one grant).
 */
class ConsentBadInputTest {
    private static final int MIB = 1024 * 1024;
    /** Stands for the consents path of the adult client the tests write to. */
    private static final String ADULT = "{adult}";
    /** Stands for the consents path of the fifteen-year-old client. */
    private static final String MINOR = "{minor}";
    private static TestHost host;
    private static Center center;
    private static String adultPath;
    private static String minorPath;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Entradas Consentimiento");
        adultPath = "/v1/clients/" + ConsentFixtures.client(host, center.token(), "1990-04-12") + "/consents";
        LocalDate today = LocalDate.ofInstant(host.clock.instant(), ZoneId.of("Europe/Madrid"));
        minorPath = "/v1/clients/" + ConsentFixtures.client(host, center.token(),
                today.minusYears(16).plusDays(1).toString()) + "/consents";
        assertThat(host.post(adultPath, consent("whatsapp", "granted"), center.token()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    record Case(String name, String path, String contentType, byte[] body, int status, String code,
                List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> all = new ArrayList<>();
        all.add(bad("an unknown purpose", with(b -> b.put("purpose", "sms")), "purpose"));
        all.add(bad("a purpose that is no code", with(b -> b.put("purpose", "Marketing!")), "purpose"));
        all.add(bad("an unknown decision", with(b -> b.put("decision", "maybe")), "decision"));
        all.add(bad("an unknown channel", with(b -> b.put("channel", "fax")), "channel"));
        all.add(bad("a WhatsApp reply recorded by staff", with(b -> b.put("channel", "whatsapp_reply")), "channel"));
        all.add(bad("a missing text", with(b -> b.remove("text")), "text"));
        all.add(bad("a blank text", with(b -> b.put("text", "  ")), "text"));
        all.add(bad("a text over 20,000 characters", with(b -> b.put("text", "t".repeat(20_001))), "text"));
        all.add(bad("a missing text version", with(b -> b.remove("textVersion")), "textVersion"));
        all.add(bad("a text version over 50 characters", with(b -> b.put("textVersion", "v".repeat(51))),
                "textVersion"));
        all.add(bad("a proof over 2,000 characters", with(b -> b.put("proof", "p".repeat(2001))), "proof"));
        all.add(bad("every member missing", new LinkedHashMap<>(), "purpose", "decision", "channel", "textVersion",
                "text"));
        all.add(bad("an unknown member", with(b -> b.put("signature", "yes")), "signature"));
        all.add(bad("a number for the purpose", with(b -> b.put("purpose", 1)), "purpose"));
        all.add(bad("a boolean for the decision", with(b -> b.put("decision", true)), "decision"));
        all.add(new Case("not an object", ADULT, "application/json", bytes("[1]"), 400, "VALIDATION",
                List.of("body")));
        all.add(new Case("malformed JSON", ADULT, "application/json", bytes("{\"purpose\": "), 400, "VALIDATION",
                List.of("body")));
        all.add(new Case("a 2 MiB body", ADULT, "application/json", padded(TestHost.write(valid()), 2 * MIB), 413,
                "PAYLOAD_TOO_LARGE", List.of("body")));
        all.add(new Case("text/plain", ADULT, "text/plain", bytes(valid()), 415, "UNSUPPORTED_MEDIA_TYPE",
                List.of("body")));
        all.add(new Case("a malformed client id", "/v1/clients/1%27%20OR%20%271%27=%271/consents",
                "application/json", bytes(valid()), 404, "NOT_FOUND", List.of()));
        all.add(new Case("an unknown client", "/v1/clients/00000000-0000-7000-8000-000000000000/consents",
                "application/json", bytes(valid()), 404, "NOT_FOUND", List.of()));
        all.add(new Case("a marketing grant the day before the sixteenth birthday", MINOR, "application/json",
                bytes(consent("marketing", "granted")), 422, "UNPROCESSABLE", List.of("birthDate")));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsProblemAndWritesNothing(Case c) {
        Map<String, Long> before = ConsentFixtures.rowCounts(host);
        String path = c.path().equals(ADULT) ? adultPath : c.path().equals(MINOR) ? minorPath : c.path();
        Reply reply = host.send(host.request(path)
                .header("Authorization", "Bearer " + center.token())
                .header("Content-Type", c.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()))
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(c.status());
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo(c.code());
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        }
        assertThat(fields).containsExactlyInAnyOrderElementsOf(c.fields());
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(ConsentFixtures.rowCounts(host)).isEqualTo(before);
        JsonNode ledger = host.get(adultPath, center.token()).json();
        assertThat(ledger.get("history")).hasSize(1);
        assertThat(host.get(minorPath, center.token()).json().get("history")).isEmpty();
    }

    private static Case bad(String name, Map<String, Object> body, String... fields) {
        return new Case(name, ADULT, "application/json", bytes(body), 400, "VALIDATION", Arrays.asList(fields));
    }

    private static Map<String, Object> valid() {
        return consent("marketing", "granted");
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(valid());
        change.accept(body);
        return body;
    }

    private static byte[] bytes(Object body) {
        return (body instanceof String s ? s : TestHost.write(body)).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON followed by spaces up to exactly {@code size} bytes. */
    private static byte[] padded(String json, int size) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        Arrays.fill(out, head.length, size, (byte) ' ');
        return out;
    }
}
