package com.qleven.ports.billing.out;

/** The store's billing group: each center's tax rates and invoice series. */
public interface BillingStore {
    TaxRates taxRates();

    InvoiceSeries invoiceSeries();
}
