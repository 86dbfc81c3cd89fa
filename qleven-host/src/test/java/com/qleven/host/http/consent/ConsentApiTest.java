package com.qleven.host.http.consent;

import static com.qleven.host.http.consent.ConsentFixtures.NOTICE;
import static com.qleven.host.http.consent.ConsentFixtures.client;
import static com.qleven.host.http.consent.ConsentFixtures.consent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consent ledger over HTTP: record, read the state and history, the minors rule, idempotency. */
class ConsentApiTest {
    private static TestHost host;
    private static Center center;
    private static String receptionist;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Consentimientos");
        String email = TestHost.newEmail("receptionist");
        assertThat(host.post("/v1/users", TestHost.userBody(email, "receptionist"), center.token()).status())
                .isEqualTo(201);
        receptionist = host.login(email, TestHost.PASSWORD, null);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static LocalDate madridToday() {
        return LocalDate.ofInstant(host.clock.instant(), ZoneId.of("Europe/Madrid"));
    }

    @Test
    void aReceptionistRecordsAGrantAndTheStateShowsIt() throws Exception {
        String id = client(host, center.token(), "1990-04-12");

        Reply created = host.post("/v1/clients/" + id + "/consents", consent("whatsapp", "granted"), receptionist);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/clients/" + id + "/consents");
        JsonNode entry = created.json();
        assertThat(entry.get("purpose").asText()).isEqualTo("whatsapp");
        assertThat(entry.get("decision").asText()).isEqualTo("granted");
        assertThat(entry.get("channel").asText()).isEqualTo("in_person");
        assertThat(entry.get("textVersion").asText()).isEqualTo("2026-03");
        assertThat(entry.get("textSha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(NOTICE.getBytes(StandardCharsets.UTF_8))));
        assertThat(entry.get("proof").asText()).isEqualTo("Signed form no. 42");
        assertThat(entry.get("recordedBy").asText()).isNotEqualTo(center.adminId());
        assertThat(entry.get("recordedAt").asText()).endsWith("Z");
        assertThat(entry.get("ageVerified").asBoolean()).isTrue();

        Reply read = host.get("/v1/clients/" + id + "/consents", center.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("current").toString()).isEqualTo("{\"whatsapp\":true,\"marketing\":false}");
        assertThat(read.json().get("history")).hasSize(1);
        assertThat(read.json().get("history").get(0)).isEqualTo(entry);

        Reply withdrawn = host.post("/v1/clients/" + id + "/consents", consent("whatsapp", "withdrawn"),
                center.token());
        assertThat(withdrawn.status()).isEqualTo(201);
        JsonNode after = host.get("/v1/clients/" + id + "/consents", receptionist).json();
        assertThat(after.get("current").get("whatsapp").asBoolean()).isFalse();
        assertThat(after.get("history")).hasSize(2);
    }

    @Test
    void aFifteenYearOldsMarketingGrantIs422NamingBirthDateAndWritesNothing() {
        String id = client(host, center.token(), madridToday().minusYears(15).toString());
        Map<String, Long> before = ConsentFixtures.rowCounts(host);

        Reply refused = host.post("/v1/clients/" + id + "/consents", consent("marketing", "granted"), center.token());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("UNPROCESSABLE");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("birthDate");
        assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/birthDate");
        assertThat(ConsentFixtures.rowCounts(host)).isEqualTo(before);
        assertThat(host.post("/v1/clients/" + id + "/consents", consent("whatsapp", "granted"), center.token())
                .status()).isEqualTo(201);
    }

    @Test
    void aClientWithoutBirthDateConsentsWithTheAgeNotVerified() {
        String id = client(host, center.token(), null);
        Reply created = host.post("/v1/clients/" + id + "/consents", consent("marketing", "granted"), center.token());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("ageVerified").asBoolean()).isFalse();
        assertThat(host.get("/v1/clients/" + id + "/consents", center.token()).json().get("current")
                .get("marketing").asBoolean()).isTrue();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String id = client(host, center.token(), "1990-04-12");
        HttpRequest request = host.request("/v1/clients/" + id + "/consents")
                .header("Authorization", "Bearer " + center.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "consent-" + id)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(consent("whatsapp", "granted"))))
                .build();

        Reply first = host.send(request);
        Reply again = host.send(request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        // The answer holds personal data (the proof): a replay keeps only the status and Location and
        // answers the client's consents as they now are, the first entry among them.
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.json().get("history")).containsExactly(first.json());
        assertThat(host.get("/v1/clients/" + id + "/consents", center.token()).json().get("history")).hasSize(1);
    }

    @Test
    void theProofIsEncryptedAtRestAndReadsAreAudited() throws Exception {
        String id = client(host, center.token(), "1990-04-12");
        Map<String, Object> body = consent("marketing", "granted");
        body.put("proof", "Firmado por Lucía ante Rita, formulario 7781");
        assertThat(host.post("/v1/clients/" + id + "/consents", body, center.token()).status()).isEqualTo(201);
        assertThat(host.get("/v1/clients/" + id + "/consents", center.token()).status()).isEqualTo(200);

        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT proof, text_sha256 FROM public.consent_entries WHERE client_id = '"
                     + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(new String(rs.getBytes("proof"), StandardCharsets.ISO_8859_1)).doesNotContain("7781")
                    .doesNotContain("Firmado");
            assertThat(rs.getString("text_sha256")).hasSize(64);
        }
        JsonNode events = host.get("/v1/audit/events?limit=5", center.token()).json().get("items");
        assertThat(events.get(0).get("action").asText()).isEqualTo("consent.read");
        assertThat(events.get(0).get("subjectId").asText()).isEqualTo(id);
        assertThat(events.get(1).get("action").asText()).isEqualTo("consent.record");
    }

    @Test
    void anotherCentersClientIsNotFound() {
        Center other = host.newCenter("Centro Ajeno");
        String theirs = client(host, other.token(), "1990-04-12");
        Reply foreign = host.post("/v1/clients/" + theirs + "/consents", consent("whatsapp", "granted"),
                center.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(host.get("/v1/clients/" + theirs + "/consents", center.token()).status()).isEqualTo(404);
        assertThat(host.get("/v1/clients/" + theirs + "/consents", other.token()).json().get("history")).isEmpty();
    }
}
