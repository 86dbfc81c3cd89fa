package com.qleven.domain.billing;

import java.util.List;
import java.util.Objects;

/**
 * An invoice's amounts as {@link InvoiceArithmetic} computes them: each line's, the totals per tax
 * rate (in the order the rates first appear on the lines) and the invoice's. Every amount is in minor
 * units; on each line and in each total, {@code net + tax = gross}.
 */
public record InvoiceAmounts(List<Line> lines, List<RateTotal> byRate, Money net, Money tax, Money gross) {
    public InvoiceAmounts {
        lines = List.copyOf(lines);
        byRate = List.copyOf(byRate);
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(gross, "gross");
    }

    /**
     * One line: {@code listed} is quantity × unit price rounded to the minor unit (in the price
     * basis), {@code lineDiscount} its own discount, {@code invoiceDiscount} its share of the
     * invoice's discount; {@code net}, {@code tax} and {@code gross} what remains, before and after
     * the line's tax.
     */
    public record Line(ChargeLine charge, Money listed, Money lineDiscount, Money invoiceDiscount, Money net, Money tax,
                       Money gross) {
    }

    /** The lines of one tax rate together; an exempt rate carries its legal mention. */
    public record RateTotal(TaxRate rate, Money net, Money tax, Money gross) {
    }
}
