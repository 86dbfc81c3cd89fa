package com.qleven.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchedulingSettingsTest {

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_new_center_gets_the_documented_defaults() {
        SchedulingSettings s = SchedulingSettings.defaults("clinica-sol", Locale.forLanguageTag("es-ES"));
        assertThat(s.slotMinutes()).isEqualTo(15);
        assertThat(s.openingHours().weekly().isEmpty()).isTrue();
        assertThat(s.openingHours().windowsOn(LocalDate.of(2027, 1, 4))).containsExactly(TimeWindow.wholeDay());
        assertThat(s.cancellationWindowHours()).isEqualTo(24);
        assertThat(s.waitlistOfferHold().toMinutes()).isEqualTo(120);
    }

    @Test
    void the_grid_divides_an_hour_or_is_whole_hours_up_to_four() {
        List<Integer> valid = IntStream.rangeClosed(-5, 300).filter(SchedulingSettings::isValidGrid).boxed().toList();
        assertThat(valid).containsExactly(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240);
        SchedulingSettings s = SchedulingSettings.defaults("abc", Locale.ENGLISH);
        assertThatThrownBy(() -> s.withSlotMinutes(45)).satisfies(e -> assertThat(fields(e)).containsExactly("slotMinutes"));
        assertThat(s.withSlotMinutes(240).slotMinutes()).isEqualTo(240);
    }

    @Test
    void a_slug_is_a_lowercase_dns_label_of_3_to_63_characters() {
        SchedulingSettings s = SchedulingSettings.defaults("abc", Locale.ENGLISH);
        for (String good : new String[]{"abc", "clinica-sol-2", "a".repeat(63), "9to5"}) {
            assertThat(s.withSlug(good).slug()).isEqualTo(good);
        }
        for (String bad : new String[]{"ab", "a".repeat(64), "Clinica", "-abc", "abc-", "ab c", "clínica", "a_b", ""}) {
            assertThatThrownBy(() -> s.withSlug(bad)).as(bad).satisfies(e -> assertThat(fields(e)).containsExactly("slug"));
        }
        assertThat(SchedulingSettings.suggestSlug("  Clínica Sol & Spa — Málaga ")).isEqualTo("clinica-sol-spa-malaga");
    }

    @Test
    void names_every_bad_field_at_once() {
        assertThatThrownBy(() -> new SchedulingSettings("x", Locale.ROOT, 7, null, -1, 1))
                .satisfies(e -> assertThat(fields(e)).containsExactly("slug", "locale", "slotMinutes", "openingHours",
                        "cancellationWindowHours", "waitlistOfferHoldMinutes"));
        assertThatThrownBy(() -> SchedulingSettings.parseLocale("not a tag"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("locale"));
        assertThat(SchedulingSettings.parseLocale("fr-MA")).isEqualTo(Locale.forLanguageTag("fr-MA"));
    }

    @Test
    void opening_hours_name_the_field_as_the_body_does() {
        assertThatThrownBy(() -> OpeningHours.parse(List.of(
                        new WeeklyHours.Entry("monday", "09:00", "14:00"),
                        new WeeklyHours.Entry("munday", "9:00", "25:00"),
                        new WeeklyHours.Entry("friday", "18:00", "10:00")),
                List.of("2027-01-06", "06/01/2027")))
                .satisfies(e -> assertThat(fields(e)).containsExactly(
                        "openingHours.weekly[1].day", "openingHours.weekly[1].start", "openingHours.weekly[1].end",
                        "openingHours.weekly[2].end", "openingHours.closedDays[1]"));
        assertThatThrownBy(() -> OpeningHours.parse(List.of(
                        new WeeklyHours.Entry("monday", "09:00", "14:00"),
                        new WeeklyHours.Entry("monday", "13:30", "20:00")), List.of()))
                .satisfies(e -> assertThat(fields(e)).containsExactly("openingHours.weekly[1].start"));
    }

    @Test
    void a_closed_day_offers_nothing_and_touching_windows_join_while_a_gap_stays_a_break() {
        OpeningHours hours = OpeningHours.parse(List.of(
                new WeeklyHours.Entry("monday", "14:00", "17:00"),
                new WeeklyHours.Entry("monday", "09:00", "13:00"),
                new WeeklyHours.Entry("monday", "17:00", "24:00")), List.of("2027-01-11"));
        assertThat(hours.windowsOn(LocalDate.of(2027, 1, 4))).containsExactly(
                new TimeWindow(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new TimeWindow(LocalTime.of(14, 0), LocalTime.MIDNIGHT));
        assertThat(hours.windowsOn(LocalDate.of(2027, 1, 4)).get(1).endMinute()).isEqualTo(1440);
        assertThat(hours.windowsOn(LocalDate.of(2027, 1, 11))).isEmpty();
        assertThat(hours.windowsOn(LocalDate.of(2027, 1, 5))).isEmpty();
        assertThat(hours.weekly().windowsOn(DayOfWeek.TUESDAY)).isEmpty();
    }
}
