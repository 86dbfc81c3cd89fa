package com.qleven.ports.billing.out;

/** The store's billing group: each center's tax rates, invoice series, invoices and billing settings. */
public interface BillingStore {
    TaxRates taxRates();

    InvoiceSeries invoiceSeries();

    Invoices invoices();

    BillingCenters centers();
}
