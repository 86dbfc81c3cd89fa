package com.qleven.application.billing;

import com.qleven.application.Foundation;
import java.util.Objects;

/**
 * Billing: the center's tax rates now; invoices, payments and packages with their issue: {@code
 * qleven.billing()}. Every verb checks the principal's permission itself.
 */
public final class BillingFacade {
    private final Foundation foundation;

    /** Wires the context's services, each with the narrow ports it uses. */
    public BillingFacade(Foundation f) {
        this.foundation = Objects.requireNonNull(f, "foundation");
    }
}
