package com.qleven.domain.billing;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice's arithmetic, the one place billing rounds:
 * <ol>
 *   <li>each line's listed amount is quantity × unit price, rounded half up to the minor unit;</li>
 *   <li>its own discount comes off it;</li>
 *   <li>the invoice's discount is spread over the lines in proportion to what remains of each (before
 *       tax), by largest remainder, so that the shares add up to the discount exactly;</li>
 *   <li>each line's tax is computed on what remains and rounded half up, once: added to it when
 *       prices are before tax ({@code tax = amount × rate / 100}), taken out of it when they include
 *       tax ({@code tax = amount × rate / (100 + rate)});</li>
 *   <li>the totals per rate and the invoice's are sums of the lines', so they never disagree with
 *       them.</li>
 * </ol>
 * Discounts are amounts in the same basis as the prices. Every line is in one currency; a bad line
 * or discount is a 400 naming it ({@code lines[i].…}, {@code discount}), all of them at once.
 */
public final class InvoiceArithmetic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceArithmetic() {
    }

    public static InvoiceAmounts compute(List<ChargeLine> lines, Money invoiceDiscount, PriceBasis basis) {
        List<FieldError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException("lines", "an invoice needs at least one line");
        }
        Currency currency = lines.get(0).unitPrice().currency();
        List<Long> remaining = new ArrayList<>(lines.size());
        List<Long> listed = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine line = lines.get(i);
            String at = "lines[" + i + "]";
            long amount = 0;
            if (!line.unitPrice().currency().equals(currency)) {
                errors.add(new FieldError(at + ".unitPrice.currency", "must be " + currency.getCurrencyCode()
                        + ", the currency of the invoice's other lines"));
            } else if (line.unitPrice().isNegative()) {
                errors.add(new FieldError(at + ".unitPrice.amountMinor", "must not be negative"));
            } else {
                amount = new BigDecimal(line.unitPrice().amountMinor()).multiply(line.quantity().value())
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
            listed.add(amount);
            long discount = line.discount().amountMinor();
            if (!line.discount().currency().equals(line.unitPrice().currency())) {
                errors.add(new FieldError(at + ".discount.currency", "must be the line's currency, "
                        + line.unitPrice().currency().getCurrencyCode()));
            } else if (discount < 0) {
                errors.add(new FieldError(at + ".discount.amountMinor", "must not be negative"));
            } else if (discount > amount) {
                errors.add(new FieldError(at + ".discount.amountMinor", "must not exceed the line's amount, "
                        + amount));
            }
            remaining.add(Math.max(0, amount - Math.max(0, discount)));
        }
        long total = remaining.stream().mapToLong(Long::longValue).sum();
        if (invoiceDiscount == null) {
            invoiceDiscount = Money.zero(currency);
        }
        if (!invoiceDiscount.currency().equals(currency)) {
            errors.add(new FieldError("discount.currency", "must be " + currency.getCurrencyCode()));
        } else if (invoiceDiscount.isNegative()) {
            errors.add(new FieldError("discount.amountMinor", "must not be negative"));
        } else if (invoiceDiscount.amountMinor() > total) {
            errors.add(new FieldError("discount.amountMinor", "must not exceed the lines' amount after their own"
                    + " discounts, " + total));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long[] shares = spread(invoiceDiscount.amountMinor(), remaining);
        List<InvoiceAmounts.Line> out = new ArrayList<>(lines.size());
        Map<String, long[]> byRate = new LinkedHashMap<>();
        Map<String, TaxRate> rates = new LinkedHashMap<>();
        long net = 0;
        long tax = 0;
        long gross = 0;
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine line = lines.get(i);
            long amount = remaining.get(i) - shares[i];
            long lineTax = tax(amount, line.taxRate().rate(), basis);
            long lineNet = basis == PriceBasis.TAX_INCLUDED ? amount - lineTax : amount;
            long lineGross = lineNet + lineTax;
            out.add(new InvoiceAmounts.Line(line, money(listed.get(i), currency), line.discount(),
                    money(shares[i], currency), money(lineNet, currency), money(lineTax, currency),
                    money(lineGross, currency)));
            long[] sums = byRate.computeIfAbsent(line.taxRate().code(), k -> new long[3]);
            rates.putIfAbsent(line.taxRate().code(), line.taxRate());
            sums[0] += lineNet;
            sums[1] += lineTax;
            sums[2] += lineGross;
            net += lineNet;
            tax += lineTax;
            gross += lineGross;
        }
        List<InvoiceAmounts.RateTotal> totals = new ArrayList<>();
        byRate.forEach((code, sums) -> totals.add(new InvoiceAmounts.RateTotal(rates.get(code),
                money(sums[0], currency), money(sums[1], currency), money(sums[2], currency))));
        return new InvoiceAmounts(out, totals, money(net, currency), money(tax, currency), money(gross, currency));
    }

    /** The tax in an amount (prices with tax) or on it (prices before tax), rounded half up, once. */
    static long tax(long amount, BigDecimal ratePercent, PriceBasis basis) {
        if (ratePercent.signum() == 0 || amount == 0) {
            return 0;
        }
        BigDecimal base = new BigDecimal(amount).multiply(ratePercent);
        BigDecimal divisor = basis == PriceBasis.TAX_INCLUDED ? HUNDRED.add(ratePercent) : HUNDRED;
        return base.divide(divisor, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * {@code percent} % of {@code amount} (a fee that is a share of a price), rounded half up to the
     * minor unit: 50 % of 45.25 is 22.63.
     */
    public static Money percentOf(Money amount, BigDecimal percent) {
        long share = new BigDecimal(amount.amountMinor()).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        return money(share, amount.currency());
    }

    /**
     * {@code discount} spread over {@code weights} in proportion, by largest remainder: each share is
     * the floor of its exact part, and the units left go to the largest remainders (the earlier line
     * on a tie), so the shares add up to the discount and none exceeds its weight.
     */
    static long[] spread(long discount, List<Long> weights) {
        long[] shares = new long[weights.size()];
        long total = weights.stream().mapToLong(Long::longValue).sum();
        if (discount == 0 || total == 0) {
            return shares;
        }
        BigInteger d = BigInteger.valueOf(discount);
        BigInteger t = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] qr = d.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(t);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; given < discount; k++) {
            shares[order.get(k)]++;
            given++;
        }
        return shares;
    }

    private static Money money(long minor, Currency currency) {
        return new Money(minor, currency);
    }
}
