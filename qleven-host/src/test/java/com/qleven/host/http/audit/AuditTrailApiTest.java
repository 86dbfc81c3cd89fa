package com.qleven.host.http.audit;

import static com.qleven.host.TestHost.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.CorePolicies;
import com.qleven.host.Main;
import com.qleven.host.TestHost;
import com.qleven.host.cli.Cli;
import com.qleven.host.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over HTTP and from the command line: an intact chain verifies; a row rewritten
 * or deleted by the database owner with the append-only trigger off, and the last rows cut off, are
 * each found at that row by {@code audit verify} and by {@code GET /v1/audit/verify}.
 */
class AuditTrailApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run auditVerify() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new Environment(host.environment), Clock.systemUTC(), CorePolicies.DEFAULT,
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), false);
        int code = Main.run(new String[] {"audit", "verify"}, cli);
        return new Run(code, out.toString(), err.toString());
    }

    /** A center whose chain holds a few events: signup, sign-in, profile reads. */
    private static TestHost.Center centerWithEvents(int profileReads) {
        TestHost.Center center = host.newCenter("Clínica " + UUID.randomUUID());
        for (int i = 0; i < profileReads; i++) {
            assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        }
        return center;
    }

    private static JsonNode verifyRoute(TestHost.Center center) {
        TestHost.Reply reply = host.get("/v1/audit/verify", center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("chains")).hasSize(1);
        JsonNode chain = reply.json().get("chains").get(0);
        assertThat(chain.get("tenantId").asText()).isEqualTo(center.tenantId());
        return chain;
    }

    private static long lastSeq(String tenantId) throws SQLException {
        try (Connection c = host.superuser();
             PreparedStatement st = c.prepareStatement("SELECT max(seq) FROM audit_events WHERE tenant_id = ?::uuid")) {
            st.setString(1, tenantId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As the owner, with the triggers off for this session only: what an attacker with the database could do. */
    private static void asOwner(String sql, Object... params) throws SQLException {
        try (Connection c = host.superuser()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                assertThat(st.executeUpdate()).as(sql).isPositive();
            }
        }
    }

    @Test
    void auditVerifyAndTheRouteFindEachTamperingAtItsRow() throws Exception {
        TestHost.Center rewritten = centerWithEvents(3);
        TestHost.Center deleted = centerWithEvents(3);
        TestHost.Center cut = centerWithEvents(4);
        TestHost.Center cutAndHidden = centerWithEvents(4);

        Run intact = auditVerify();
        assertThat(intact.code()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("chain " + rewritten.tenantId() + ": intact, 5 entries verified")
                .contains("chain platform: intact").contains(" 0 broken");
        JsonNode before = verifyRoute(rewritten);
        assertThat(before.get("verified").asLong()).isEqualTo(5);
        assertThat(before.get("brokenAt").isNull()).isTrue();
        assertThat(before.get("reason").isNull()).isTrue();
        // The heads as they are now, written outside the database, as the host does every minute.
        host.host().component().auditWitnessJob().runOnce();

        asOwner("UPDATE audit_events SET purpose = 'nothing to see' WHERE tenant_id = ?::uuid AND seq = 3",
                rewritten.tenantId());
        asOwner("DELETE FROM audit_events WHERE tenant_id = ?::uuid AND seq = 2", deleted.tenantId());
        long cutLast = lastSeq(cut.tenantId());
        asOwner("DELETE FROM audit_events WHERE tenant_id = ?::uuid AND seq >= ?", cut.tenantId(), cutLast - 1);
        long hiddenLast = lastSeq(cutAndHidden.tenantId());
        asOwner("DELETE FROM audit_events WHERE tenant_id = ?::uuid AND seq >= ?", cutAndHidden.tenantId(),
                hiddenLast - 1);
        asOwner("UPDATE audit_heads h SET seq = e.seq, hash = e.hash FROM audit_events e"
                + " WHERE h.tenant_id = ?::uuid AND e.tenant_id = h.tenant_id AND e.seq = ?",
                cutAndHidden.tenantId(), hiddenLast - 2);

        Run broken = auditVerify();
        assertThat(broken.code()).as(broken.out() + broken.err()).isEqualTo(3);
        assertThat(broken.out())
                .contains("chain " + rewritten.tenantId() + ": BROKEN at sequence 3 (hash_mismatch)")
                .contains("chain " + deleted.tenantId() + ": BROKEN at sequence 2 (gap)")
                .contains("chain " + cut.tenantId() + ": BROKEN at sequence " + (cutLast - 1) + " (head_mismatch)")
                .contains("chain " + cutAndHidden.tenantId() + ": BROKEN at sequence " + (hiddenLast - 1)
                        + " (witness_mismatch)")
                .contains("chain platform: intact");

        assertBroken(verifyRoute(rewritten), 3, "hash_mismatch", 2);
        assertBroken(verifyRoute(deleted), 2, "gap", 1);
        assertBroken(verifyRoute(cut), cutLast - 1, "head_mismatch", cutLast - 2);
        assertBroken(verifyRoute(cutAndHidden), hiddenLast - 1, "witness_mismatch", hiddenLast - 2);
    }

    private static void assertBroken(JsonNode chain, long at, String reason, long verified) {
        assertThat(chain.get("brokenAt").asLong()).isEqualTo(at);
        assertThat(chain.get("reason").asText()).isEqualTo(reason);
        assertThat(chain.get("verified").asLong()).isEqualTo(verified);
    }

    @Test
    void theTriggerRefusesToChangeTheTrailEvenToTheOwner() throws Exception {
        TestHost.Center center = centerWithEvents(1);
        try (Connection c = host.superuser(); Statement st = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.executeUpdate(
                    "DELETE FROM audit_events WHERE tenant_id = '" + center.tenantId() + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(verifyRoute(center).get("brokenAt").isNull()).isTrue();
    }

    @Test
    void administratorsReadTheirEventsNewestFirstAndOtherRolesGet403() {
        TestHost.Center center = centerWithEvents(2);
        TestHost.Reply page = host.get("/v1/audit/events?limit=2", center.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("seq").asLong()).isGreaterThan(items.get(1).get("seq").asLong());
        assertThat(items.get(0).get("action").asText()).isEqualTo("account.read");
        assertThat(items.get(0).get("actorId").asText()).isEqualTo(center.adminId());
        assertThat(items.get(0).get("subjectId").asText()).isEqualTo(center.adminId());
        assertThat(page.body()).doesNotContain(center.adminEmail()).doesNotContain("Ana García");
        String next = page.json().get("next").asText();
        TestHost.Reply rest = host.get("/v1/audit/events?limit=200&cursor=" + next, center.token());
        assertThat(rest.json().get("items").get(rest.json().get("items").size() - 1).get("action").asText())
                .isEqualTo("account.create");
        assertThat(rest.json().get("next").isNull()).isTrue();
        assertThat(host.get("/v1/audit/events?limit=0", center.token()).status()).isEqualTo(400);

        String receptionist = TestHost.newEmail("receptionist");
        assertThat(host.post("/v1/users", TestHost.userBody(receptionist, "receptionist"), center.token()).status())
                .isEqualTo(201);
        String token = host.login(receptionist, PASSWORD, null);
        assertThat(host.get("/v1/audit/verify", token).status()).isEqualTo(403);
        assertThat(host.get("/v1/audit/events", token).status()).isEqualTo(403);
        assertThat(host.get("/v1/audit/verify").status()).isEqualTo(401);
    }
}
