package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.SchedulingFixtures.MONDAY_9;
import static com.qleven.ports.contract.SchedulingFixtures.booked;
import static com.qleven.ports.contract.SchedulingFixtures.newPiece;
import static com.qleven.ports.contract.SchedulingFixtures.newRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.TaxRates;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row-level security under every scheduling and billing table: a statement that leaves out the
 * tenant filter on purpose, in another center's unit, sees none of a center's rows, and cannot
 * write one; the superuser's counts show the rows are there.
 */
class SchedulingRowLevelSecurityTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    static final List<String> TABLES = List.of("scheduling_settings", "tax_rates", "services", "rooms", "equipment",
            "staff_weekly_hours", "staff_hour_exceptions", "staff_time_off", "appointments", "appointment_moves",
            "appointment_resources", "waitlist_entries", "waitlist_offers");

    private static final TenantId A = newTenant();
    private static final TenantId B = newTenant();

    /** Fills every table for center A through the ports. */
    @BeforeAll
    static void oneCenterWithEverything() {
        QlevenStore store = DB.store();
        addCenter(store, A);
        addCenter(store, B);
        var s = store.scheduling();
        UserId pro = newUser();
        RoomId room = newRoom();
        EquipmentId laser = newPiece();
        ServiceId service = new ServiceId(UUID.randomUUID());
        StoredAppointment a = booked(A, pro, room, List.of(laser), MONDAY_9, 60);
        store.shared().transactions().inTenant(A, () -> {
            s.settings().put(A, SchedulingSettings.defaults("rls-" + A.value().toString().substring(0, 8),
                    Locale.forLanguageTag("es-ES")), T0);
            TaxRates.seedFor("ES").forEach(r -> store.billing().taxRates().add(A, r, T0));
            s.catalogue().addService(A, new Service(service, "Láser", 30, 0, 0,
                    new Money(1000, Currency.getInstance("EUR")), "21", true, Set.of("laser"), Set.of(), true));
            s.catalogue().addRoom(A, new Room(room, "Cabina"));
            s.catalogue().addEquipment(A, new Equipment(laser, "Láser 1", "laser", EquipmentStatus.AVAILABLE));
            s.staffSchedules().putWeekly(A, pro, WeeklyHours.parse(List.of(
                    new WeeklyHours.Entry("monday", "09:00", "14:00"))), T0);
            s.staffSchedules().putException(A, pro, DatedHours.dayOff(LocalDate.parse("2030-03-11")));
            s.staffSchedules().addTimeOff(A, new StoredTimeOff(new TimeOffId(UUID.randomUUID()), pro,
                    MONDAY_9.plus(Duration.ofDays(1)), MONDAY_9.plus(Duration.ofDays(2)), new byte[] {1}, T0));
            s.appointments().add(a);
            PreviousSlot was = new PreviousSlot(a.start(), a.end(), pro, room, List.of(laser), T0, Actor.client());
            s.appointments().update(new StoredAppointment(A, a.id(), a.client(), a.service(), pro, room, List.of(laser),
                    a.start().plusSeconds(3600), a.end().plusSeconds(3600), 0, 0, AppointmentStatus.BOOKED, T0,
                    Optional.empty(), List.of(was), null, a.bookedAt(), a.bookedBy(), 2), 1);
            WaitlistEntry entry = new WaitlistEntry(new WaitlistEntryId(UUID.randomUUID()),
                    new ClientId(UUID.randomUUID()), service, LocalDate.parse("2030-03-04"),
                    LocalDate.parse("2030-03-08"), null, WaitlistStatus.WAITING, null, T0);
            s.waitlist().add(A, entry);
            s.waitlist().update(A, entry.offer(new FreedSlot(service, pro, MONDAY_9, MONDAY_9.plusSeconds(1800)), T0,
                    Duration.ofHours(1)));
        });
    }

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static long countIn(TenantId tenant, String table) {
        return tx().inTenant(tenant, () -> tx().withHandle("count", h -> h.createQuery(
                "SELECT count(*) FROM public." + table).mapTo(Long.class).one()));
    }

    @Test
    void aQueryWithoutATenantFilterSeesOnlyItsOwnCenterInEveryTable() throws Exception {
        try (Connection c = TestDatabases.superuserConnection(DB.settings()); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM public." + table
                        + " WHERE tenant_id = '" + A.value() + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("control: center A has rows in " + table).isPositive();
                }
                assertThat(countIn(A, table)).as(table + " seen by A").isPositive();
                assertThat(countIn(B, table)).as(table + " seen by B").isZero();
            }
        }
    }

    @Test
    void anotherCentersUnitCannotWriteOrTouchItsRows() {
        Integer updated = tx().inTenant(B, () -> tx().withHandle("update", h -> h.createUpdate(
                "UPDATE public.appointment_resources SET active = false").execute()));
        Integer deleted = tx().inTenant(B, () -> tx().withHandle("delete", h -> h.createUpdate(
                "DELETE FROM public.appointments").execute()));
        assertThat(updated).isZero();
        assertThat(deleted).isZero();
        assertThat(countIn(A, "appointment_resources")).isEqualTo(3);
        assertThatThrownBy(() -> tx().inTenant(B, () -> tx().withHandle("insert", h -> h.createUpdate(
                "INSERT INTO public.rooms (tenant_id, id, name) VALUES ('" + A.value() + "', gen_random_uuid(), 'x')")
                .execute()))).isInstanceOf(InfrastructureException.class);
    }
}
