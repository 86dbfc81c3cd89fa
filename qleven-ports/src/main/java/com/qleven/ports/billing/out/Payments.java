package com.qleven.ports.billing.out;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A center's payments, refunds and deposits: append-only (the store refuses any change or deletion,
 * in PostgreSQL a trigger, but applying an unapplied deposit to an invoice). Each call is one
 * statement; lists come in the order money moved (recorded, then id). Writes join the unit of work
 * open on the thread.
 */
public interface Payments {

    void add(TenantId tenant, Payment payment);

    /** The payments and refunds of an invoice or credit note, and the deposits applied to it. */
    List<Payment> ofInvoice(TenantId tenant, InvoiceId invoice);

    /** The deposits taken against an appointment, applied or not. */
    List<Payment> depositsOf(TenantId tenant, AppointmentId appointment);

    /**
     * Applies the appointment's unapplied deposits to {@code invoice}, oldest first, as long as their
     * running sum stays within {@code upTo} (a deposit that would overpay stays unapplied, for the desk
     * to give back), and adds what it applied to the invoice's paid amount, bumping its version: one
     * statement.
     *
     * @return the amount applied, zero when none was
     */
    long applyDeposits(TenantId tenant, AppointmentId appointment, InvoiceId invoice, long upTo);

    /** Counts and sums of what was recorded in {@code [from, to)}, per method and kind, in one statement. */
    List<CashRow> cash(TenantId tenant, Instant from, Instant to);

    /** One group of the cash report: how many movements of a kind by a method, and their signed sum. */
    record CashRow(PaymentMethod method, PaymentKind kind, long count, long sum) {
    }
}
