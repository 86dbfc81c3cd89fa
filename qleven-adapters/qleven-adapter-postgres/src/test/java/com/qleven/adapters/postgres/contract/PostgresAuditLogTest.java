package com.qleven.adapters.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.application.QlevenStore;
import com.qleven.application.audit.ChainedAuditTrail;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.QlevenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.AuditLogContract;
import com.qleven.ports.contract.ContractFixtures;
import com.qleven.ports.testing.TestChainSigner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit log on PostgreSQL. Tampering goes around the port as the database owner would: with the
 * append-only triggers off for the session ({@code session_replication_role = replica}), which the
 * app role may not do.
 */
class PostgresAuditLogTest extends AuditLogContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension(8);

    @Override
    protected QlevenStore store() {
        return DB.store();
    }

    @Test
    void theAppRoleCanNeitherChangeNorRemoveAnEntry() {
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(DB.store(), tenant);
        PostgresTransactions tx = (PostgresTransactions) DB.store().transactions();
        tx.inTenant(tenant, () -> DB.store().auditLog().lockHead(Optional.of(tenant)));
        new ChainedAuditTrail(tx, DB.store().auditLog(),
                new TestChainSigner(),
                new SecurityWatch(alert -> { },
                        BurstPolicy.CLIENT_READS,
                        BurstPolicy.FAILED_SIGN_INS))
                .record(new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(), "client.read", "client",
                        Optional.empty(), "test", 1, ContractFixtures.T0));
        for (String sql : List.of("UPDATE audit_events SET purpose = 'x'", "DELETE FROM audit_events",
                "TRUNCATE audit_events", "UPDATE platform_audit_events SET purpose = 'x'",
                "DELETE FROM platform_audit_events")) {
            assertThatThrownBy(() -> tx.inTenant(tenant, () -> tx.withHandle("tamper", h -> h.execute(sql))))
                    .as(sql).isInstanceOf(QlevenException.class);
        }
        assertThat(tx.inTenant(tenant, () -> DB.store().auditLog().read(Optional.of(tenant), 0, 10)))
                .singleElement().satisfies(e -> assertThat(e.event().purpose()).isEqualTo("test"));
    }

    private interface Tamper {
        void apply(Connection c) throws SQLException;
    }

    private static void asOwner(Tamper tamper) {
        try (Connection c = TestDatabases.superuserConnection(DB.settings())) {
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            tamper.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String events(Optional<TenantId> chain) {
        return chain.isPresent() ? "public.audit_events WHERE tenant_id = ? AND" : "public.platform_audit_events WHERE";
    }

    @Override
    protected void rewritePurpose(Optional<TenantId> chain, long seq, String purpose) {
        asOwner(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE " + events(chain).replace(" WHERE", " SET purpose = ? WHERE")
                    + " seq = ?")) {
                int i = 1;
                st.setString(i++, purpose);
                if (chain.isPresent()) {
                    st.setObject(i++, chain.get().value());
                }
                st.setLong(i, seq);
                if (st.executeUpdate() != 1) {
                    throw new IllegalStateException("no entry " + seq);
                }
            }
        });
    }

    @Override
    protected void deleteEntries(Optional<TenantId> chain, long from, long to) {
        asOwner(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + events(chain) + " seq BETWEEN ? AND ?")) {
                int i = 1;
                if (chain.isPresent()) {
                    st.setObject(i++, chain.get().value());
                }
                st.setLong(i++, from);
                st.setLong(i, to);
                st.executeUpdate();
            }
        });
    }

    @Override
    protected void forceHead(ChainHead head) {
        asOwner(c -> {
            String sql = head.chain().isPresent()
                    ? "UPDATE public.audit_heads SET seq = ?, hash = ? WHERE tenant_id = ?"
                    : "UPDATE public.platform_audit_head SET seq = ?, hash = ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, head.seq());
                st.setBytes(2, head.hash().bytes());
                if (head.chain().isPresent()) {
                    st.setObject(3, head.chain().get().value());
                }
                st.executeUpdate();
            }
        });
    }
}
