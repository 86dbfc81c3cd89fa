package com.qleven.ports.billing.out;

/** The store's billing group: each center's tax rates, invoice series, invoices, billing settings, payments. */
public interface BillingStore {
    TaxRates taxRates();

    InvoiceSeries invoiceSeries();

    Invoices invoices();

    BillingCenters centers();

    /** Payments, refunds and deposits (issue 10, item 3). */
    Payments payments();
}
