package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row-level security is the net under a forgotten {@code WHERE tenant_id = …}: these statements
 * leave the filter out on purpose and still see one center only, through the app pool, although
 * the owner that migrated the schema is a superuser.
 */
class RowLevelSecurityTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static final TenantId A = newTenant();
    private static final TenantId B = newTenant();

    @BeforeAll
    static void twoCenters() {
        addCenter(DB.store(), A);
        addCenter(DB.store(), B);
        addMember(DB.store(), A, newUser(), Role.ADMINISTRATOR, T0);
        addMember(DB.store(), A, newUser(), Role.PROFESSIONAL, T0);
        addMember(DB.store(), B, newUser(), Role.ADMINISTRATOR, T0);
        addMember(DB.store(), B, newUser(), Role.RECEPTIONIST, T0);
        addMember(DB.store(), B, newUser(), Role.RECEPTIONIST, T0);
    }

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static <T> T inTenant(TenantId tenant, Function<Handle, T> sql) {
        return tx().inTenant(tenant, () -> tx().withHandle("test", sql));
    }

    private static <T> T global(Function<Handle, T> sql) {
        return tx().global(() -> tx().withHandle("test", sql));
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static long countIn(TenantId tenant, String sql) {
        Long n = inTenant(tenant, h -> count(h, sql));
        return n;
    }

    private static long countGlobal(String sql) {
        Long n = global(h -> count(h, sql));
        return n;
    }

    @Test
    void a_query_without_a_tenant_filter_sees_only_the_units_center() {
        assertThat(countIn(A, "SELECT count(*) FROM memberships")).isEqualTo(2);
        assertThat(countIn(B, "SELECT count(*) FROM memberships")).isEqualTo(3);
        assertThat(countIn(A, "SELECT count(*) FROM centers")).isEqualTo(1);
    }

    @Test
    void control_the_owner_a_superuser_sees_every_center_so_the_counts_above_can_fail() throws SQLException {
        try (Connection c = TestDatabases.superuserConnection(DB.settings()); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT set_config('qleven.tenant_id', '" + A.value() + "', true)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM memberships")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5);
            }
            c.rollback();
        }
    }

    @Test
    void a_global_unit_sees_no_centers_rows() {
        assertThat(countGlobal("SELECT count(*) FROM memberships")).isZero();
        assertThat(countGlobal("SELECT count(*) FROM centers")).isZero();
    }

    @Test
    void a_cross_center_insert_is_refused() {
        assertThatThrownBy(() -> inTenant(A, h -> h.createUpdate(
                "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (:b, :u, 'administrator', now())")
                .bind("b", B.value()).bind("u", UUID.randomUUID()).execute()))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e).hasMessageContaining("42501");
                });
        assertThat(countIn(B, "SELECT count(*) FROM memberships")).isEqualTo(3);
    }

    @Test
    void an_update_or_delete_without_a_tenant_filter_touches_only_the_units_center() {
        RuntimeException undo = new RuntimeException("undo");
        assertThatThrownBy(() -> tx().inTenant(A, () -> tx().withHandle("test", h -> {
            assertThat(h.createUpdate("UPDATE memberships SET role = 'receptionist'").execute()).isEqualTo(2);
            // Moving a row to another center is refused as an insert there would be.
            assertThatThrownBy(() -> h.createUpdate("UPDATE centers SET tenant_id = :b").bind("b", B.value())
                    .execute()).hasMessageContaining("row-level security");
            throw undo;
        }))).isSameAs(undo);
        int deleted = tx().inTenant(A, () -> tx().withHandle("test",
                h -> h.createUpdate("DELETE FROM sessions WHERE tenant_id = :b").bind("b", B.value()).execute()));
        assertThat(deleted).isZero();
        assertThat(countIn(B, "SELECT count(*) FROM memberships WHERE role = 'receptionist'"))
                .isEqualTo(2);
    }

    /** A table with a tenant_id column, as the catalog describes it. */
    private record TenantTable(String name, boolean enabled, boolean forced, boolean guarded) {
    }

    @Test
    void every_table_with_a_tenant_id_outside_the_directory_has_row_level_security_enabled_and_forced() {
        List<TenantTable> tables = global(h -> h.createQuery("""
                        SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity, c.relforcerowsecurity,
                               EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                                       AND p.polcmd = '*' AND p.polqual IS NOT NULL AND p.polwithcheck IS NOT NULL
                                       AND pg_get_expr(p.polqual, c.oid) LIKE '%qleven_current_tenant()%'
                                       AND pg_get_expr(p.polwithcheck, c.oid) LIKE '%qleven_current_tenant()%')
                                   AS guarded
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                        WHERE c.relkind IN ('r', 'p')
                          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'directory')
                        ORDER BY 1""")
                .map((rs, ctx) -> new TenantTable(rs.getString("name"), rs.getBoolean("relrowsecurity"),
                        rs.getBoolean("relforcerowsecurity"), rs.getBoolean("guarded")))
                .list());

        assertThat(tables).extracting(TenantTable::name)
                .contains("public.centers", "public.memberships", "public.sessions", "public.clients",
                        "public.client_name_tokens");
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.enabled()).as("%s has row-level security enabled", t.name()).isTrue();
            assertThat(t.forced()).as("%s forces row-level security", t.name()).isTrue();
            assertThat(t.guarded()).as("%s has the tenant_isolation policy", t.name()).isTrue();
        });
    }

    @Test
    void tenant_id_leads_every_key_and_index_of_a_tenant_table() {
        List<String> offenders = global(h -> h.createQuery("""
                        WITH tenant_tables AS (
                            SELECT c.oid, a.attnum FROM pg_class c
                            JOIN pg_namespace n ON n.oid = c.relnamespace
                            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'directory'))
                        SELECT k.conname FROM pg_constraint k JOIN tenant_tables t ON t.oid = k.conrelid
                        WHERE k.contype IN ('p', 'u', 'f', 'x') AND k.conkey[1] <> t.attnum
                        UNION ALL
                        SELECT i.indexrelid::regclass::text FROM pg_index i JOIN tenant_tables t ON t.oid = i.indrelid
                        WHERE i.indkey[0] <> t.attnum""")
                .mapTo(String.class).list());

        assertThat(offenders).isEmpty();
    }

    @Test
    void the_tenant_function_runs_with_the_callers_rights() {
        boolean definer = global(h -> h.createQuery(
                "SELECT prosecdef FROM pg_proc WHERE proname = 'qleven_current_tenant'").mapTo(Boolean.class).one());
        assertThat(definer).isFalse();
    }

    @Test
    void the_pool_logs_in_as_an_unprivileged_role_although_the_owner_is_a_superuser() throws SQLException {
        try (Connection c = DB.store().appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT current_user, r.rolsuper, r.rolbypassrls,
                            (SELECT rolsuper FROM pg_roles WHERE rolname = '%s') AS owner_is_superuser
                     FROM pg_roles r WHERE r.rolname = current_user""".formatted(DB.settings().ownerUser()))) {
            rs.next();
            assertThat(rs.getString("current_user")).isNotEqualTo(DB.settings().ownerUser()).endsWith("_app");
            assertThat(rs.getBoolean("rolsuper")).isFalse();
            assertThat(rs.getBoolean("rolbypassrls")).isFalse();
            assertThat(rs.getBoolean("owner_is_superuser")).as("the premise: the owner is a superuser").isTrue();
        }
    }

    @Test
    void reset_role_through_the_pool_still_sees_one_center() {
        long seen = inTenant(A, h -> {
            h.execute("RESET ROLE");
            h.execute("RESET SESSION AUTHORIZATION");
            return count(h, "SELECT count(*) FROM memberships");
        });
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void the_pool_cannot_become_the_owner() {
        String owner = TestDatabases.quote(DB.settings().ownerUser());
        assertThatThrownBy(() -> inTenant(A, h -> h.execute("SET ROLE " + owner)))
                .isInstanceOf(InfrastructureException.class).hasMessageContaining("42501");
        assertThatThrownBy(() -> inTenant(A, h -> h.execute("SET SESSION AUTHORIZATION " + owner)))
                .isInstanceOf(InfrastructureException.class).hasMessageContaining("42501");
    }

    @Test
    void a_forgotten_filter_in_a_repository_would_still_be_caught() {
        // The repositories filter by tenant_id themselves too; the same lookup with the unit of
        // another center finds nothing.
        Optional<?> seen = tx().inTenant(B, () -> DB.store().tenancy().centers().byId(A));
        assertThat(seen).isEmpty();
    }
}
