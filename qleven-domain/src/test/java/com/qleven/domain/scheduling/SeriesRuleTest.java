package com.qleven.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesRuleTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");

    private static ZoneOffsetTransition transition2027(ZoneId zone, boolean gap) {
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("2027-01-01T00:00:00Z"));
        while (t.isGap() != gap) {
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return t;
    }

    @Test
    void every_n_weeks_1_to_12_and_2_to_52_occurrences() {
        assertThatThrownBy(() -> new SeriesRule(0, 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("everyWeeks", "count"));
        assertThatThrownBy(() -> new SeriesRule(13, 53)).isInstanceOf(ValidationException.class);
        assertThat(new SeriesRule(12, 52).count()).isEqualTo(52);
    }

    @Test
    void the_same_local_time_across_the_spring_change_is_an_hour_less_of_real_time() {
        // Weekly at 10:00 Madrid from the Monday before the last Sunday of March 2027.
        ZoneOffsetTransition spring = transition2027(MADRID, true);
        ZonedDateTime first = ZonedDateTime.of(spring.getDateTimeBefore().toLocalDate().minusDays(6), LocalTime.of(10, 0), MADRID);
        List<Instant> starts = new SeriesRule(1, 3).expand(first.toInstant(), MADRID).startsOrThrow();
        assertThat(starts).extracting(s -> s.atZone(MADRID).toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofDays(7).minusHours(1));
        assertThat(Duration.between(starts.get(1), starts.get(2))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void a_local_time_the_night_skips_names_the_impossible_occurrence() {
        for (ZoneId zone : List.of(MADRID, CASABLANCA)) {
            ZoneOffsetTransition gap = transition2027(zone, true);
            LocalDateTime skipped = gap.getDateTimeBefore().plusMinutes(30);
            Instant first = skipped.minusWeeks(4).atZone(zone).toInstant();
            SeriesRule.Expansion expansion = new SeriesRule(2, 5).expand(first, zone);
            assertThat(expansion).isEqualTo(new SeriesRule.Expansion.Impossible(3, skipped, zone));
            assertThatThrownBy(expansion::startsOrThrow)
                    .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                        assertThat(e.field()).isEqualTo("start");
                        assertThat(e.getMessage()).contains("occurrence 3").contains(skipped.toString());
                    });
        }
    }

    @Test
    void in_the_repeated_hour_an_occurrence_keeps_the_first_ones_offset_when_it_can() {
        for (ZoneId zone : List.of(MADRID, CASABLANCA)) {
            ZoneOffsetTransition overlap = transition2027(zone, false);
            LocalDateTime twice = overlap.getDateTimeAfter().plusMinutes(30);
            // The first occurrence a week later than the repeated night, at the same local time.
            LocalDateTime firstLocal = twice.minusWeeks(1);
            Instant first = firstLocal.atZone(zone).toInstant();
            List<Instant> starts = new SeriesRule(1, 2).expand(first, zone).startsOrThrow();
            assertThat(starts.get(1).atZone(zone).toLocalDateTime()).isEqualTo(twice);
            assertThat(zone.getRules().getOffset(starts.get(1)))
                    .isEqualTo(zone.getRules().getOffset(first).equals(overlap.getOffsetAfter())
                            ? overlap.getOffsetAfter() : overlap.getOffsetBefore());
        }
    }

    @Test
    void a_series_begun_in_winter_takes_the_second_occurrence_of_the_repeated_hour() {
        ZoneOffsetTransition autumn = transition2027(MADRID, false);
        LocalDateTime twice = autumn.getDateTimeAfter().plusMinutes(30);
        // Forty-two weeks earlier is January (+01, the autumn night's later offset); every six
        // weeks steps over the spring night's Sunday.
        Instant first = twice.minusWeeks(42).atZone(MADRID).toInstant();
        List<Instant> starts = new SeriesRule(6, 8).expand(first, MADRID).startsOrThrow();
        assertThat(starts.get(7).atZone(MADRID).toLocalDateTime()).isEqualTo(twice);
        assertThat(MADRID.getRules().getOffset(starts.get(7))).isEqualTo(autumn.getOffsetAfter());
        assertThat(starts.get(7)).isAfter(autumn.getInstant());
    }
}
