package com.qleven.domain.scheduling;

import static com.qleven.domain.scheduling.SchedulingFixtures.professional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistTest {
    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    private static final Instant NOW = Instant.parse("2027-06-01T08:00:00Z");
    private static final ServiceId FACIAL = new ServiceId(new UUID(3, 1));
    private static final ServiceId LASER = new ServiceId(new UUID(3, 2));
    private static final Duration HOLD = Duration.ofHours(2);
    private static final AppointmentId BOOKED = new AppointmentId(new UUID(6, 1));
    /** Freed on 2027-06-10, 23:30 UTC: already 06-11 in Casablanca (+01). */
    private static final FreedSlot FREED = new FreedSlot(FACIAL, professional(1),
            Instant.parse("2027-06-10T23:30:00Z"), Instant.parse("2027-06-11T00:30:00Z"));

    private static WaitlistEntry entry(int n, ServiceId service, String from, String to, UserId professional, Instant created) {
        return WaitlistEntry.create(new WaitlistEntryId(new UUID(4, n)), new ClientId(new UUID(5, n)), service,
                LocalDate.parse(from), LocalDate.parse(to), professional, created, CASABLANCA);
    }

    @Test
    void the_oldest_waiting_entry_that_wants_the_slot_in_the_centers_dates_gets_it() {
        WaitlistEntry otherService = entry(1, LASER, "2027-06-01", "2027-06-30", null, NOW);
        WaitlistEntry windowEndsTheDayBefore = entry(2, FACIAL, "2027-06-01", "2027-06-10", null, NOW.plusSeconds(1));
        WaitlistEntry otherProfessional = entry(3, FACIAL, "2027-06-01", "2027-06-30", professional(2), NOW.plusSeconds(2));
        WaitlistEntry younger = entry(4, FACIAL, "2027-06-11", "2027-06-11", null, NOW.plusSeconds(4));
        WaitlistEntry older = entry(5, FACIAL, "2027-06-05", "2027-06-20", professional(1), NOW.plusSeconds(3));
        List<WaitlistEntry> queue = List.of(otherService, windowEndsTheDayBefore, otherProfessional, younger, older);
        assertThat(Waitlist.firstFor(FREED, queue, CASABLANCA, Set.of())).contains(older);
        assertThat(Waitlist.firstFor(FREED, queue, CASABLANCA, Set.of(older.id()))).contains(younger);
        assertThat(Waitlist.firstFor(FREED, queue, ZoneId.of("UTC"), Set.of())).contains(windowEndsTheDayBefore);
        WaitlistEntry offered = older.offer(FREED, NOW, HOLD);
        assertThat(Waitlist.firstFor(FREED, List.of(offered, younger), CASABLANCA, Set.of())).contains(younger);
        assertThat(Waitlist.firstFor(FREED, List.of(otherService), CASABLANCA, Set.of())).isEmpty();
    }

    @Test
    void an_offer_is_held_for_the_centers_time_then_lapses_back_into_the_queue() {
        WaitlistEntry waiting = entry(1, FACIAL, "2027-06-01", "2027-06-30", null, NOW);
        WaitlistEntry offered = waiting.offer(FREED, NOW, HOLD);
        assertThat(offered.status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offered.offer().expiresAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(offered.accept(NOW.plus(HOLD).minusSeconds(1), BOOKED).status()).isEqualTo(WaitlistStatus.BOOKED);
        assertThatThrownBy(() -> offered.accept(NOW.plus(HOLD), BOOKED)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> offered.lapse(NOW.plusSeconds(60))).isInstanceOf(ConflictException.class);
        WaitlistEntry lapsed = offered.lapse(NOW.plus(HOLD));
        assertThat(lapsed.status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(lapsed.createdAt()).isEqualTo(waiting.createdAt());
        assertThatThrownBy(() -> offered.offer(FREED, NOW, HOLD)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("offered");
        assertThat(waiting.withdraw().status()).isEqualTo(WaitlistStatus.WITHDRAWN);
        assertThatThrownBy(() -> waiting.withdraw().withdraw()).isInstanceOf(ConflictException.class);
    }

    @Test
    void staff_answer_an_offer_accepted_declined_or_withdrawn_and_other_states_name_their_status() {
        WaitlistEntry waiting = entry(1, FACIAL, "2027-06-01", "2027-06-30", null, NOW);
        WaitlistEntry offered = waiting.offer(FREED, NOW, HOLD);
        WaitlistEntry declined = offered.decline();
        assertThat(declined.status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(declined.offer()).isNull();
        assertThat(declined.createdAt()).isEqualTo(waiting.createdAt());
        assertThat(offered.withdraw().status()).isEqualTo(WaitlistStatus.WITHDRAWN);
        assertThatThrownBy(waiting::decline).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", "waiting"));
        assertThatThrownBy(() -> waiting.accept(NOW, BOOKED)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", "waiting"));
        assertThatThrownBy(() -> offered.accept(NOW.plus(HOLD), BOOKED)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", "offered")
                        .containsEntry("expiresAt", NOW.plus(HOLD).toString()));
        WaitlistEntry booked = offered.accept(NOW, BOOKED);
        assertThat(booked.appointment()).isEqualTo(BOOKED);
        assertThat(declined.appointment()).isNull();
        assertThatThrownBy(booked::withdraw).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", "booked"));
        assertThatThrownBy(booked::decline).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", "booked"));
    }

    @Test
    void the_window_is_inclusive_at_most_92_days_and_not_in_the_past() {
        assertThatThrownBy(() -> entry(1, FACIAL, "2027-06-10", "2027-06-09", null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("to"));
        assertThatThrownBy(() -> entry(1, FACIAL, "2027-06-01", "2027-09-01", null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("to"));
        assertThat(entry(1, FACIAL, "2027-06-01", "2027-08-31", null, NOW).to()).isEqualTo(LocalDate.parse("2027-08-31"));
        assertThatThrownBy(() -> entry(1, FACIAL, "2027-05-31", "2027-06-09", null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("from"));
    }
}
