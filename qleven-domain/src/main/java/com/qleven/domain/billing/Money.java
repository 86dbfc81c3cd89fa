package com.qleven.domain.billing;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount in a currency's minor units (cents, centimes), never floating point, so sums and taxes
 * round once, where billing decides. Amounts may be negative (refunds, balances); a price is checked
 * for sign where it is a price.
 */
public record Money(long amountMinor, Currency currency) {
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** Zero in the currency. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Wire values ({@code {"amountMinor", "currency"}}) to money, naming {@code field.amountMinor} or
     * {@code field.currency} when wrong.
     */
    public static Money parse(Long amountMinor, String currency, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (amountMinor == null) {
            errors.add(new FieldError(field + ".amountMinor", "is required"));
        }
        Currency unit = null;
        if (currency == null) {
            errors.add(new FieldError(field + ".currency", "is required"));
        } else {
            unit = Currency.getAvailableCurrencies().stream()
                    .filter(c -> c.getCurrencyCode().equals(currency)).findFirst().orElse(null);
            if (unit == null) {
                errors.add(new FieldError(field + ".currency", "must be an ISO 4217 code such as EUR or MAD"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Money(amountMinor, unit);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency.getCurrencyCode() + " (minor units)";
    }
}
