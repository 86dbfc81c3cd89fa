package com.qleven.host.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.host.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail's window between append and seal over HTTP: requests append their events
 * unsealed; the event list shows them, without a place until sealed; an event deleted by the owner
 * before it was sealed is found by verification at the place it would have had. A host of its own,
 * since it leaves a broken chain behind.
 */
class AuditSealingApiTest {
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static JsonNode verifyRoute(TestHost.Center center) {
        TestHost.Reply reply = host.get("/v1/audit/verify", center.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("chains").get(0);
    }

    private static long count(String sql, String tenantId) throws SQLException {
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, tenantId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void requestsAppendUnsealedEventsThatTheListShowsAndSealsFirst() throws Exception {
        TestHost.Center center = host.newCenter("Clínica " + UUID.randomUUID());
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        String unsealed = "SELECT count(*) FROM audit_events WHERE tenant_id = ?::uuid AND seq IS NULL";
        assertThat(count(unsealed, center.tenantId())).as("the host in tests seals on demand").isPositive();
        assertThat(count("SELECT count(*) FROM directory.audit_due WHERE tenant_id = ?::uuid", center.tenantId()))
                .isEqualTo(count(unsealed, center.tenantId()));

        TestHost.Reply page = host.get("/v1/audit/events?limit=200", center.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).allSatisfy(item -> assertThat(item.get("seq").isNumber()).isTrue());
        assertThat(count(unsealed, center.tenantId())).isZero();
        assertThat(count("SELECT count(*) FROM directory.audit_due WHERE tenant_id = ?::uuid", center.tenantId()))
                .isZero();
    }

    @Test
    void anEventDeletedBeforeItWasSealedIsFoundAtThePlaceItWouldHaveHad() throws Exception {
        TestHost.Center center = host.newCenter("Clínica " + UUID.randomUUID());
        JsonNode before = verifyRoute(center);
        assertThat(before.get("brokenAt").isNull()).isTrue();
        long sealedUpTo = before.get("verified").asLong();
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        try (Connection c = host.superuser()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM audit_events WHERE tenant_id = ?::uuid"
                    + " AND id = (SELECT min(id) FROM audit_events WHERE tenant_id = ?::uuid AND seq IS NULL)")) {
                st.setString(1, center.tenantId());
                st.setString(2, center.tenantId());
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        }

        JsonNode chain = verifyRoute(center);
        assertThat(chain.get("brokenAt").asLong()).isEqualTo(sealedUpTo + 1);
        assertThat(chain.get("reason").asText()).isEqualTo("gap");
        assertThat(chain.get("verified").asLong()).isEqualTo(sealedUpTo);
    }

    /** The control: the same requests without the deletion verify intact. */
    @Test
    void controlTheSameRequestsWithoutTheDeletionVerify() {
        TestHost.Center center = host.newCenter("Clínica " + UUID.randomUUID());
        long sealedUpTo = verifyRoute(center).get("verified").asLong();
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        assertThat(host.get("/v1/me", center.token()).status()).isEqualTo(200);
        JsonNode chain = verifyRoute(center);
        assertThat(chain.get("brokenAt").isNull()).isTrue();
        assertThat(chain.get("verified").asLong()).isGreaterThanOrEqualTo(sealedUpTo + 2);
    }
}
