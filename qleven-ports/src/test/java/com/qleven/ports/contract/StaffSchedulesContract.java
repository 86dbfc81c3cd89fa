package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.addMember;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.scheduling.out.MemberSchedule;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@code StaffSchedules} promises: weekly hours, dated exceptions and time off per member
 * and center, read together for many members over a range, time-off reasons only as sealed bytes.
 */
public abstract class StaffSchedulesContract {
    private static final LocalDate FROM = LocalDate.parse("2030-03-04");
    private static final LocalDate TO = LocalDate.parse("2030-03-10");
    private static final TimeRange RANGE = new TimeRange(Instant.parse("2030-03-03T23:00:00Z"),
            Instant.parse("2030-03-10T23:00:00Z"));

    protected abstract QlevenStore store();

    private static WeeklyHours hours(String day, String start, String end) {
        return WeeklyHours.parse(List.of(new WeeklyHours.Entry(day, start, end),
                new WeeklyHours.Entry(day, "15:00", "24:00")));
    }

    @Test
    void schedulesOfManyMembersComeTogetherWithinTheRange() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var schedules = store().scheduling().staffSchedules();
        var tx = store().shared().transactions();
        UserId ana = newUser();
        UserId bea = newUser();
        UserId idle = newUser();
        WeeklyHours anas = hours("monday", "09:00", "13:00");
        DatedHours inRange = new DatedHours(LocalDate.parse("2030-03-05"),
                List.of(new TimeWindow(LocalTime.of(10, 0), LocalTime.of(12, 0))));
        DatedHours dayOff = DatedHours.dayOff(LocalDate.parse("2030-03-10"));
        DatedHours outside = DatedHours.dayOff(LocalDate.parse("2030-03-11"));
        StoredTimeOff surgery = new StoredTimeOff(new TimeOffId(UUID.randomUUID()), ana,
                Instant.parse("2030-03-06T08:00:00Z"), Instant.parse("2030-03-06T12:00:00Z"), new byte[] {1, 2, 3}, T0);
        StoredTimeOff holiday = new StoredTimeOff(new TimeOffId(UUID.randomUUID()), ana,
                Instant.parse("2030-02-20T00:00:00Z"), Instant.parse("2030-03-05T00:00:00Z"), new byte[] {4}, T0);
        StoredTimeOff later = new StoredTimeOff(new TimeOffId(UUID.randomUUID()), ana,
                Instant.parse("2030-04-01T00:00:00Z"), Instant.parse("2030-04-02T00:00:00Z"), new byte[] {5}, T0);
        tx.inTenant(tenant, () -> {
            schedules.putWeekly(tenant, ana, WeeklyHours.none(), T0);
            schedules.putWeekly(tenant, ana, anas, T0);
            schedules.putException(tenant, ana, inRange);
            schedules.putException(tenant, ana, outside);
            schedules.putException(tenant, bea, dayOff);
            schedules.addTimeOff(tenant, surgery);
            schedules.addTimeOff(tenant, holiday);
            schedules.addTimeOff(tenant, later);
        });

        Map<UserId, MemberSchedule> asked = tx.inTenant(tenant, () -> schedules.schedules(tenant,
                Optional.<Collection<UserId>>of(List.of(ana, bea, idle)), FROM, TO, RANGE));
        assertThat(asked).containsOnlyKeys(ana, bea, idle);
        MemberSchedule a = asked.get(ana);
        assertThat(a.weekly()).isEqualTo(anas);
        assertThat(a.exceptions()).containsExactly(inRange);
        assertThat(a.timeOff()).extracting(StoredTimeOff::id).containsExactly(holiday.id(), surgery.id());
        assertThat(a.timeOff().get(1).sealedReason()).containsExactly(1, 2, 3);
        assertThat(asked.get(bea).weekly().isEmpty()).isTrue();
        assertThat(asked.get(bea).exceptions()).containsExactly(dayOff);
        assertThat(asked.get(idle)).isEqualTo(new MemberSchedule(idle, WeeklyHours.none(), List.of(), List.of()));

        Map<UserId, MemberSchedule> everyone = tx.inTenant(tenant, () -> schedules.schedules(tenant,
                Optional.empty(), FROM, TO, RANGE));
        assertThat(everyone).containsOnlyKeys(ana, bea);
        assertThat(tx.inTenant(other, () -> schedules.schedules(tenant, Optional.empty(), FROM, TO, RANGE))).isEmpty();
        assertThat(tx.inTenant(other, () -> schedules.timeOff(tenant, ana, RANGE))).isEmpty();

        assertThat(tx.inTenant(tenant, () -> schedules.removeTimeOff(tenant, surgery.id()))).isTrue();
        assertThat(tx.inTenant(tenant, () -> schedules.removeTimeOff(tenant, surgery.id()))).isFalse();
        assertThat(tx.inTenant(tenant, () -> schedules.removeException(tenant, ana, inRange.date()))).isTrue();
        assertThat(tx.inTenant(tenant, () -> schedules.timeOff(tenant, ana, RANGE)))
                .extracting(StoredTimeOff::id).containsExactly(holiday.id());
        assertThat(tx.inTenant(tenant, () -> schedules.schedules(tenant, Optional.of(List.of(ana)), FROM, TO, RANGE))
                .get(ana).exceptions()).isEmpty();
    }

    @Test
    void activeSchedulesAreTheActiveMembersAndNameThemEvenWithNothingStored() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        addCenter(store(), tenant);
        addCenter(store(), other);
        var schedules = store().scheduling().staffSchedules();
        var tx = store().shared().transactions();
        UserId ana = newUser();
        UserId idle = newUser();
        UserId gone = newUser();
        UserId stranger = newUser();
        UserId elsewhere = newUser();
        addMember(store(), tenant, ana, Role.PROFESSIONAL, T0);
        addMember(store(), tenant, idle, Role.ADMINISTRATOR, T0);
        addMember(store(), tenant, gone, Role.PROFESSIONAL, T0);
        addMember(store(), other, elsewhere, Role.PROFESSIONAL, T0);
        tx.inTenant(tenant, () -> store().tenancy().memberships().update(
                store().tenancy().memberships().find(tenant, gone).orElseThrow().withActive(false)));
        WeeklyHours anas = hours("monday", "09:00", "13:00");
        tx.inTenant(tenant, () -> {
            schedules.putWeekly(tenant, ana, anas, T0);
            schedules.putWeekly(tenant, gone, anas, T0);
            schedules.putWeekly(tenant, stranger, anas, T0);
        });

        Map<UserId, MemberSchedule> asked = tx.inTenant(tenant, () -> schedules.activeSchedules(tenant,
                Optional.<Collection<UserId>>of(List.of(ana, idle, gone, stranger, elsewhere)), FROM, TO, RANGE));
        assertThat(asked).containsOnlyKeys(ana, idle);
        assertThat(asked.get(ana).weekly()).isEqualTo(anas);
        assertThat(asked.get(idle)).isEqualTo(new MemberSchedule(idle, WeeklyHours.none(), List.of(), List.of()));

        Map<UserId, MemberSchedule> everyone = tx.inTenant(tenant, () -> schedules.activeSchedules(tenant,
                Optional.empty(), FROM, TO, RANGE));
        assertThat(everyone).containsOnlyKeys(ana);
        // The control: the same rows, every member asked for, whatever their membership.
        assertThat(tx.inTenant(tenant, () -> schedules.schedules(tenant, Optional.empty(), FROM, TO, RANGE)))
                .containsOnlyKeys(ana, gone, stranger);
    }
}
