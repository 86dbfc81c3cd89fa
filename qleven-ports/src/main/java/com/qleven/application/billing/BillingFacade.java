package com.qleven.application.billing;

import com.qleven.application.Foundation;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.TaxRateCheck;
import com.qleven.ports.billing.in.TaxRateView;
import java.util.List;

/**
 * Billing: the center's tax rates now; invoices, payments and packages with their issue: {@code
 * qleven.billing()}. Every verb checks the principal's permission itself.
 */
public final class BillingFacade {
    private final TaxRatesService taxRates;

    /** Wires the context's services, each with the narrow ports it uses. */
    public BillingFacade(Foundation f) {
        taxRates = new TaxRatesService(f.store().shared().transactions(), f.store().tenancy().centers(),
                f.store().billing().taxRates(), f.audit(), f.clock());
    }

    /** The center's tax rates by code, seeded from its country the first time; retired ones when asked. */
    public List<TaxRateView> taxRates(Principal principal, boolean includeRetired) {
        return taxRates.list(principal, includeRetired);
    }

    /** Adds a rate (administrators); a code the center has already, retired or not, is a conflict naming {@code code}. */
    public TaxRateView addTaxRate(Principal principal, TaxRate rate) {
        return taxRates.add(principal, rate);
    }

    /** Retires a rate (administrators): kept for what names it already, offered for nothing new. */
    public TaxRateView retireTaxRate(Principal principal, String code) {
        return taxRates.retire(principal, code);
    }

    /** The check as a port, for the services of other contexts (a service names an offered rate). */
    public TaxRateCheck taxRateCheck() {
        return taxRates;
    }
}
