package com.qleven.host.http.privacy;

import static com.qleven.host.http.privacy.IncidentFixtures.operator;
import static com.qleven.host.http.privacy.PolicyVersionsApiTest.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad policy publication gets its 4xx problem naming the field, and writes nothing:
 * no version, no notice, no mail, no audit event.
 */
class PolicyVersionsBadInputTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static TestHost host;
    private static Center center;
    private static String operator;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        host.clock.set(NOW);
        center = host.newCenter("Clínica Sol");
        operator = operator(host);
        // A version that exists, so that publishing its name again is a conflict.
        Reply first = host.post("/v1/operator/policy-versions", version("taken", "text", "2026-11-02T10:00:00Z"),
                operator);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // The dispatcher sends that publication's mail in the background and deletes its outbox rows:
        // let it finish, so that a count before and after a refused request compares the request only.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (rows().get("public.mail_outbox") > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(rows().get("public.mail_outbox")).as("the publication's mail sent").isZero();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static Stream<Arguments> cases() {
        String ok = "2026-11-03T00:00:00+01:00";
        return Stream.of(
                Arguments.of("missing text", false, without("text"), 400, "text"),
                Arguments.of("blank text", false, version("v2", "  ", ok), 400, "text"),
                Arguments.of("text too long", false, version("v2", "x".repeat(200_001), ok), 400, "text"),
                Arguments.of("version with spaces", false, version("v 2", "text", ok), 400, "version"),
                Arguments.of("version too long", false, version("v".repeat(41), "text", ok), 400, "version"),
                Arguments.of("missing version", false, without("version"), 400, "version"),
                Arguments.of("effectiveAt without offset", false, version("v2", "text", "2026-11-03T00:00:00"), 400,
                        "effectiveAt"),
                Arguments.of("effectiveAt a date only", false, version("v2", "text", "2026-11-03"), 400,
                        "effectiveAt"),
                Arguments.of("unknown member", false, withExtra(), 400, "audience"),
                Arguments.of("a version that exists", false, version("taken", "other text", ok), 409, null),
                Arguments.of("an administrator publishes", true, version("v2", "text", ok), 403, null));
    }

    private static Map<String, Object> without(String member) {
        Map<String, Object> body = version("v2", "text", "2026-11-03T00:00:00Z");
        body.remove(member);
        return body;
    }

    private static Map<String, Object> withExtra() {
        Map<String, Object> body = version("v2", "text", "2026-11-03T00:00:00Z");
        body.put("audience", "everyone");
        return body;
    }

    /** Rows of every table a publication writes, to prove that a refused one wrote nothing. */
    private static Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            for (String table : List.of("public.policy_versions", "public.policy_notices", "public.policy_acceptances",
                    "public.mail_outbox", "public.platform_audit_events", "public.audit_events")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_and_writes_nothing(String name, boolean asAdministrator, Map<String, Object> body, int status,
                                       String field) {
        Map<String, Long> before = rows();

        Reply reply = host.post("/v1/operator/policy-versions", body, asAdministrator ? center.token() : operator);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).contains(field);
        }
        assertThat(rows()).isEqualTo(before);
        assertThat(host.get("/v1/me/notifications", center.token()).json().get("items"))
                .extracting(n -> n.get("version").asText()).containsExactly("taken");
    }
}
