package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The day's cash report of a center: for each payment method (every method, in a fixed order: cash,
 * card, bank transfer; zero when none moved) the day's payments, refunds (negative) and deposits
 * taken, and their total, then the total over the methods. The day is the center's local day, from
 * {@code from} (inclusive) to {@code to} (exclusive): 23 or 25 hours on a daylight-saving night.
 */
public record CashReport(LocalDate date, ZoneId zone, Instant from, Instant to, List<Method> methods, Tally total) {
    public CashReport {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        methods = List.copyOf(methods);
        Objects.requireNonNull(total, "total");
    }

    /** One method's movements of the day by kind, and all of them. */
    public record Method(PaymentMethod method, Tally payments, Tally refunds, Tally deposits, Tally total) {
        public Method {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(payments, "payments");
            Objects.requireNonNull(refunds, "refunds");
            Objects.requireNonNull(deposits, "deposits");
            Objects.requireNonNull(total, "total");
        }
    }

    /** How many movements and their signed sum. */
    public record Tally(long count, Money amount) {
        public Tally {
            Objects.requireNonNull(amount, "amount");
            if (count < 0) {
                throw new IllegalArgumentException("count < 0");
            }
        }

        public Tally plus(Tally other) {
            return new Tally(count + other.count, amount.plus(other.amount));
        }
    }
}
