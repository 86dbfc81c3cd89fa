package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How many of a line's unit: a positive decimal with at most three decimals, carried on the wire as
 * a decimal string ({@code "1"}, {@code "0.5"}, {@code "2.125"}), never floating point.
 */
public record Quantity(BigDecimal value) {
    /** At most 999,999 units with three decimals: what a center's line can hold, and what a long can multiply. */
    private static final Pattern TEXT = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?");
    public static final Quantity ONE = new Quantity(BigDecimal.ONE);

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 3 || value.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            throw new ValidationException("quantity", "must be above 0 and below 1000000, with at most three decimals");
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /** The wire text to a quantity, or a 400 naming {@code field}. */
    public static Quantity parse(String text, String field) {
        if (text == null) {
            throw new ValidationException(field, "is required");
        }
        if (!TEXT.matcher(text).matches()) {
            throw new ValidationException(field, "must be a decimal string such as \"1\" or \"0.5\", at most three decimals");
        }
        try {
            return new Quantity(new BigDecimal(text));
        } catch (ValidationException e) {
            throw new ValidationException(field, e.errors().get(0).message());
        }
    }

    /** The wire text: {@code "1"}, {@code "0.5"}. */
    public String text() {
        return value.toPlainString();
    }
}
