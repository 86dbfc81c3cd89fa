package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.util.Objects;

/**
 * What a prepaid package gives its holder: a number of sessions, a money credit, or a usage
 * allowance in a device's unit. {@link #units} is the one count a balance is kept in (sessions,
 * minor units of the credit, units of the allowance), so a balance is never fractional. A count
 * outside 0 to {@link #MAX_UNITS} is a 400 naming its wire field; a package is sold with more than 0,
 * and its balance goes down to 0.
 */
public sealed interface Entitlement {
    /** The largest count a package holds: far above any real package, far below overflow. */
    long MAX_UNITS = 1_000_000_000L;

    /** The count the balance is kept in. */
    long units();

    /** {@code sessions}, {@code credit} or {@code allowance}: the kind as stored and on the wire. */
    String kind();

    /** The same kind of entitlement holding {@code units} instead. */
    Entitlement withUnits(long units);

    /** A number of sessions of the package's services. */
    record Sessions(long count) implements Entitlement {
        public Sessions {
            if (count < 0 || count > MAX_UNITS) {
                throw new ValidationException("sessions", "must be 1 to " + MAX_UNITS);
            }
        }

        @Override
        public long units() {
            return count;
        }

        @Override
        public String kind() {
            return "sessions";
        }

        @Override
        public Entitlement withUnits(long units) {
            return new Sessions(units);
        }
    }

    /** A money credit, debited by the price of each covered service. */
    record Credit(Money amount) implements Entitlement {
        public Credit {
            Objects.requireNonNull(amount, "amount");
            if (amount.amountMinor() < 0 || amount.amountMinor() > MAX_UNITS) {
                throw new ValidationException("credit.amountMinor", "must be 1 to " + MAX_UNITS);
            }
        }

        @Override
        public long units() {
            return amount.amountMinor();
        }

        @Override
        public String kind() {
            return "credit";
        }

        @Override
        public Entitlement withUnits(long units) {
            return new Credit(new Money(units, amount.currency()));
        }
    }

    /** A usage allowance in a device's unit, debited by device sessions. */
    record Allowance(AllowanceUnit unit, long amount) implements Entitlement {
        public Allowance {
            Objects.requireNonNull(unit, "unit");
            if (amount < 0 || amount > MAX_UNITS) {
                throw new ValidationException("allowance.amount", "must be 1 to " + MAX_UNITS);
            }
        }

        @Override
        public long units() {
            return amount;
        }

        @Override
        public String kind() {
            return "allowance";
        }

        @Override
        public Entitlement withUnits(long units) {
            return new Allowance(unit, units);
        }
    }
}
