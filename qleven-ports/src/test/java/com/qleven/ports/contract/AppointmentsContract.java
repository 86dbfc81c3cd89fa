package com.qleven.ports.contract;

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

import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.AppointmentQuery;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.time.Duration;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Appointments} implementation promises: appointments per center, and never two
 * holds of one professional, room or piece of equipment at overlapping times (buffers included),
 * whatever the callers checked, also under concurrent units of work.
 */
public abstract class AppointmentsContract {
    /** Simultaneous bookings in the concurrency test: 16 contested intervals, 4 attempts each. */
    public static final int GROUPS = 16;
    public static final int ATTEMPTS_PER_GROUP = 4;

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private Appointments appointments() {
        return store().scheduling().appointments();
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private void add(StoredAppointment a) {
        store().shared().transactions().inTenant(a.tenant(), () -> appointments().add(a));
    }

    private <T> T in(TenantId tenant, java.util.function.Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    @Test
    void anAppointmentIsReadBackAsStoredAndOnlyInItsCenter() {
        TenantId tenant = center();
        TenantId other = center();
        UserId pro = newUser();
        RoomId room = newRoom();
        EquipmentId laser = newPiece();
        StoredAppointment a = booked(tenant, pro, room, List.of(laser), MONDAY_9, 45, 10, 5,
                new SeriesId(UUID.randomUUID()));
        add(a);

        assertThat(in(tenant, () -> appointments().byId(tenant, a.id()))).contains(a);
        assertThat(in(tenant, () -> appointments().bySeries(tenant, a.series()))).containsExactly(a);
        assertThat(in(other, () -> appointments().byId(tenant, a.id()))).isEmpty();
        assertThat(in(other, () -> appointments().list(tenant, AppointmentQuery.within(
                new TimeRange(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(3600))), PageRequest.first()).items()))
                .isEmpty();
        assertThat(in(other, () -> appointments().busy(tenant, List.of(pro), List.of(room), List.of(laser),
                new TimeRange(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(3600))))).isEqualTo(BusyIntervals.none());
        // Another center may book the same ids at the same time: the rule is per center.
        add(booked(other, pro, room, List.of(laser), MONDAY_9, 45));
    }

    @Test
    void aHeldProfessionalRoomOrMachineIsRefusedNamingTheResource() {
        TenantId tenant = center();
        UserId pro = newUser();
        RoomId room = newRoom();
        EquipmentId laser = newPiece();
        add(booked(tenant, pro, room, List.of(laser), MONDAY_9, 60));

        assertThatThrownBy(() -> add(booked(tenant, pro, null, List.of(), MONDAY_9.plusSeconds(59 * 60), 30)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details())
                        .containsEntry("resource", "professional")
                        .containsEntry("resourceId", pro.value().toString()));
        assertThatThrownBy(() -> add(booked(tenant, newUser(), room, List.of(), MONDAY_9.minusSeconds(600), 15)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details()).containsEntry("resource", "room"));
        assertThatThrownBy(() -> add(booked(tenant, newUser(), newRoom(), List.of(newPiece(), laser),
                MONDAY_9.plusSeconds(1800), 15)))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details())
                        .containsEntry("resource", "equipment")
                        .containsEntry("resourceId", laser.value().toString()));
        // Touching is not overlapping: [9:00, 10:00) then [10:00, 10:30).
        add(booked(tenant, pro, room, List.of(laser), MONDAY_9.plusSeconds(3600), 30));
        assertThat(in(tenant, () -> appointments().list(tenant, AppointmentQuery.within(
                new TimeRange(MONDAY_9, MONDAY_9.plusSeconds(86_400))), PageRequest.first()).items())).hasSize(2);
    }

    @Test
    void buffersAreHeldToo() {
        TenantId tenant = center();
        UserId pro = newUser();
        // 9:00-9:30 with 15 minutes of cleaning after: held until 9:45.
        add(booked(tenant, pro, null, List.of(), MONDAY_9, 30, 0, 15, null));
        assertThatThrownBy(() -> add(booked(tenant, pro, null, List.of(), MONDAY_9.plusSeconds(40 * 60), 30)))
                .isInstanceOf(ConflictException.class);
        // 10:00 with 15 minutes of preparation before: held from 9:45, touching.
        add(booked(tenant, pro, null, List.of(), MONDAY_9.plusSeconds(60 * 60), 30, 15, 0, null));
    }

