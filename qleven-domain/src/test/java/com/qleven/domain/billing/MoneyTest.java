package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void parses_minor_units_and_an_iso_currency() {
        assertThat(Money.parse(4500L, "EUR", "price")).isEqualTo(new Money(4500, EUR));
    }

    @Test
    void names_each_bad_member_under_its_field() {
        assertThatThrownBy(() -> Money.parse(null, "EURO", "price"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("price.amountMinor", "price.currency"));
    }

    @Test
    void adds_and_subtracts_exactly_in_one_currency_only() {
        Money a = new Money(1999, EUR);
        assertThat(a.plus(new Money(1, EUR))).isEqualTo(new Money(2000, EUR));
        assertThat(a.minus(new Money(2000, EUR)).isNegative()).isTrue();
        assertThatThrownBy(() -> a.plus(new Money(1, Currency.getInstance("MAD"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, EUR).plus(new Money(1, EUR)))
                .isInstanceOf(ArithmeticException.class);
    }
}
