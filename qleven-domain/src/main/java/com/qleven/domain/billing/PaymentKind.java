package com.qleven.domain.billing;

import java.util.Locale;

/**
 * What a recorded movement of money is: a payment of an issued invoice (money in), a refund against
 * a credit note (money out, stored negative), or a deposit taken against a booked appointment before
 * any invoice exists (money in; applied to the appointment's invoice when it is issued).
 */
public enum PaymentKind {
    PAYMENT,
    REFUND,
    DEPOSIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentKind fromWire(String wire) {
        for (PaymentKind kind : values()) {
            if (kind.wireName().equals(wire)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no payment kind " + wire);
    }
}
