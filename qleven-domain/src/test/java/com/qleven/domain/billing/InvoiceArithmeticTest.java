package com.qleven.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InvoiceArithmeticTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency MAD = Currency.getInstance("MAD");
    private static final TaxRate IVA = TaxRate.parse("21", "IVA general", "21", false, null);
    private static final TaxRate REDUCED = TaxRate.parse("10", "IVA reducido", "10", false, null);
    private static final TaxRate TVA_MA = TaxRate.parse("20", "TVA", "20", false, null);
    private static final TaxRate EXEMPT = TaxRate.parse("exempt", "Exento", "0", true,
            "Operación exenta de IVA (art. 20.Uno.3º Ley 37/1992)");

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    private static ChargeLine line(String quantity, long unitMinor, TaxRate rate) {
        return ChargeLine.of("Tratamiento", Quantity.parse(quantity, "quantity"), eur(unitMinor), rate);
    }

    @Test
    void tax_is_taken_out_of_a_price_that_includes_it_and_rounded_half_up_once_per_line() {
        InvoiceAmounts a = InvoiceArithmetic.compute(List.of(line("1", 5000, IVA)), null, PriceBasis.TAX_INCLUDED);

        // 50.00 with 21% included: 5000 × 21 / 121 = 867.77 → 868 of tax, 41.32 before it.
        InvoiceAmounts.Line l = a.lines().get(0);
        assertThat(l.tax()).isEqualTo(eur(868));
        assertThat(l.net()).isEqualTo(eur(4132));
        assertThat(l.gross()).isEqualTo(eur(5000));
        assertThat(a.gross()).isEqualTo(eur(5000));
    }

    @Test
    void tax_is_added_to_a_price_before_tax_on_a_fractional_quantity() {
        InvoiceAmounts a = InvoiceArithmetic.compute(List.of(line("2.5", 1999, REDUCED)), null,
                PriceBasis.TAX_EXCLUDED);

        // 2.5 × 19.99 = 49.975 → 49.98 (half up); 10% of 49.98 = 4.998 → 5.00.
        InvoiceAmounts.Line l = a.lines().get(0);
        assertThat(l.listed()).isEqualTo(eur(4998));
        assertThat(l.net()).isEqualTo(eur(4998));
        assertThat(l.tax()).isEqualTo(eur(500));
        assertThat(l.gross()).isEqualTo(eur(5498));
    }

    @Test
    void half_a_minor_unit_rounds_up() {
        assertThat(InvoiceArithmetic.tax(5, new BigDecimal("10"), PriceBasis.TAX_EXCLUDED)).isEqualTo(1);
        assertThat(InvoiceArithmetic.tax(15, new BigDecimal("10"), PriceBasis.TAX_EXCLUDED)).isEqualTo(2);
        assertThat(InvoiceArithmetic.tax(14, new BigDecimal("10"), PriceBasis.TAX_EXCLUDED)).isEqualTo(1);
        // 121 × 21 / 121 = 21 exactly; 60.5 × ... : 55 with 10% included = 5.0 exactly.
        assertThat(InvoiceArithmetic.tax(121, new BigDecimal("21"), PriceBasis.TAX_INCLUDED)).isEqualTo(21);
        assertThat(InvoiceArithmetic.tax(55, new BigDecimal("10"), PriceBasis.TAX_INCLUDED)).isEqualTo(5);
        assertThat(InvoiceArithmetic.tax(1000, new BigDecimal("5.5"), PriceBasis.TAX_EXCLUDED)).isEqualTo(55);
    }

    @Test
    void an_invoice_discount_is_spread_in_proportion_before_tax_and_adds_up_exactly() {
        InvoiceAmounts a = InvoiceArithmetic.compute(List.of(line("1", 10000, IVA), line("1", 5000, EXEMPT)), eur(1000),
                PriceBasis.TAX_INCLUDED);

        // 10.00 over 100.00 and 50.00: 6.666… and 3.333…; the unit left goes to the larger remainder.
        assertThat(a.lines()).extracting(InvoiceAmounts.Line::invoiceDiscount).containsExactly(eur(667), eur(333));
        // 93.33 with 21% included: 9333 × 21 / 121 = 1619.78 → 1620; the exempt line has none.
        assertThat(a.lines().get(0).tax()).isEqualTo(eur(1620));
        assertThat(a.lines().get(0).gross()).isEqualTo(eur(9333));
        assertThat(a.lines().get(1).tax()).isEqualTo(eur(0));
        assertThat(a.lines().get(1).gross()).isEqualTo(eur(4667));
        assertThat(a.gross()).isEqualTo(eur(14000));
        assertThat(a.tax()).isEqualTo(eur(1620));
        assertThat(a.byRate()).extracting(t -> t.rate().code()).containsExactly("21", "exempt");
        assertThat(a.byRate().get(1).rate().legalMention()).contains("exenta");
        assertThat(a.byRate().get(1).gross()).isEqualTo(eur(4667));
    }

    @Test
    void a_line_discount_comes_off_before_the_invoice_discount_is_spread() {
        ChargeLine discounted = new ChargeLine("Bono", Quantity.parse("1", "quantity"), eur(8000), IVA, eur(2000));
        InvoiceAmounts a = InvoiceArithmetic.compute(List.of(discounted, line("1", 3000, IVA)), eur(900),
                PriceBasis.TAX_EXCLUDED);

        // After its own 20.00 the first line weighs 60.00 against 30.00: 6.00 and 3.00 of the 9.00.
        assertThat(a.lines()).extracting(InvoiceAmounts.Line::invoiceDiscount).containsExactly(eur(600), eur(300));
        assertThat(a.lines()).extracting(InvoiceAmounts.Line::net).containsExactly(eur(5400), eur(2700));
        assertThat(a.lines()).extracting(InvoiceAmounts.Line::tax).containsExactly(eur(1134), eur(567));
        assertThat(a.byRate()).singleElement().satisfies(t -> {
            assertThat(t.net()).isEqualTo(eur(8100));
            assertThat(t.tax()).isEqualTo(eur(1701));
            assertThat(t.gross()).isEqualTo(eur(9801));
        });
    }

    @Test
    void bad_lines_and_discounts_are_named_all_at_once() {
        List<ChargeLine> lines = List.of(
                new ChargeLine("A", Quantity.ONE, eur(1000), IVA, eur(1500)),
                ChargeLine.of("B", Quantity.ONE, new Money(1000, MAD), TVA_MA),
                ChargeLine.of("C", Quantity.ONE, eur(-5), IVA));

        assertThatThrownBy(() -> InvoiceArithmetic.compute(lines, eur(999_999), PriceBasis.TAX_INCLUDED))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("lines[0].discount.amountMinor", "lines[1].unitPrice.currency",
                                "lines[2].unitPrice.amountMinor", "discount.amountMinor"));
        assertThatThrownBy(() -> InvoiceArithmetic.compute(List.of(), null, PriceBasis.TAX_INCLUDED))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("lines"));
    }

    @Test
    void quantities_are_positive_decimal_strings_of_at_most_three_decimals() {
        assertThat(Quantity.parse("0.5", "lines[0].quantity").text()).isEqualTo("0.5");
        assertThat(Quantity.parse("2.500", "q").text()).isEqualTo("2.5");
        assertThat(Quantity.parse("10", "q").text()).isEqualTo("10");
        for (String bad : List.of("0", "0.000", "-1", "1e3", "1,5", "1.2345", "", " 1", "1000000")) {
            assertThatThrownBy(() -> Quantity.parse(bad, "lines[0].quantity"))
                    .as(bad).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                            .containsExactly("lines[0].quantity"));
        }
    }

    /**
     * Whatever the lines, rates, discounts and basis (2,000 seeded cases): the invoice discount's
     * shares add up to it and none exceeds its line; each line and each total has net + tax = gross;
     * the totals per rate add up to the invoice's; and what the client pays is what was listed less
     * the discounts, with tax added on top only when prices were before tax.
     */
    @Test
    void the_amounts_always_add_up() {
        Random random = new Random(20261207L);
        List<TaxRate> rates = List.of(IVA, REDUCED, EXEMPT, TaxRate.parse("5.5", "Réduit", "5.5", false, null));
        for (int run = 0; run < 2_000; run++) {
            List<ChargeLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                long unit = random.nextInt(50_000);
                String quantity = (1 + random.nextInt(20)) + (random.nextBoolean() ? "" : "." + random.nextInt(1000));
                Quantity q = Quantity.parse(quantity, "q");
                long listed = new BigDecimal(unit).multiply(q.value()).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValue();
                long discount = listed == 0 ? 0 : random.nextInt((int) Math.min(listed + 1, Integer.MAX_VALUE));
                lines.add(new ChargeLine("L" + i, q, eur(unit), rates.get(random.nextInt(rates.size())),
                        eur(random.nextBoolean() ? 0 : discount)));
            }
            long afterLines = 0;
            long listedTotal = 0;
            for (ChargeLine l : lines) {
                long listed = new BigDecimal(l.unitPrice().amountMinor()).multiply(l.quantity().value())
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
                listedTotal += listed;
                afterLines += listed - l.discount().amountMinor();
            }
            long invoiceDiscount = afterLines == 0 ? 0 : (long) (random.nextDouble() * afterLines);
            PriceBasis basis = random.nextBoolean() ? PriceBasis.TAX_INCLUDED : PriceBasis.TAX_EXCLUDED;

            InvoiceAmounts a = InvoiceArithmetic.compute(lines, eur(invoiceDiscount), basis);

            long shares = 0;
            long net = 0;
            long tax = 0;
            long gross = 0;
            long lineDiscounts = 0;
            for (InvoiceAmounts.Line l : a.lines()) {
                shares += l.invoiceDiscount().amountMinor();
                lineDiscounts += l.lineDiscount().amountMinor();
                assertThat(l.invoiceDiscount().amountMinor()).isBetween(0L,
                        l.listed().amountMinor() - l.lineDiscount().amountMinor());
                assertThat(l.net().amountMinor() + l.tax().amountMinor()).isEqualTo(l.gross().amountMinor());
                assertThat(l.tax().amountMinor()).isGreaterThanOrEqualTo(0);
                net += l.net().amountMinor();
                tax += l.tax().amountMinor();
                gross += l.gross().amountMinor();
            }
            assertThat(shares).as("run %d", run).isEqualTo(invoiceDiscount);
            assertThat(a.net().amountMinor()).isEqualTo(net);
            assertThat(a.tax().amountMinor()).isEqualTo(tax);
            assertThat(a.gross().amountMinor()).isEqualTo(gross);
            assertThat(a.byRate().stream().mapToLong(t -> t.gross().amountMinor()).sum()).isEqualTo(gross);
            assertThat(a.byRate().stream().mapToLong(t -> t.tax().amountMinor()).sum()).isEqualTo(tax);
            long charged = listedTotal - lineDiscounts - invoiceDiscount;
            assertThat(basis == PriceBasis.TAX_INCLUDED ? gross : net).as("run %d", run).isEqualTo(charged);
        }
    }
}
