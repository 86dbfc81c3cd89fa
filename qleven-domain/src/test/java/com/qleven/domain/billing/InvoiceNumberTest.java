package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceNumberTest {

    @Test
    void numbers_print_with_their_kind_year_and_six_digits_and_read_back() {
        assertThat(new InvoiceNumber(InvoiceKind.FULL, 2027, 123).text()).isEqualTo("F2027-000123");
        assertThat(new InvoiceNumber(InvoiceKind.SIMPLIFIED, 2027, 1).text()).isEqualTo("S2027-000001");
        assertThat(new InvoiceNumber(InvoiceKind.CREDIT_NOTE, 2028, 1_234_567).text()).isEqualTo("R2028-1234567");
        for (String text : List.of("F2027-000123", "S2030-000001", "R2028-1234567")) {
            assertThat(InvoiceNumber.parse(text, "number").text()).isEqualTo(text);
        }
        assertThat(InvoiceNumber.parse("R2028-000009", "number"))
                .isEqualTo(new InvoiceNumber(InvoiceKind.CREDIT_NOTE, 2028, 9));
    }

    @Test
    void the_series_year_is_the_centers_not_utcs() {
        Instant newYearInMadrid = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(InvoiceNumber.seriesOf(InvoiceKind.FULL, newYearInMadrid, ZoneId.of("Europe/Madrid")))
                .isEqualTo(new InvoiceNumber.Series(InvoiceKind.FULL, 2027));
        assertThat(InvoiceNumber.seriesOf(InvoiceKind.FULL, newYearInMadrid, ZoneId.of("UTC")).year()).isEqualTo(2026);
        // Casablanca is UTC+1 most of the year, UTC+0 around Ramadan: 23:30 UTC on 31 December is 00:30 there.
        assertThat(InvoiceNumber.seriesOf(InvoiceKind.SIMPLIFIED, newYearInMadrid, ZoneId.of("Africa/Casablanca"))
                .year()).isEqualTo(2027);
        assertThat(InvoiceNumber.seriesOf(InvoiceKind.FULL, newYearInMadrid, ZoneId.of("Europe/Madrid")).at(5).text())
                .isEqualTo("F2027-000005");
    }

    @Test
    void malformed_numbers_and_kinds_name_their_field() {
        for (String bad : List.of("", "F2027-12", "X2027-000001", "F27-000001", "F2027-000000", "f2027-000001",
                "F1999-000001")) {
            assertThatThrownBy(() -> InvoiceNumber.parse(bad, "number")).as(bad)
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                            .containsExactly("number"));
        }
        assertThat(InvoiceKind.fromWire("credit_note", "kind")).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThatThrownBy(() -> InvoiceKind.fromWire("proforma", "kind")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("kind"));
        assertThatThrownBy(() -> new InvoiceNumber(InvoiceKind.FULL, 2027, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