    @Test
    void aProfessionalsAppointmentsAreReadInOneGoByStartWithoutTheCancelledUpToTheMost() {
        TenantId tenant = center();
        TenantId other = center();
        UserId pro = newUser();
        StoredAppointment later = booked(tenant, pro, null, List.of(), MONDAY_9.plus(Duration.ofHours(3)), 60);
        StoredAppointment first = booked(tenant, pro, null, List.of(), MONDAY_9, 60);
        StoredAppointment outside = booked(tenant, pro, null, List.of(), MONDAY_9.plus(Duration.ofDays(2)), 60);
        StoredAppointment colleagues = booked(tenant, newUser(), null, List.of(), MONDAY_9, 60);
        StoredAppointment dropped = booked(tenant, pro, null, List.of(), MONDAY_9.plus(Duration.ofHours(5)), 60);
        List.of(later, first, outside, colleagues, dropped).forEach(this::add);
        StoredAppointment cancelled = new StoredAppointment(tenant, dropped.id(), dropped.client(), dropped.service(),
                pro, null, List.of(), dropped.start(), dropped.end(), 0, 0, AppointmentStatus.CANCELLED, T0,
                Optional.of(new StoredAppointment.SealedCancellation(new byte[] {1}, Actor.system(), T0)), List.of(),
                null, dropped.bookedAt(), dropped.bookedBy(), 2);
        assertThat(in(tenant, () -> appointments().update(cancelled, 1))).isTrue();
        TimeRange day = new TimeRange(MONDAY_9.minus(Duration.ofHours(1)), MONDAY_9.plus(Duration.ofDays(1)));

        assertThat(in(tenant, () -> appointments().ofProfessional(tenant, pro, day, 100)))
                .containsExactly(first, later);
        assertThat(in(tenant, () -> appointments().ofProfessional(tenant, pro, day, 1))).containsExactly(first);
        assertThat(in(other, () -> appointments().ofProfessional(tenant, pro, day, 100))).isEmpty();
        assertThatThrownBy(() -> in(tenant, () -> appointments().ofProfessional(tenant, pro, day, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellingFreesWhatItHeldAndKeepsTheReasonSealed() {
        TenantId tenant = center();
        UserId pro = newUser();
        RoomId room = newRoom();
        StoredAppointment a = booked(tenant, pro, room, List.of(), MONDAY_9, 60);
        add(a);
        UserId admin = newUser();
        StoredAppointment cancelled = new StoredAppointment(tenant, a.id(), a.client(), a.service(), pro, room,
                List.of(), a.start(), a.end(), 0, 0, AppointmentStatus.CANCELLED, T0.plusSeconds(5),
                Optional.of(new StoredAppointment.SealedCancellation(new byte[] {7, 7}, Actor.staff(admin),
                        T0.plusSeconds(5))), List.of(), null, a.bookedAt(), a.bookedBy(), 2);
        assertThat(in(tenant, () -> appointments().update(cancelled, 1))).isTrue();
        assertThat(in(tenant, () -> appointments().update(cancelled, 1)))
                .as("a stale version changes nothing").isFalse();

        StoredAppointment read = in(tenant, () -> appointments().byId(tenant, a.id())).orElseThrow();
        assertThat(read.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(read.cancellation().orElseThrow().sealedReason()).containsExactly(7, 7);
        assertThat(read.cancellation().orElseThrow().by()).isEqualTo(Actor.staff(admin));
        assertThat(read.version()).isEqualTo(2);
        assertThat(in(tenant, () -> appointments().busy(tenant, List.of(pro), List.of(room), List.of(),
                new TimeRange(MONDAY_9, MONDAY_9.plusSeconds(3600))))).isEqualTo(BusyIntervals.none());
        add(booked(tenant, pro, room, List.of(), MONDAY_9, 60));
    }

    @Test
    void reschedulingMovesTheHoldsAndKeepsWhereItWas() {
        TenantId tenant = center();
        UserId pro = newUser();
        UserId other = newUser();
        EquipmentId laser = newPiece();
        StoredAppointment a = booked(tenant, pro, null, List.of(laser), MONDAY_9, 60);
        add(a);
        Instant later = MONDAY_9.plus(Duration.ofHours(3));
        PreviousSlot was = new PreviousSlot(a.start(), a.end(), pro, null, List.of(laser), T0.plusSeconds(9),
                Actor.client());
        StoredAppointment moved = new StoredAppointment(tenant, a.id(), a.client(), a.service(), other, null,
                List.of(laser), later, later.plusSeconds(3600), 0, 0, AppointmentStatus.BOOKED, T0.plusSeconds(9),
                Optional.empty(), List.of(was), null, a.bookedAt(), a.bookedBy(), 2);
        assertThat(in(tenant, () -> appointments().update(moved, 1))).isTrue();

        assertThat(in(tenant, () -> appointments().byId(tenant, a.id()))).contains(moved);
        BusyIntervals busy = in(tenant, () -> appointments().busy(tenant, List.of(pro, other), List.of(),
                List.of(laser), new TimeRange(MONDAY_9, MONDAY_9.plus(Duration.ofHours(8)))));
        assertThat(busy.of(pro)).isEmpty();
        assertThat(busy.of(other)).containsExactly(new TimeRange(later, later.plusSeconds(3600)));
        assertThat(busy.of(laser)).containsExactly(new TimeRange(later, later.plusSeconds(3600)));
        add(booked(tenant, pro, null, List.of(laser), MONDAY_9, 60));
        assertThatThrownBy(() -> add(booked(tenant, newUser(), null, List.of(laser), later, 60)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aRescheduleOntoATakenSlotIsRefused() {
        TenantId tenant = center();
        UserId pro = newUser();
        StoredAppointment a = booked(tenant, pro, null, List.of(), MONDAY_9, 60);
        StoredAppointment b = booked(tenant, pro, null, List.of(), MONDAY_9.plusSeconds(7200), 60);
        add(a);
        add(b);
        StoredAppointment onto = new StoredAppointment(tenant, b.id(), b.client(), b.service(), pro, null, List.of(),
                MONDAY_9.plusSeconds(1800), MONDAY_9.plusSeconds(5400), 0, 0, AppointmentStatus.BOOKED, T0,
                Optional.empty(), List.of(), null, b.bookedAt(), b.bookedBy(), 2);
        assertThatThrownBy(() -> in(tenant, () -> appointments().update(onto, 1)))
                .isInstanceOf(ConflictException.class);
        assertThat(in(tenant, () -> appointments().byId(tenant, b.id()))).contains(b);
    }

    @Test
    void busyIntervalsOfManyResourcesComeBackPerResource() {
        TenantId tenant = center();
        UserId ana = newUser();
        UserId bea = newUser();
        RoomId room = newRoom();
        add(booked(tenant, ana, room, List.of(), MONDAY_9, 30, 5, 10, null));
        add(booked(tenant, bea, null, List.of(), MONDAY_9.plus(Duration.ofDays(3)), 60));
        add(booked(tenant, bea, null, List.of(), MONDAY_9.plus(Duration.ofDays(30)), 60));

        BusyIntervals busy = in(tenant, () -> appointments().busy(tenant, List.of(ana, bea), List.of(room),
                List.of(), new TimeRange(MONDAY_9.minus(Duration.ofDays(1)), MONDAY_9.plus(Duration.ofDays(7)))));
        assertThat(busy.of(ana)).containsExactly(new TimeRange(MONDAY_9.minusSeconds(300),
                MONDAY_9.plusSeconds(40 * 60)));
        assertThat(busy.of(room)).containsExactly(new TimeRange(MONDAY_9.minusSeconds(300),
                MONDAY_9.plusSeconds(40 * 60)));
        assertThat(busy.of(bea)).containsExactly(new TimeRange(MONDAY_9.plus(Duration.ofDays(3)),
                MONDAY_9.plus(Duration.ofDays(3)).plusSeconds(3600)));

        // A hold that began before the range and reaches into it is busy too.
        BusyIntervals from910 = in(tenant, () -> appointments().busy(tenant, List.of(ana), List.of(), List.of(),
                new TimeRange(MONDAY_9.plusSeconds(600), MONDAY_9.plusSeconds(7200))));
        assertThat(from910.of(ana)).containsExactly(new TimeRange(MONDAY_9.minusSeconds(300),
                MONDAY_9.plusSeconds(40 * 60)));
        // A day-long hold (12 hours and two 4-hour buffers fit; the store relies on no hold being longer).
        add(booked(tenant, bea, null, List.of(), MONDAY_9.plus(Duration.ofDays(10)), 12 * 60, 4 * 60, 4 * 60, null));
        BusyIntervals lateInTheDay = in(tenant, () -> appointments().busy(tenant, List.of(bea), List.of(), List.of(),
                new TimeRange(MONDAY_9.plus(Duration.ofDays(10)).plus(Duration.ofHours(15)),
                        MONDAY_9.plus(Duration.ofDays(11)))));
        assertThat(lateInTheDay.of(bea)).hasSize(1);
        assertThatThrownBy(() -> booked(tenant, bea, null, List.of(), MONDAY_9, 24 * 60, 0, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsPageByStartAndFilterByProfessionalAndClient() {
        TenantId tenant = center();
        UserId ana = newUser();
        UserId bea = newUser();
        List<StoredAppointment> anas = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StoredAppointment a = booked(tenant, ana, null, List.of(), MONDAY_9.plus(Duration.ofHours(i)), 30);
            anas.add(a);
            add(a);
        }
        StoredAppointment beas = booked(tenant, bea, null, List.of(), MONDAY_9.plusSeconds(1800), 30);
        add(beas);
        add(booked(tenant, bea, null, List.of(), MONDAY_9.plus(Duration.ofDays(2)), 30));
        TimeRange day = new TimeRange(MONDAY_9.minus(Duration.ofHours(2)), MONDAY_9.plus(Duration.ofHours(22)));

        List<StoredAppointment> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Optional<String> at = cursor;
            Page<StoredAppointment> page = in(tenant, () -> appointments().list(tenant, AppointmentQuery.within(day),
                    new PageRequest(2, at)));
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(seen).hasSize(6);
        assertThat(seen).extracting(StoredAppointment::start).isSorted();
        assertThat(seen.get(1)).isEqualTo(beas);

        assertThat(in(tenant, () -> appointments().list(tenant, new AppointmentQuery(day, Optional.of(ana),
                Optional.empty()), PageRequest.first()).items())).containsExactlyElementsOf(anas);
        assertThat(in(tenant, () -> appointments().list(tenant, new AppointmentQuery(day, Optional.empty(),
                Optional.of(beas.client())), PageRequest.first()).items())).containsExactly(beas);
    }

    /**
     * The "Done when": {@value #GROUPS} contested intervals, {@value #ATTEMPTS_PER_GROUP}
     * simultaneous attempts at each (all overlapping one another; two professionals, one room, one
     * machine), each in its own unit of work on its own thread: exactly one wins each interval.
     *
     * @return the winners, for the adapter's own check of what is stored
     */
    protected List<StoredAppointment> raceForOneProfessionalRoomAndMachine(TenantId tenant, UserId first,
                                                                         UserId second, RoomId room,
                                                                         EquipmentId machine) throws Exception {
        int attempts = GROUPS * ATTEMPTS_PER_GROUP;
        List<StoredAppointment> bookings = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            Instant base = MONDAY_9.plus(Duration.ofHours(2L * g));
            for (int i = 0; i < ATTEMPTS_PER_GROUP; i++) {
                // 0-45, 10-55, 20-65, 30-75 minutes past base: every two overlap; groups 2 hours apart never do.
                bookings.add(booked(tenant, i % 2 == 0 ? first : second, room, List.of(machine),
                        base.plus(Duration.ofMinutes(10L * i)), 45));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        Set<StoredAppointment> winners = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (StoredAppointment booking : bookings) {
                done.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        add(booking);
                        winners.add(booking);
                    } catch (ConflictException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(winners.size() + refused.get()).isEqualTo(attempts);
        assertThat(winners).as("exactly one winner per contested interval").hasSize(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            Instant base = MONDAY_9.plus(Duration.ofHours(2L * g));
            assertThat(winners).filteredOn(w -> !w.start().isBefore(base) && w.start().isBefore(base.plusSeconds(3600)))
                    .hasSize(1);
        }
        List<StoredAppointment> stored = in(tenant, () -> appointments().list(tenant, AppointmentQuery.within(
                new TimeRange(MONDAY_9.minusSeconds(1), MONDAY_9.plus(Duration.ofDays(2)))),
                new PageRequest(200, Optional.empty())).items());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(winners);
        return stored;
    }

    @Test
    void simultaneousBookingsOfOneIntervalHaveExactlyOneWinner() throws Exception {
        TenantId tenant = center();
        raceForOneProfessionalRoomAndMachine(tenant, newUser(), newUser(), newRoom(), newPiece());
    }

    private static StoredAppointment as(StoredAppointment b, ClientId client, ServiceId service,
                                        com.qleven.domain.scheduling.AppointmentStatus status) {
        return new StoredAppointment(b.tenant(), b.id(), client, service, b.professional(), b.room(), b.equipment(),
                b.start(), b.end(), b.bufferBeforeMinutes(), b.bufferAfterMinutes(), status, b.statusAt(),
                b.cancellation(), b.history(), b.series(), b.bookedAt(), b.bookedBy(), b.version(), b.depositDue());
    }

    @Test
    void activitySummarisesEachClientsVisitsServicesAndNoShowsInOneRead() {
        TenantId tenant = center();
        TenantId other = center();
        ClientId ana = new ClientId(UUID.randomUUID());
        ClientId bea = new ClientId(UUID.randomUUID());
        ServiceId facial = new ServiceId(UUID.randomUUID());
        ServiceId laser = new ServiceId(UUID.randomUUID());
        var completed = com.qleven.domain.scheduling.AppointmentStatus.COMPLETED;
        var noShow = com.qleven.domain.scheduling.AppointmentStatus.NO_SHOW;
        var booked = com.qleven.domain.scheduling.AppointmentStatus.BOOKED;
        Instant later = MONDAY_9.plus(java.time.Duration.ofDays(2));
        add(as(booked(tenant, newUser(), null, List.of(), MONDAY_9, 30), ana, facial, completed));
        add(as(booked(tenant, newUser(), null, List.of(), later, 30), ana, laser, completed));
        add(as(booked(tenant, newUser(), null, List.of(), later.plusSeconds(7200), 30), ana, facial, noShow));
        add(as(booked(tenant, newUser(), null, List.of(), later.plus(java.time.Duration.ofDays(9)), 30), ana,
                new ServiceId(UUID.randomUUID()), booked));
        add(as(booked(tenant, newUser(), null, List.of(), MONDAY_9, 30), bea, facial, noShow));
        add(as(booked(tenant, newUser(), null, List.of(), later, 30), bea, laser, noShow));
        add(as(booked(other, newUser(), null, List.of(), MONDAY_9, 30), new ClientId(UUID.randomUUID()), facial,
                completed));

        var activity = in(tenant, () -> appointments().activity(tenant));

        assertThat(activity.keySet()).containsExactlyInAnyOrder(ana, bea);
        assertThat(activity.get(ana).lastVisit()).contains(later);
        assertThat(activity.get(ana).servicesTaken()).containsExactlyInAnyOrder(facial, laser);
        assertThat(activity.get(ana).noShows()).isEqualTo(1);
        assertThat(activity.get(bea).lastVisit()).isEmpty();
        assertThat(activity.get(bea).servicesTaken()).isEmpty();
        assertThat(activity.get(bea).noShows()).isEqualTo(2);
        assertThat(in(other, () -> appointments().activity(tenant))).isEmpty();
    }
}
