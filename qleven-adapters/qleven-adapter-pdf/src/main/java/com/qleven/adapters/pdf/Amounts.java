package com.qleven.adapters.pdf;

import com.qleven.domain.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Amounts and quantities as one locale writes them: its decimal and grouping separators, always with
 * Latin digits (an English-labelled invoice for an Arabic locale must not switch to Arabic-Indic
 * digits mid-table). Money shows its currency's default fraction digits (EUR 2, JPY 0, TND 3) and its
 * ISO code after a no-break space, so an amount never wraps away from its currency. One instance per
 * rendering: {@link DecimalFormat} is not thread-safe.
 */
final class Amounts {
    private static final char NO_BREAK_SPACE = '\u00A0';
    private final DecimalFormat format;

    Amounts(Locale locale) {
        Locale latinDigits = new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
        NumberFormat instance = NumberFormat.getNumberInstance(latinDigits);
        this.format = instance instanceof DecimalFormat decimal ? decimal
                : new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(latinDigits));
        format.setGroupingUsed(true);
        // Every amount arrives in minor units with its currency's digits: nothing is ever rounded here.
        format.setRoundingMode(RoundingMode.UNNECESSARY);
    }

    /** {@code 1234.5 EUR} in minor units (123450) as {@code 1,234.50 EUR}, {@code 1 234,50 EUR} in French. */
    String money(Money money) {
        return amount(money) + NO_BREAK_SPACE + money.currency().getCurrencyCode();
    }

    /** The amount alone, {@code 1,234.50}: for a table whose caption names the currency once. */
    String amount(Money money) {
        // Pseudo-currencies (gold, the no-currency code) have no default digits (-1): their minor unit is the unit.
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        return decimal(BigDecimal.valueOf(money.amountMinor(), digits));
    }

    /**
     * A quantity's decimal text ({@code "0.5"}) with the locale's separator ({@code "0,5"}), its digits
     * kept as given; text that is not a plain decimal is printed unchanged rather than guessed at.
     */
    String quantity(String text) {
        try {
            return decimal(new BigDecimal(text));
        } catch (NumberFormatException notADecimal) {
            return text;
        }
    }

    private String decimal(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        String text = format.format(value);
        // Some locales put bidi marks (U+061C, U+200E) around a sign; the table sets direction itself,
        // and the font has no glyph for them.
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(printable::appendCodePoint);
        return printable.toString();
    }
}
