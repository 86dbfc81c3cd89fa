package com.qleven.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.billing.Money;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts as printed: the currency's own fraction digits, the locale's separators, Latin digits. */
class AmountsTest {
    private static Money money(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    @Test
    void eachCurrencyKeepsItsDefaultFractionDigits() {
        Amounts english = new Amounts(Locale.UK);
        assertThat(english.money(money(123450, "EUR"))).isEqualTo("1,234.50\u00A0EUR");
        assertThat(english.money(money(5, "MAD"))).isEqualTo("0.05\u00A0MAD");
        assertThat(english.money(money(1200, "JPY"))).isEqualTo("1,200\u00A0JPY");
        assertThat(english.money(money(12345, "TND"))).isEqualTo("12.345\u00A0TND");
        assertThat(english.money(money(-6050, "EUR"))).isEqualTo("-60.50\u00A0EUR");
        assertThat(english.money(money(0, "EUR"))).isEqualTo("0.00\u00A0EUR");
    }

    @Test
    void theLocaleChoosesTheSeparators() {
        assertThat(new Amounts(Locale.FRANCE).money(money(123450, "EUR"))).isEqualTo("1\u202F234,50\u00A0EUR");
        assertThat(new Amounts(Locale.forLanguageTag("es-ES")).money(money(12345678, "EUR")))
                .isEqualTo("123.456,78\u00A0EUR");
        // Morocco's French groups with a full stop (CLDR), France's with a narrow no-break space.
        assertThat(new Amounts(Locale.forLanguageTag("fr-MA")).money(money(-123450, "MAD")))
                .isEqualTo("-1.234,50\u00A0MAD");
        assertThat(new Amounts(Locale.forLanguageTag("sv-SE")).money(money(-123450, "SEK")))
                .isEqualTo("\u22121\u00A0234,50\u00A0SEK");
    }

    @Test
    void arabicLocalesKeepTheirSeparatorsButWriteLatinDigitsWithoutBidiMarks() {
        // The JDK writes "\u200E-1,234.50" (a left-to-right mark first) and Arabic-Indic digits by default.
        assertThat(new Amounts(Locale.forLanguageTag("ar-EG")).money(money(-123450, "EGP")))
                .isEqualTo("-1,234.50\u00A0EGP");
        assertThat(new Amounts(Locale.forLanguageTag("ar-MA")).money(money(123450, "MAD")))
                .isEqualTo("1.234,50\u00A0MAD");
    }

    @Test
    void quantitiesKeepTheirDigitsWithTheLocalesSeparator() {
        assertThat(new Amounts(Locale.forLanguageTag("es-ES")).quantity("0.5")).isEqualTo("0,5");
        assertThat(new Amounts(Locale.UK).quantity("2")).isEqualTo("2");
        assertThat(new Amounts(Locale.UK).quantity("1.250")).isEqualTo("1.250");
        assertThat(new Amounts(Locale.UK).quantity("-1")).isEqualTo("-1");
        assertThat(new Amounts(Locale.UK).quantity("about 2")).isEqualTo("about 2");
    }
}
