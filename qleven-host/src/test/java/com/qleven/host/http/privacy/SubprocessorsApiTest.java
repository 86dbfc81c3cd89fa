package com.qleven.host.http.privacy;

import static com.qleven.host.http.privacy.IncidentFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sub-processor register over HTTP: seeded from the policy, edited by operators, read by centers. */
class SubprocessorsApiTest {
    private static TestHost host;
    private static Center center;
    private static String operator;
    private static String entry;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Clínica Sol");
        operator = operator(host);
        entry = host.post("/v1/operator/subprocessors", body("Brevo", "Transactional email", "European Union",
                "Processed in the European Union"), operator).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, Object> body(String name, String purpose, String region, String safeguard) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("purpose", purpose);
        body.put("region", region);
        body.put("transferSafeguard", safeguard);
        return body;
    }

    private Reply patch(String id, String json, String token) {
        return host.send(host.request("/v1/operator/subprocessors/" + id)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Entries and platform audit events, plus entries moved to the region the refused patches name (a changed row adds no row). */
    private static long rows() {
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM public.privacy_subprocessors)"
                     + " + (SELECT count(*) FROM public.platform_audit_events)"
                     + " + (SELECT count(*) FROM public.privacy_subprocessors WHERE region = 'Nowhere')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_center_reads_the_register_the_policy_names_and_what_operators_changed() {
        Reply changed = patch(entry, "{\"region\":\"United States\",\"transferSafeguard\":\"EU-US Data Privacy"
                + " Framework\"}", operator);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asText()).isEqualTo("Brevo");

        Reply list = host.get("/v1/privacy/subprocessors", center.token());

        assertThat(list.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().get("items").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("Meta Platforms, Inc.", "Vercel Inc.", "Supabase Inc.", "Brevo").isSorted();
        JsonNode meta = Stream.of(list.json().get("items")).flatMap(items -> {
            List<JsonNode> all = new ArrayList<>();
            items.forEach(all::add);
            return all.stream();
        }).filter(s -> s.get("name").asText().startsWith("Meta")).findFirst().orElseThrow();
        assertThat(meta.get("region").asText()).isEqualTo("United States");
        assertThat(meta.get("transferSafeguard").asText()).contains("Data Privacy Framework", "Standard Contractual");
        assertThat(host.get("/v1/privacy/subprocessors").status()).isEqualTo(401);
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                Arguments.of("add without a region", "POST", null,
                        "{\"name\":\"X\",\"purpose\":\"Y\",\"transferSafeguard\":\"Z\"}", false, 400, "region"),
                Arguments.of("add with an unknown member", "POST", null,
                        "{\"name\":\"X\",\"purpose\":\"Y\",\"region\":\"Nowhere\",\"transferSafeguard\":\"Z\",\"dpa\":1}",
                        false, 400, "dpa"),
                Arguments.of("add with a blank name", "POST", null,
                        "{\"name\":\" \",\"purpose\":\"Y\",\"region\":\"Nowhere\",\"transferSafeguard\":\"Z\"}", false,
                        400, "name"),
                Arguments.of("add by an administrator", "POST", null,
                        "{\"name\":\"X\",\"purpose\":\"Y\",\"region\":\"Nowhere\",\"transferSafeguard\":\"Z\"}", true,
                        403, null),
                Arguments.of("patch clearing a field", "PATCH", "{entry}", "{\"region\":null}", false, 400, "region"),
                Arguments.of("patch with an unknown member", "PATCH", "{entry}", "{\"country\":\"ES\"}", false, 400,
                        "country"),
                Arguments.of("patch with a line break", "PATCH", "{entry}", "{\"name\":\"A\\nB\"}", false, 400, "name"),
                Arguments.of("patch by an administrator", "PATCH", "{entry}", "{\"region\":\"Nowhere\"}", true, 403,
                        null),
                Arguments.of("patch of no entry", "PATCH", UUID.randomUUID().toString(), "{\"region\":\"Nowhere\"}",
                        false, 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void a_bad_edit_is_refused_and_writes_nothing(String name, String method, String id, String json,
                                                   boolean asAdministrator, int status, String field) {
        long before = rows();
        String token = asAdministrator ? center.token() : operator;
        Reply reply = method.equals("POST")
                ? host.send(host.request("/v1/operator/subprocessors").header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build())
                : patch(id.equals("{entry}") ? entry : id, json, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (field != null) {
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).contains(field);
        }
        assertThat(rows()).isEqualTo(before);
    }
}
