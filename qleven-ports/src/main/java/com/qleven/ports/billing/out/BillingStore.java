package com.qleven.ports.billing.out;

/** The store's billing group: so far each center's tax rates. */
public interface BillingStore {
    TaxRates taxRates();
}
