package com.qleven.ports.billing.out;

import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where money is taken or given back. The default records what the desk says the card terminal,
 * the cash drawer or the bank statement showed; an online provider (a card gateway) answers the same
 * way, so billing records its outcome without knowing which it was. Billing asks it once per
 * payment, refund or deposit, inside the unit of work that records the outcome, after its own checks
 * (balance, currency, reference) passed; a declined answer records nothing.
 */
public interface PaymentProvider {

    /** Takes (or, for a refund, gives back) the money the request says. */
    Outcome settle(TenantId tenant, Request request);

    /**
     * What billing asks for: the id the payment will be recorded under (an online provider's
     * idempotency key), what it is, how, how much (positive: a refund's direction is its kind) and
     * the reference the desk gave, if any.
     */
    record Request(PaymentId id, PaymentKind kind, PaymentMethod method, Money amount, Optional<String> reference) {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reference, "reference");
            if (amount.amountMinor() <= 0) {
                throw new IllegalArgumentException("a provider is asked for a positive amount: " + amount);
            }
        }
    }

    /** Accepted with the provider's name and its reference for the movement, or declined with a reason. */
    sealed interface Outcome {
        record Accepted(String provider, Optional<String> reference) implements Outcome {
            public Accepted {
                Objects.requireNonNull(provider, "provider");
                Objects.requireNonNull(reference, "reference");
            }
        }

        record Declined(String reason) implements Outcome {
            public Declined {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
