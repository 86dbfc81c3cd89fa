package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Money that changed hands, as the books keep it for good (a recorded payment is never changed or
 * deleted; a correction is a refund). {@code amount} is signed: a refund is negative, a payment and a
 * deposit positive. A payment and a refund name the invoice (or credit note) they settle; a deposit
 * names its appointment, and its invoice once it is applied to the appointment's issued invoice. It
 * holds no personal data beyond ids: the reference is a terminal's authorisation code or a
 * transfer reference, never card data ({@link com.qleven.domain.billing.PaymentReference}).
 */
public record Payment(PaymentId id, PaymentKind kind, Optional<InvoiceId> invoice,
                      Optional<AppointmentId> appointment, PaymentMethod method, Money amount,
                      Optional<String> reference, String provider, Instant recordedAt, UserId recordedBy) {
    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        if (amount.amountMinor() == 0 || (kind == PaymentKind.REFUND) != amount.isNegative()) {
            throw new IllegalArgumentException("a refund is negative, a payment or a deposit positive: " + amount);
        }
        if (kind == PaymentKind.DEPOSIT ? appointment.isEmpty() : invoice.isEmpty()) {
            throw new IllegalArgumentException(kind == PaymentKind.DEPOSIT ? "a deposit names its appointment"
                    : "a payment or a refund names its invoice");
        }
        if (provider.isBlank()) {
            throw new IllegalArgumentException("provider is blank");
        }
    }

    /** The same deposit, applied to {@code to}: the only change a recorded payment ever sees. */
    public Payment appliedTo(InvoiceId to) {
        if (kind != PaymentKind.DEPOSIT || invoice.isPresent()) {
            throw new IllegalStateException("only an unapplied deposit is applied");
        }
        return new Payment(id, kind, Optional.of(to), appointment, method, amount, reference, provider, recordedAt,
                recordedBy);
    }
}
