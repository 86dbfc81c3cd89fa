package com.qleven.adapters.postgres.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.application.QlevenStore;
import com.qleven.application.audit.ChainedAuditTrail;
import com.qleven.application.audit.SealAuditTrailService;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.application.audit.VerifyAuditTrailService;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.QlevenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.contract.AuditLogContract;
import com.qleven.ports.contract.ContractFixtures;
import com.qleven.ports.testing.TestChainSigner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
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
        PostgresTransactions tx = (PostgresTransactions) DB.store().shared().transactions();
        new ChainedAuditTrail(tx, DB.store().audit().auditLog(),
                new SecurityWatch(alert -> { },
                        BurstPolicy.CLIENT_READS,
                        BurstPolicy.FAILED_SIGN_INS))
                .record(new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(), "client.read", "client",
                        Optional.empty(), "test", 1, ContractFixtures.T0));
        sealer().seal(Optional.of(tenant));
        for (String sql : List.of("UPDATE audit_events SET purpose = 'x'", "DELETE FROM audit_events",
                "TRUNCATE audit_events", "UPDATE platform_audit_events SET purpose = 'x'",
                "DELETE FROM platform_audit_events", "UPDATE audit_events SET seq = seq + 1",
                "UPDATE audit_events SET hash = prev_hash")) {
            assertThatThrownBy(() -> tx.inTenant(tenant, () -> tx.withHandle("tamper", h -> h.execute(sql))))
                    .as(sql).isInstanceOf(QlevenException.class);
        }
        assertThat(tx.inTenant(tenant, () -> DB.store().audit().auditLog().read(Optional.of(tenant), 0, 10)))
                .singleElement().satisfies(e -> assertThat(e.event().purpose()).isEqualTo("test"));
    }

    /**
     * Issue 8: a center's requests never wait on each other for the audit trail. A unit of work of
     * the center that recorded an event and is still open must not hold up another one recording
     * an event of the same center.
     */
    @Test
    void anAppendDoesNotWaitForAnotherOpenUnitOfTheSameCenter() throws Exception {
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(DB.store(), tenant);
        PostgresTransactions tx = (PostgresTransactions) DB.store().shared().transactions();
        ChainedAuditTrail trail = new ChainedAuditTrail(tx, DB.store().audit().auditLog(),
                new SecurityWatch(alert -> { }, BurstPolicy.CLIENT_READS, BurstPolicy.FAILED_SIGN_INS));
        trail.record(readEvent(tenant, "first"));
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> open = pool.submit(() -> tx.inTenant(tenant, () -> {
                trail.record(readEvent(tenant, "held open"));
                recorded.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(recorded.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<?> other = pool.submit(() -> trail.record(readEvent(tenant, "meanwhile")));
            try {
                other.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
            open.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static final TestChainSigner SIGNER = new TestChainSigner();

    private static SealAuditTrailService sealer() {
        return new SealAuditTrailService(DB.store().shared().transactions(), DB.store().audit().auditLog(), SIGNER,
                Clock.systemUTC());
    }

    private static ChainReport verify(TenantId tenant) {
        return new VerifyAuditTrailService(DB.store().shared().transactions(), DB.store().audit().auditLog(), SIGNER,
                AuditHeadWitness.NONE, sealer())
                .verifyAll().stream().filter(r -> r.chain().equals(Optional.of(tenant))).findFirst().orElseThrow();
    }

    /**
     * The sealing may not change an event's content, only give it its place, once: the app role
     * cannot rewrite an unsealed event either.
     */
    @Test
    void theAppRoleCanOnlySealAnUnsealedEventAndChangeNothingElse() {
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(DB.store(), tenant);
        PostgresTransactions tx = (PostgresTransactions) DB.store().shared().transactions();
        new ChainedAuditTrail(tx, DB.store().audit().auditLog(),
                new SecurityWatch(alert -> { }, BurstPolicy.CLIENT_READS, BurstPolicy.FAILED_SIGN_INS))
                .record(readEvent(tenant, "unsealed"));
        for (String sql : List.of("UPDATE audit_events SET purpose = 'x'",
                "UPDATE audit_events SET purpose = 'x', seq = 1, prev_hash = '\\x" + "00".repeat(32)
                        + "', hash = '\\x" + "00".repeat(32) + "'",
                "DELETE FROM audit_events")) {
            assertThatThrownBy(() -> tx.inTenant(tenant, () -> tx.withHandle("tamper", h -> h.execute(sql))))
                    .as(sql).isInstanceOf(QlevenException.class);
        }
        assertThat(sealer().seal(Optional.of(tenant))).isEqualTo(1);
        assertThat(verify(tenant).intact()).isTrue();
    }

    /**
     * A unit of work that appended first but commits after a later append was sealed: its event
     * is not passed over, it is sealed on a later run, at a later place.
     */
    @Test
    void anAppendThatCommitsAfterALaterOneWasSealedIsSealedLaterNotSkipped() throws Exception {
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(DB.store(), tenant);
        PostgresTransactions tx = (PostgresTransactions) DB.store().shared().transactions();
        ChainedAuditTrail trail = new ChainedAuditTrail(tx, DB.store().audit().auditLog(),
                new SecurityWatch(alert -> { }, BurstPolicy.CLIENT_READS, BurstPolicy.FAILED_SIGN_INS));
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> open = pool.submit(() -> tx.inTenant(tenant, () -> {
                trail.record(readEvent(tenant, "early append, late commit"));
                recorded.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(recorded.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            trail.record(readEvent(tenant, "late append, early commit"));
            // The later append is sealed now, the open unit's is not visible yet.
            assertThat(sealer().seal(Optional.of(tenant))).isEqualTo(1);
            release.countDown();
            open.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(sealer().seal(Optional.of(tenant))).isEqualTo(1);
        assertThat(tx.inTenant(tenant, () -> DB.store().audit().auditLog().read(Optional.of(tenant), 0, 10)))
                .extracting(e -> e.event().purpose())
                .containsExactly("late append, early commit", "early append, late commit");
        assertThat(verify(tenant)).isEqualTo(new ChainReport(Optional.of(tenant), 2, Optional.empty(), Optional.empty()));
    }

    /** Two sealed entries swapped in place (their places exchanged by the owner) are found. */
    @Test
    void sealedEntriesReorderedAreFoundAtTheFirstMovedOne() {
        TenantId tenant = ContractFixtures.newTenant();
        ContractFixtures.addCenter(DB.store(), tenant);
        PostgresTransactions tx = (PostgresTransactions) DB.store().shared().transactions();
        ChainedAuditTrail trail = new ChainedAuditTrail(tx, DB.store().audit().auditLog(),
                new SecurityWatch(alert -> { }, BurstPolicy.CLIENT_READS, BurstPolicy.FAILED_SIGN_INS));
        for (int i = 0; i < 5; i++) {
            trail.record(readEvent(tenant, "read " + i));
        }
        sealer().seal(Optional.of(tenant));
        asOwner(c -> {
            for (String sql : List.of("UPDATE public.audit_events SET seq = 1000000 WHERE tenant_id = ? AND seq = 2",
                    "UPDATE public.audit_events SET seq = 2 WHERE tenant_id = ? AND seq = 3",
                    "UPDATE public.audit_events SET seq = 3 WHERE tenant_id = ? AND seq = 1000000")) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setObject(1, tenant.value());
                    assertThat(st.executeUpdate()).isEqualTo(1);
                }
            }
        });
        ChainReport report = verify(tenant);
        assertThat(report.brokenAt()).contains(2L);
        assertThat(report.verified()).isEqualTo(1);
    }

    private static AuditEvent readEvent(TenantId tenant, String purpose) {
        return new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(), "client.read", "client",
                Optional.empty(), purpose, 1, ContractFixtures.T0);
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
    protected void deleteUnsealed(Optional<TenantId> chain, long appendId) {
        asOwner(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM " + events(chain) + " id = ? AND seq IS NULL")) {
                int i = 1;
                if (chain.isPresent()) {
                    st.setObject(i++, chain.get().value());
                }
                st.setLong(i, appendId);
                if (st.executeUpdate() != 1) {
                    throw new IllegalStateException("no unsealed event " + appendId);
                }
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
