package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaxRateTest {

    @Test
    void keeps_the_typed_decimal_exactly() {
        TaxRate rate = TaxRate.parse("5.5", "Reduced", "5.5", false, null);
        assertThat(rate.rate()).isEqualByComparingTo(new BigDecimal("5.5"));
        assertThat(rate.rateText()).isEqualTo("5.5");
        assertThat(TaxRate.parse("21", "IVA", "21.00", false, null).rateText()).isEqualTo("21");
        assertThat(TaxRate.parse("20", "TVA", "20", false, null).rateText()).isEqualTo("20");
    }

    @Test
    void refuses_signs_exponents_commas_and_rates_of_a_hundred_or_more() {
        for (String bad : new String[]{"-1", "1e1", "5,5", "100", "", "5.555", " 21"}) {
            assertThatThrownBy(() -> TaxRate.parse("x", "X", bad, false, null))
                    .as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("rate"));
        }
    }

    @Test
    void an_exempt_rate_is_zero_and_carries_its_legal_mention() {
        assertThatThrownBy(() -> TaxRate.parse("exempt", "Exempt", "10", true, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("rate", "legalMention"));
    }

    @Test
    void names_every_bad_field_at_once() {
        assertThatThrownBy(() -> TaxRate.parse("IVA 21", "", null, false, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("code", "name", "rate"));
    }

    @Test
    void spain_and_morocco_are_seeded_with_codes_equal_to_their_percentage_and_others_with_exempt_only() {
        assertThat(TaxRates.seedFor("ES")).extracting(TaxRate::code).containsExactly("21", "10", "4", "exempt");
        assertThat(TaxRates.seedFor("ES")).extracting(TaxRate::rateText).containsExactly("21", "10", "4", "0");
        assertThat(TaxRates.seedFor("MA")).extracting(TaxRate::code).containsExactly("20", "14", "10", "7", "exempt");
        assertThat(TaxRates.seedFor("FR")).extracting(TaxRate::code).containsExactly("exempt");
        assertThat(TaxRates.seedFor("FR").get(0).exempt()).isTrue();
        assertThat(TaxRates.seedFor("MA").get(4).legalMention()).isNotBlank();
    }
}
