package com.qleven.domain.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignTest {
    private static final Instant AT = Instant.parse("2026-04-01T10:00:00Z");
    private static final UUID FACIAL = UUID.randomUUID();

    private static CampaignSegment segment(Optional<LocalDate> before, boolean never, Set<UUID> services,
                                           OptionalInt month, boolean holders, OptionalInt noShows, Set<UUID> clients) {
        return new CampaignSegment(before, never, services, month, holders, noShows, clients);
    }

    private static CampaignSegment bySince(LocalDate before, boolean never) {
        return segment(Optional.of(before), never, Set.of(), OptionalInt.empty(), false, OptionalInt.empty(), Set.of());
    }

    @Test
    void aSegmentNeedsACriterionAndNamesEveryBadMember() {
        CampaignSegment none = segment(Optional.empty(), false, Set.of(), OptionalInt.empty(), false,
                OptionalInt.empty(), Set.of());
        assertThatThrownBy(none::requireCriterion).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("segment"));
        assertThatThrownBy(() -> segment(Optional.empty(), true, Set.of(), OptionalInt.of(13), false,
                OptionalInt.of(0), Set.of())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "segment.includeNeverVisited", "segment.birthdayMonth", "segment.noShowsAtLeast"));
        Set<UUID> tooMany = new java.util.HashSet<>();
        for (int i = 0; i <= CampaignSegment.MAX_CLIENT_IDS; i++) {
            tooMany.add(UUID.randomUUID());
        }
        assertThatThrownBy(() -> segment(Optional.empty(), false, Set.of(), OptionalInt.empty(), false,
                OptionalInt.empty(), tooMany)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("segment.clientIds"));
    }

    @Test
    void theLastVisitCriterionLeavesOutTheNeverVisitedUnlessAsked() {
        LocalDate cut = LocalDate.of(2026, 3, 1);
        assertThat(bySince(cut, false).matchesActivity(Optional.of(cut.minusDays(1)), Set.of(), 0)).isTrue();
        assertThat(bySince(cut, false).matchesActivity(Optional.of(cut), Set.of(), 0)).isFalse();
        assertThat(bySince(cut, false).matchesActivity(Optional.empty(), Set.of(), 0)).isFalse();
        assertThat(bySince(cut, true).matchesActivity(Optional.empty(), Set.of(), 0)).isTrue();
        assertThat(bySince(cut, true).matchesActivity(Optional.of(cut.plusDays(3)), Set.of(), 0)).isFalse();
    }

    @Test
    void criteriaCombineWithAnd() {
        CampaignSegment s = segment(Optional.empty(), false, Set.of(FACIAL), OptionalInt.of(5), false, OptionalInt.of(2),
                Set.of());
        assertThat(s.matchesActivity(Optional.empty(), Set.of(FACIAL, UUID.randomUUID()), 2)).isTrue();
        assertThat(s.matchesActivity(Optional.empty(), Set.of(FACIAL), 1)).isFalse();
        assertThat(s.matchesActivity(Optional.empty(), Set.of(UUID.randomUUID()), 3)).isFalse();
        assertThat(s.matchesBirthday(Optional.of(LocalDate.of(1990, 5, 31)))).isTrue();
        assertThat(s.matchesBirthday(Optional.of(LocalDate.of(1990, 6, 1)))).isFalse();
        assertThat(s.matchesBirthday(Optional.empty())).as("no birth date, no birthday").isFalse();
        assertThat(bySince(LocalDate.of(2026, 1, 1), false).matchesBirthday(Optional.empty())).isTrue();
    }

    @Test
    void aCampaignCompletesWhenNothingIsPendingAndIsCancelledOnceOrNotAtAll() {
        UUID ana = UUID.randomUUID();
        Campaign c = Campaign.start(new CampaignId(UUID.randomUUID()), "  Primavera  ", new TemplateId(UUID.randomUUID()),
                segment(Optional.empty(), false, Set.of(), OptionalInt.empty(), false, OptionalInt.empty(), Set.of(ana)),
                new UserId(UUID.randomUUID()), AT);
        assertThat(c.name()).isEqualTo("Primavera");
        assertThat(c.asOf(true)).isEqualTo(CampaignStatus.RUNNING);
        assertThat(c.asOf(false)).isEqualTo(CampaignStatus.COMPLETED);
        assertThatThrownBy(() -> c.cancel(AT, false)).isInstanceOf(ConflictException.class);
        Campaign cancelled = c.cancel(AT.plusSeconds(5), true);
        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).contains(AT.plusSeconds(5));
        assertThat(cancelled.asOf(false)).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(cancelled.cancel(AT.plusSeconds(60), false)).isSameAs(cancelled);
        assertThat(c.segment().without(ana).clientIds()).isEmpty();
        assertThatThrownBy(() -> Campaign.validName("x".repeat(121))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
        assertThatThrownBy(() -> Campaign.validName(" ")).isInstanceOf(ValidationException.class);
    }
}
