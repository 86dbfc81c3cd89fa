package com.qleven.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The due-time arithmetic and the extension rules, at their boundaries. */
class PrivacyRequestTest {
    private static final Instant RECEIVED = Instant.parse("2026-01-31T10:00:00Z");
    private static final UserId ADMIN = new UserId(UUID.randomUUID());

    private static PrivacyRequest received() {
        return PrivacyRequest.receive(new PrivacyRequestId(UUID.randomUUID()), new TenantId(UUID.randomUUID()),
                new ClientId(UUID.randomUUID()), PrivacyRequestType.ERASURE, Optional.of("  By email. "), ADMIN,
                RECEIVED);
    }

    @Test
    void theStatusTurnsDueSoonSevenDaysAheadAndOverdueJustAfterTheDueTime() {
        PrivacyRequest r = received();
        Instant due = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(r.dueAt()).isEqualTo(due);
        assertThat(r.note()).contains("By email.");
        assertThat(r.status(due.minus(Duration.ofDays(7)))).isEqualTo(PrivacyRequestStatus.OPEN);
        assertThat(r.status(due.minus(Duration.ofDays(7)).plusNanos(1))).isEqualTo(PrivacyRequestStatus.DUE_SOON);
        assertThat(r.status(due)).isEqualTo(PrivacyRequestStatus.DUE_SOON);
        assertThat(r.status(due.plusNanos(1))).isEqualTo(PrivacyRequestStatus.OVERDUE);
        assertThat(r.complete(ADMIN, "Erased.", due.plusSeconds(5)).status(due.plusSeconds(9)))
                .isEqualTo(PrivacyRequestStatus.COMPLETED);
    }

    @Test
    void anExtensionAddsCalendarMonthsToTheFirstDueTimeUpToTwo() {
        PrivacyRequest once = received().extend(1, "Complex.", RECEIVED.plus(Duration.ofDays(30)));
        assertThat(once.dueAt()).isEqualTo(Instant.parse("2026-04-02T10:00:00Z"));
        PrivacyRequest twice = once.extend(1, "Many requests.", RECEIVED.plus(Duration.ofDays(30)));
        assertThat(twice.dueAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(twice.extensionReason()).contains("Complex.\nMany requests.");
        assertThatThrownBy(() -> once.extend(2, "More.", RECEIVED))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("months"));
    }

    @Test
    void anExtensionAfterTheFirstDueTimeIsRefusedEvenOnceExtended() {
        PrivacyRequest once = received().extend(1, "Complex.", RECEIVED);
        assertThatThrownBy(() -> once.extend(1, "Late.", RECEIVED.plus(Duration.ofDays(30)).plusNanos(1)))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
        assertThatThrownBy(() -> received().extend(1, null, RECEIVED))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void aCompletedRequestIsNeitherCompletedNorExtendedAgain() {
        PrivacyRequest done = received().complete(ADMIN, "Erased.", RECEIVED.plusSeconds(60));
        assertThatThrownBy(() -> done.complete(ADMIN, "Again.", RECEIVED.plusSeconds(90)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> done.extend(1, "Why.", RECEIVED.plusSeconds(90)))
                .isInstanceOf(ConflictException.class);
    }
}
