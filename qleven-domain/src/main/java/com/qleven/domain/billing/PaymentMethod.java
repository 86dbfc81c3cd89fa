package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;
import java.util.Locale;

/** How money changed hands: at the cash drawer, on the card terminal, or by a bank transfer. */
public enum PaymentMethod {
    CASH,
    CARD,
    BANK_TRANSFER;

    /** {@code cash}, {@code card}, {@code bank_transfer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name, naming {@code field} when it is none (or absent). */
    public static PaymentMethod fromWire(String wire, String field) {
        if (wire == null) {
            throw new ValidationException(field, "is required");
        }
        for (PaymentMethod method : values()) {
            if (method.wireName().equals(wire)) {
                return method;
            }
        }
        throw new ValidationException(field, "must be cash, card or bank_transfer");
    }
}
