package com.qleven.application.billing;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.PaymentProvider;

/**
 * The default {@link PaymentProvider}: the money already moved outside Qleven (the card terminal
 * approved it, the cash is in the drawer, the transfer is on the bank statement) and the desk records
 * what it saw, so every request is accepted with the desk's reference. It lives in the application
 * rather than in an adapter module because it touches no technology: it is the policy "the desk's word
 * is the outcome", which every embedder gets without pulling a module, and which an online provider's
 * adapter replaces through {@code Qleven.builder().paymentProvider(…)}.
 */
public final class ManualPaymentProvider implements PaymentProvider {
    /** The provider recorded with each movement the desk records. */
    public static final String NAME = "manual";

    @Override
    public Outcome settle(TenantId tenant, Request request) {
        return new Outcome.Accepted(NAME, request.reference());
    }
}
