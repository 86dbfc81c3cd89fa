package com.qleven.ports.billing.out;

/** The store's billing group: each center's tax rates, invoice series, invoices, billing settings, payments and prepaid packages. */
public interface BillingStore {
    TaxRates taxRates();

    InvoiceSeries invoiceSeries();

    Invoices invoices();

    BillingCenters centers();

    /** Payments, refunds and deposits (issue 10, item 3). */
    Payments payments();

    /** The prepaid packages on sale, those sold to clients and their redemptions. */
    Packages packages();
}
