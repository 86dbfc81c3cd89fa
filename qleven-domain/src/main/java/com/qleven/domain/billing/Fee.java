package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fee a center's policy charges (for a no-show, for a cancellation inside its window): a fixed
 * amount in the center's currency, or a percentage of the service's price. {@link BillingSettings}
 * checks the amount and the percentage, naming the policy's field; {@link #of} is what a given
 * price costs, in the same price basis as the price.
 */
public sealed interface Fee {

    /** What the fee comes to for a service of {@code price}; never more than it when a percentage. */
    Money of(Money price);

    /** The same amount whatever the service costs. */
    record Fixed(Money amount) implements Fee {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public Money of(Money price) {
            return amount;
        }
    }

    /** {@code percent} of the service's price ({@code 50}, {@code 12.5}), rounded half up to the minor unit. */
    record Percent(BigDecimal percent) implements Fee {
        private static final Pattern TEXT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

        public Percent {
            Objects.requireNonNull(percent, "percent");
            BigDecimal stripped = percent.stripTrailingZeros();
            percent = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        /**
         * The wire form, a decimal string of percent ({@code "50"}, {@code "12.5"}); signs, exponents
         * and commas are a 400 naming {@code field}. The range is {@link BillingSettings}'s to check.
         */
        public static Percent parse(String text, String field) {
            if (text == null || !TEXT.matcher(text).matches()) {
                throw new ValidationException(field, "must be a decimal string of percent such as \"50\" or \"12.5\"");
            }
            return new Percent(new BigDecimal(text));
        }

        @Override
        public Money of(Money price) {
            return InvoiceArithmetic.percentOf(price, percent);
        }

        /** The percentage as the wire carries it: {@code "50"}, {@code "12.5"}. */
        public String text() {
            return percent.toPlainString();
        }
    }
}
