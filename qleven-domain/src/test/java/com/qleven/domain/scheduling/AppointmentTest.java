package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.aService;
import static com.qleven.domain.scheduling.SchedulingFixtures.piece;
import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static com.qleven.domain.scheduling.SchedulingFixtures.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentBooked;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCancelled;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCheckedIn;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCompleted;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentConfirmed;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentNoShow;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentRescheduled;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AppointmentTest {
    private static final Instant NOW = Instant.parse("2027-05-03T08:00:00Z");
    private static final Instant START = Instant.parse("2027-05-10T09:00:00Z");
    private static final ClientId CLIENT = new ClientId(UUID.fromString("00000000-0000-7000-8000-00000000c11e"));
    private static final Actor RECEPTION = Actor.staff(professional(9));
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Service SERVICE = aService().duration(45).buffers(10, 5).needsRoom().needs("laser").build();

    private static AvailableSlot slot(Instant start) {
        return new AvailableSlot(start, start.plus(Duration.ofMinutes(45)), professional(1), room(1), List.of(piece(1)));
    }

    private static Appointment booked() {
        return Appointment.book(new AppointmentId(new UUID(7, 7)), CLIENT, SERVICE, slot(START), null, RECEPTION, NOW)
                .appointment();
    }

    @Test
    void booking_holds_the_slot_with_the_services_buffers_and_raises_booked() {
        AppointmentChange change = Appointment.book(new AppointmentId(new UUID(7, 7)), CLIENT, SERVICE, slot(START),
                null, RECEPTION, NOW);
        Appointment a = change.appointment();
        assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(a.room()).isEqualTo(room(1));
        assertThat(a.equipment()).containsExactly(piece(1));
        assertThat(a.occupied()).isEqualTo(new TimeRange(START.minusSeconds(600), START.plusSeconds(50 * 60)));
        assertThat(change.event()).isEqualTo(new AppointmentBooked(a.id(), CLIENT, SERVICE.id(), professional(1), START,
                START.plusSeconds(45 * 60), null, NOW, RECEPTION));
        assertThatThrownBy(() -> Appointment.book(a.id(), CLIENT, SERVICE, slot(NOW), null, RECEPTION, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("start"));
    }

    @Test
    void the_happy_path_booked_confirmed_checked_in_completed() {
        AppointmentChange confirmed = booked().confirm(Actor.client(), NOW);
        assertThat(confirmed.event()).isInstanceOf(AppointmentConfirmed.class);
        AppointmentChange in = confirmed.appointment().checkIn(RECEPTION, START.minusSeconds(60));
        assertThat(in.event()).isInstanceOf(AppointmentCheckedIn.class);
        AppointmentChange done = in.appointment().complete(RECEPTION, START.plusSeconds(3000));
        assertThat(done.appointment().status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(done.appointment().statusAt()).isEqualTo(START.plusSeconds(3000));
        assertThat(done.event()).isEqualTo(new AppointmentCompleted(done.appointment().id(), CLIENT, SERVICE.id(),
                professional(1), START.plusSeconds(3000), RECEPTION));
        assertThat(booked().checkIn(RECEPTION, START).appointment().status()).isEqualTo(AppointmentStatus.CHECKED_IN);
    }

    /** Every status reached, then every verb tried on it: only the documented moves pass. */
    @Test
    void every_illegal_transition_is_a_conflict_that_says_why() {
        Map<AppointmentStatus, Appointment> in = Map.of(
                AppointmentStatus.BOOKED, booked(),
                AppointmentStatus.CONFIRMED, booked().confirm(RECEPTION, NOW).appointment(),
                AppointmentStatus.CHECKED_IN, booked().checkIn(RECEPTION, NOW).appointment(),
                AppointmentStatus.COMPLETED, booked().checkIn(RECEPTION, NOW).appointment().complete(RECEPTION, NOW).appointment(),
                AppointmentStatus.CANCELLED, booked().cancel("ill", RECEPTION, NOW, WINDOW).appointment(),
                AppointmentStatus.NO_SHOW, booked().noShow(RECEPTION, START.plusSeconds(900)).appointment());
        Instant after = START.plusSeconds(900);
        Map<String, Function<Appointment, AppointmentChange>> verbs = Map.of(
                "confirm", a -> a.confirm(RECEPTION, NOW),
                "checkIn", a -> a.checkIn(RECEPTION, NOW),
                "complete", a -> a.complete(RECEPTION, NOW),
                "cancel", a -> a.cancel("x", RECEPTION, NOW, WINDOW),
                "noShow", a -> a.noShow(RECEPTION, after),
                "reschedule", a -> a.reschedule(SERVICE, slot(START.plusSeconds(86400)), RECEPTION, NOW, WINDOW));
        Map<String, EnumSet<AppointmentStatus>> allowed = Map.of(
                "confirm", EnumSet.of(AppointmentStatus.BOOKED),
                "checkIn", EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED),
                "complete", EnumSet.of(AppointmentStatus.CHECKED_IN),
                "cancel", EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED),
                "noShow", EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED),
                "reschedule", EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED));
        int refused = 0;
        for (var status : in.entrySet()) {
            for (var verb : verbs.entrySet()) {
                if (allowed.get(verb.getKey()).contains(status.getKey())) {
                    assertThat(verb.getValue().apply(status.getValue()).appointment()).isNotNull();
                } else {
                    assertThatThrownBy(() -> verb.getValue().apply(status.getValue()))
                            .as("%s when %s", verb.getKey(), status.getKey())
                            .isInstanceOf(ConflictException.class)
                            .hasMessageContaining(status.getKey().wireName());
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(6 * 6 - 10);
    }

    @Test
    void a_cancellation_records_reason_who_and_when_and_frees_the_slot() {
        AppointmentChange change = booked().confirm(RECEPTION, NOW).appointment().cancel(" Flu ", RECEPTION, NOW, WINDOW);
        Appointment a = change.appointment();
        assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(a.status().holdsResources()).isFalse();
        assertThat(a.cancellation()).isEqualTo(new Cancellation("Flu", RECEPTION, NOW));
        assertThat(change.event()).isEqualTo(new AppointmentCancelled(a.id(), CLIENT, "Flu",
                new FreedSlot(SERVICE.id(), professional(1), START, START.plusSeconds(45 * 60)), false, NOW, RECEPTION));
        assertThatThrownBy(() -> booked().cancel(" ", RECEPTION, NOW, WINDOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
    }

    @Test
    void the_client_may_cancel_or_move_only_until_the_centers_window_and_staff_at_any_time() {
        Instant lastChance = START.minus(WINDOW);
        assertThat(booked().cancel("trip", Actor.client(), lastChance, WINDOW).appointment().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> booked().cancel("trip", Actor.client(), lastChance.plusSeconds(1), WINDOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details())
                        .containsEntry("changeableUntil", lastChance.toString()));
        assertThatThrownBy(() -> booked().reschedule(SERVICE, slot(START.plusSeconds(86400)), Actor.client(),
                lastChance.plusSeconds(1), WINDOW)).isInstanceOf(ConflictException.class);
        assertThat(booked().cancel("sick", RECEPTION, START.minusSeconds(60), WINDOW).appointment().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> booked().checkIn(Actor.client(), NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_staff_cancellation_after_the_clients_last_chance_is_late_and_one_before_is_not() {
        Instant lastChance = START.minus(WINDOW);
        assertThat(late(booked().cancel("trip", Actor.client(), lastChance, WINDOW))).isFalse();
        assertThat(late(booked().cancel("sick", RECEPTION, lastChance, WINDOW))).isFalse();
        assertThat(late(booked().cancel("sick", RECEPTION, lastChance.plusSeconds(1), WINDOW))).isTrue();
        assertThat(late(booked().cancel("sick", RECEPTION, START.plusSeconds(60), Duration.ZERO))).isTrue();
        assertThat(late(booked().cancel("sick", RECEPTION, START.minusSeconds(60), Duration.ZERO))).isFalse();
    }

    private static boolean late(AppointmentChange change) {
        return ((AppointmentCancelled) change.event()).late();
    }

    @Test
    void a_booking_keeps_the_deposit_its_service_asked_for_through_a_reschedule() {
        Service withDeposit = aService().duration(45).buffers(10, 5).needsRoom().needs("laser").deposit(1000).build();
        Appointment a = Appointment.book(new AppointmentId(new UUID(7, 8)), CLIENT, withDeposit, slot(START), null,
                RECEPTION, NOW).appointment();
        assertThat(a.depositDue()).isEqualTo(new Money(1000, SchedulingFixtures.PRICE.currency()));
        Appointment moved = a.reschedule(withDeposit, slot(START.plusSeconds(86400)), RECEPTION, NOW, WINDOW)
                .appointment();
        assertThat(moved.depositDue()).isEqualTo(a.depositDue());
        assertThat(moved.confirm(RECEPTION, NOW).appointment().depositDue()).isEqualTo(a.depositDue());
        assertThat(booked().depositDue()).isNull();
    }

    @Test
    void a_no_show_only_once_it_has_started() {
        assertThatThrownBy(() -> booked().noShow(RECEPTION, START.minusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("started");
        AppointmentChange change = booked().noShow(RECEPTION, START);
        assertThat(change.event()).isEqualTo(new AppointmentNoShow(change.appointment().id(), CLIENT, START, RECEPTION));
        assertThat(change.appointment().status().holdsResources()).isTrue();
    }

    @Test
    void a_reschedule_keeps_the_history_and_asks_for_confirmation_again() {
        Appointment confirmed = booked().confirm(RECEPTION, NOW).appointment();
        Instant later = START.plus(Duration.ofDays(2));
        AvailableSlot elsewhere = new AvailableSlot(later, later.plus(Duration.ofMinutes(45)), professional(2), room(2),
                List.of(piece(3)));
        AppointmentChange first = confirmed.reschedule(SERVICE, elsewhere, RECEPTION, NOW, WINDOW);
        AppointmentChange second = first.appointment().reschedule(SERVICE, slot(later.plus(Duration.ofDays(1))),
                Actor.client(), NOW.plusSeconds(60), WINDOW);
        Appointment moved = second.appointment();
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(moved.start()).isEqualTo(later.plus(Duration.ofDays(1)));
        assertThat(moved.history()).containsExactly(
                new PreviousSlot(START, START.plusSeconds(45 * 60), professional(1), room(1), List.of(piece(1)), NOW, RECEPTION),
                new PreviousSlot(later, later.plusSeconds(45 * 60), professional(2), room(2), List.of(piece(3)),
                        NOW.plusSeconds(60), Actor.client()));
        assertThat(first.event()).isEqualTo(new AppointmentRescheduled(confirmed.id(), CLIENT,
                new FreedSlot(SERVICE.id(), professional(1), START, START.plusSeconds(45 * 60)), later,
                later.plusSeconds(45 * 60), professional(2), NOW, RECEPTION));
        assertThatThrownBy(() -> confirmed.reschedule(SERVICE, slot(NOW.minusSeconds(1)), RECEPTION, NOW, WINDOW))
                .isInstanceOf(ValidationException.class);
        assertThat(AppointmentStatus.parse("no_show")).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(AppointmentStatus.CHECKED_IN.wireName()).isEqualTo("checked_in");
    }
}
