package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Money;
import com.qleven.ports.billing.out.Payment;
import java.util.Objects;

/**
 * A payment or refund as recorded, with the balance of the invoice (or credit note) it settled as it
 * now is: zero once paid in full; a credit note's negative balance is what the center still owes back.
 */
public record PaymentReceipt(Payment payment, Money balance) {
    public PaymentReceipt {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(balance, "balance");
    }
}
