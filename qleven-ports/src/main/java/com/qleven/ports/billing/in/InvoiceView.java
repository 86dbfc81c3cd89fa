package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceAmounts;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.AppointmentId;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice or credit note as its reader sees it: the invoice, its amounts (unsigned; a credit
 * note's {@link Invoice#sign} is -1), the appointment it bills, what settled it so far (payments,
 * refunds and credit notes, signed), whether an erasure restricted it, and its version (the ETag).
 */
public record InvoiceView(Invoice invoice, InvoiceAmounts amounts, Optional<AppointmentId> appointment, long paid,
                          long credited, boolean restricted, long version) {
    public InvoiceView {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(appointment, "appointment");
    }

    /** The signed total: negative for a credit note. */
    public Money total() {
        return invoice.signedTotal();
    }

    /** The signed tax total. */
    public Money taxTotal() {
        return new Money(invoice.sign() * amounts.tax().amountMinor(), invoice.currency());
    }

    public Money paidMoney() {
        return new Money(paid, invoice.currency());
    }

    /** What the client still owes: the signed total less what payments and credit notes settled. */
    public Money balance() {
        return new Money(invoice.signedTotal().amountMinor() - paid - credited, invoice.currency());
    }
}
