package com.qleven.adapters.postgres.contract;

import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.SchedulingFixtures.newPiece;
import static com.qleven.ports.contract.SchedulingFixtures.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.AppointmentsContract;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The appointments contract on PostgreSQL, with a pool wide enough for the race to be one, and the
 * race's result checked in the database itself: no two active holds of one resource overlap. The
 * control plants an overlap in a scratch copy of the table without the constraint and shows the
 * same check finds it.
 */
class PostgresAppointmentsTest extends AppointmentsContract {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension(24);

    /** Pairs of active holds of one resource whose ranges overlap, in {@code table}. */
    private static final String OVERLAPS = """
            SELECT count(*) FROM %s a JOIN %s b
              ON a.tenant_id = b.tenant_id AND a.resource_id = b.resource_id
             AND a.appointment_id < b.appointment_id AND a.during && b.during
            WHERE a.active AND b.active AND a.tenant_id = ?""";

    @Override
    protected QlevenStore store() {
        return DB.store();
    }

    private static long overlaps(Connection c, String table, TenantId tenant) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(OVERLAPS.formatted(table, table))) {
            st.setObject(1, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql, TenantId tenant) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void afterTheRaceTheDatabaseHoldsNoOverlapAndTheCheckCanSeeOne() throws Exception {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        List<StoredAppointment> winners = raceForOneProfessionalRoomAndMachine(tenant, newUser(), newUser(),
                newRoom(), newPiece());
        assertThat(winners).hasSize(GROUPS);

        // As the superuser, so that row-level security hides nothing from the check.
        try (Connection c = TestDatabases.superuserConnection(DB.settings())) {
            assertThat(count(c, "SELECT count(*) FROM public.appointments WHERE tenant_id = ?", tenant))
                    .isEqualTo(GROUPS);
            // Each winner holds a professional, the room and the machine: three active rows.
            assertThat(count(c, "SELECT count(*) FROM public.appointment_resources WHERE tenant_id = ? AND active",
                    tenant)).isEqualTo(3L * GROUPS);
            assertThat(overlaps(c, "public.appointment_resources", tenant)).isZero();

            // Control: the same rows in a scratch copy without the exclusion constraint, then one
            // winner's room hold copied 10 minutes later: the check must find exactly that overlap.
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE scratch_resources (LIKE public.appointment_resources)");
                st.execute("INSERT INTO scratch_resources SELECT * FROM public.appointment_resources");
            }
            assertThat(overlaps(c, "scratch_resources", tenant)).as("the copy is as clean as the table").isZero();
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO scratch_resources (tenant_id, appointment_id, resource_id, kind, during, active)
                    SELECT tenant_id, gen_random_uuid(), resource_id, kind,
                           tstzrange(lower(during) + interval '10 minutes', upper(during) + interval '10 minutes'), true
                    FROM public.appointment_resources WHERE tenant_id = ? AND kind = 'room' AND active LIMIT 1""")) {
                st.setObject(1, tenant.value());
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            assertThat(overlaps(c, "scratch_resources", tenant)).as("a planted overlap is found").isEqualTo(1);

            // And the real table refuses that very row, even from the superuser.
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO public.appointment_resources (tenant_id, appointment_id, resource_id, kind, during, active)
                    SELECT tenant_id, appointment_id, resource_id, kind, during, active FROM scratch_resources
                    WHERE tenant_id = ? AND appointment_id NOT IN (SELECT id FROM public.appointments)""")) {
                st.setObject(1, tenant.value());
                st.executeUpdate();
                throw new AssertionError("the exclusion constraint let an overlap in");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("23P01");
            }
        }
    }
}
