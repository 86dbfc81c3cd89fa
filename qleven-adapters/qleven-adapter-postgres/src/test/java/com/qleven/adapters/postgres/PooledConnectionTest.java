package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HikariCP hands the same connection to the next borrower without resetting settings: the center
 * must be set per transaction, or a request without one would see the previous request's center.
 */
class PooledConnectionTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension(1);

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static final String COUNT_AND_BACKEND = "SELECT count(*) || '/' || pg_backend_pid() FROM memberships";

    @Test
    void the_center_of_one_unit_does_not_leak_to_the_next_on_the_same_connection() throws SQLException {
        TenantId a = newTenant();
        addCenter(DB.store(), a);
        addMember(DB.store(), a, newUser(), Role.ADMINISTRATOR, T0);

        String[] inA = tx().inTenant(a, () -> tx().withHandle("test",
                h -> h.createQuery(COUNT_AND_BACKEND).mapTo(String.class).one())).split("/");
        String[] after = tx().global(() -> tx().withHandle("test",
                h -> h.createQuery(COUNT_AND_BACKEND).mapTo(String.class).one())).split("/");

        assertThat(inA[0]).isEqualTo("1");
        assertThat(after[1]).as("the same pooled connection served both").isEqualTo(inA[1]);
        assertThat(after[0]).isEqualTo("0");

        try (Connection c = DB.store().appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), coalesce(current_setting('qleven.tenant_id', true), '')"
                     + " FROM memberships")) {
            rs.next();
            assertThat(rs.getLong(1)).as("a connection used outside any unit of work").isZero();
            assertThat(rs.getString(2)).isEmpty();
        }
    }

    @Test
    void a_session_level_setting_left_by_someone_else_is_overridden_by_a_global_unit() throws SQLException {
        TenantId a = newTenant();
        addCenter(DB.store(), a);
        addMember(DB.store(), a, newUser(), Role.ADMINISTRATOR, T0);
        try (Connection c = DB.store().appDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET qleven.tenant_id = '" + a.value() + "'");
        }

        long seen = tx().global(() -> tx().withHandle("test",
                h -> h.createQuery("SELECT count(*) FROM memberships").mapTo(Long.class).one()));

        assertThat(seen).isZero();
        try (Connection c = DB.store().appDataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("RESET qleven.tenant_id");
        }
    }
}
