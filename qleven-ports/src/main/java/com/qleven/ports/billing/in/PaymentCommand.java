package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.billing.PaymentReference;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the desk records of a payment, a refund or a deposit: the method, the amount (more than zero;
 * a refund's direction comes from what it is recorded against) and the terminal's or the transfer's
 * reference, if any. Every bad member is named at once ({@code method}, {@code amount},
 * {@code amount.amountMinor}, {@code reference}); a reference that reads as a card number is refused.
 */
public record PaymentCommand(PaymentMethod method, Money amount, Optional<String> reference) {
    public PaymentCommand {
        List<FieldError> errors = new ArrayList<>();
        if (method == null) {
            errors.add(new FieldError("method", "is required"));
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (amount.amountMinor() <= 0) {
            errors.add(new FieldError("amount.amountMinor", "must be more than zero"));
        }
        reference = reference == null ? Optional.empty() : reference;
        try {
            reference = PaymentReference.check(reference.orElse(null), "reference");
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
