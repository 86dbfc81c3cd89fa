package com.qleven.application.billing;

import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceAmounts;
import com.qleven.domain.billing.InvoiceParty;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.billing.TaxRate;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.out.InvoiceDocument;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An issued invoice as the renderer prints it: every amount signed as the invoice's, nothing computed twice. */
final class InvoicePrint {
    private InvoicePrint() {
    }

    /** The document in the center's language, dated on the center's local date of issue. */
    static InvoiceDocument document(InvoiceView view, Locale locale, ZoneId zone) {
        Invoice invoice = view.invoice();
        Invoice.Issue issue = invoice.issue().orElseThrow(() -> new IllegalArgumentException("a draft is not printed"));
        InvoiceAmounts amounts = view.amounts();
        int sign = invoice.sign();
        List<InvoiceDocument.Line> lines = amounts.lines().stream().map(l -> new InvoiceDocument.Line(
                l.charge().description(), l.charge().quantity().text(), l.charge().unitPrice(),
                signed(sign, l.lineDiscount().plus(l.invoiceDiscount())), label(l.charge().taxRate()),
                signed(sign, l.net()), signed(sign, l.tax()), signed(sign, l.gross()))).toList();
        List<InvoiceDocument.RateTotal> byRate = amounts.byRate().stream().map(r -> new InvoiceDocument.RateTotal(
                label(r.rate()), signed(sign, r.net()), signed(sign, r.tax()), signed(sign, r.gross()),
                Optional.ofNullable(r.rate().legalMention()).filter(m -> r.rate().exempt()))).toList();
        // The center's local date, as the number's year is: just after midnight the UTC date is the day before.
        LocalDate issued = LocalDate.ofInstant(issue.issuedAt(), zone);
        return new InvoiceDocument(issue.number().text(), invoice.kind(), issued, party(issue.seller()),
                party(issue.buyer()), lines, byRate, signed(sign, amounts.net()), view.taxTotal(), view.total(),
                view.paidMoney(), view.balance(), invoice.basis() == PriceBasis.TAX_INCLUDED,
                invoice.corrects().map(c -> c.number().text()), invoice.corrects().map(Invoice.Correction::reason),
                issue.hash(), locale);
    }

    private static String label(TaxRate rate) {
        return rate.exempt() ? rate.name() : rate.rateText() + " %";
    }

    private static Money signed(int sign, Money money) {
        return new Money(sign * money.amountMinor(), money.currency());
    }

    private static InvoiceDocument.Party party(InvoiceParty party) {
        return new InvoiceDocument.Party(party.name(), party.address(), party.identifiers().stream()
                .map(i -> new InvoiceDocument.Identifier(i.label(), i.value())).toList());
    }
}
