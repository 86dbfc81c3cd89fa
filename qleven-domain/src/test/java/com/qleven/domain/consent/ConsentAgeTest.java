package com.qleven.domain.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.UnprocessableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The minors rule (P18): the age on the center's date, across a birthday and time zones. */
class ConsentAgeTest {
    private static final LocalDate BORN = LocalDate.of(2010, 6, 15);

    @Test
    void theAgeTurnsOnTheBirthdayItself() {
        assertThat(ConsentAge.ageOn(BORN, LocalDate.of(2026, 6, 14))).isEqualTo(15);
        assertThat(ConsentAge.ageOn(BORN, LocalDate.of(2026, 6, 15))).isEqualTo(16);
        // Born on 29 February: 16 on 1 March of a common year, not on 28 February.
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertThat(ConsentAge.ageOn(leap, LocalDate.of(2024, 2, 28))).isEqualTo(15);
        assertThat(ConsentAge.ageOn(leap, LocalDate.of(2024, 2, 29))).isEqualTo(16);
        assertThat(ConsentAge.ageOn(LocalDate.of(2009, 2, 28), LocalDate.of(2025, 2, 28))).isEqualTo(16);
    }

    @Test
    void theBirthdayBeginsAtMidnightWhereTheCenterIs() {
        // 22:30 UTC on the eve of the birthday is already the birthday in Madrid (UTC+2 in June),
        // still the eve in Casablanca (UTC+1) and in UTC.
        Instant eve = Instant.parse("2026-06-14T22:30:00Z");
        assertThat(ConsentAge.centerDate(eve, ZoneId.of("Europe/Madrid"))).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(ConsentAge.centerDate(eve, ZoneId.of("Africa/Casablanca"))).isEqualTo(LocalDate.of(2026, 6, 14));

        LocalDate madrid = ConsentAge.centerDate(eve, ZoneId.of("Europe/Madrid"));
        LocalDate casablanca = ConsentAge.centerDate(eve, ZoneId.of("Africa/Casablanca"));
        assertThat(ConsentAge.check(ConsentPurpose.MARKETING, ConsentDecision.GRANTED, Optional.of(BORN), madrid))
                .isTrue();
        assertThatThrownBy(() -> ConsentAge.check(ConsentPurpose.MARKETING, ConsentDecision.GRANTED,
                Optional.of(BORN), casablanca))
                .isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(((UnprocessableException) e).field()).isEqualTo("birthDate"));
        assertThat(ConsentAge.oldEnough(ConsentPurpose.MARKETING, Optional.of(BORN), madrid)).isTrue();
        assertThat(ConsentAge.oldEnough(ConsentPurpose.MARKETING, Optional.of(BORN), casablanca)).isFalse();
    }

    @Test
    void aMinorMayRefuseOrWithdrawMarketingAndConsentToAppointmentMessages() {
        LocalDate today = LocalDate.of(2026, 1, 10);
        assertThat(ConsentAge.check(ConsentPurpose.MARKETING, ConsentDecision.WITHDRAWN, Optional.of(BORN), today))
                .isTrue();
        assertThat(ConsentAge.check(ConsentPurpose.MARKETING, ConsentDecision.REFUSED, Optional.of(BORN), today))
                .isTrue();
        assertThat(ConsentAge.check(ConsentPurpose.WHATSAPP, ConsentDecision.GRANTED, Optional.of(BORN), today))
                .isTrue();
        assertThat(ConsentAge.oldEnough(ConsentPurpose.WHATSAPP, Optional.of(BORN), today)).isTrue();
    }

    @Test
    void withoutABirthDateTheAgeIsNotVerified() {
        LocalDate today = LocalDate.of(2026, 1, 10);
        assertThat(ConsentAge.check(ConsentPurpose.MARKETING, ConsentDecision.GRANTED, Optional.empty(), today))
                .isFalse();
        assertThat(ConsentAge.oldEnough(ConsentPurpose.MARKETING, Optional.empty(), today)).isTrue();
    }
}
