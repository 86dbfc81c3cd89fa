package com.qleven.domain.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CenterProfileTest {

    @Test
    void parsesAValidCenter() {
        CenterProfile p = CenterProfile.parse(" Clínica Sol ", "Calle Mayor 1, Madrid", "B12345678", "ES",
                "Europe/Madrid", "EUR");
        assertThat(p.name()).isEqualTo("Clínica Sol");
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(p.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> CenterProfile.parse("", "addr", "tax", "XX", "Mars/Olympus", "EURO"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "country", "timeZone", "currency"));
    }

    @Test
    void refusesOffsetsWhereAZoneIsNeeded() {
        assertThatThrownBy(() -> CenterProfile.parse("n", "a", "t", "MA", "+01:00", "MAD"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("timeZone"));
    }

    @Test
    void refusesControlCharactersAndOverlongText() {
        assertThatThrownBy(() -> CenterProfile.parse("a\u0000b", "x".repeat(501), "t", "ES", "Europe/Madrid", "EUR"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("name", "address"));
    }
}
