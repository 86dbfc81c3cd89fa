package com.qleven.ports.billing.out;

/** The store's billing group: each center's tax rates, invoice series, invoices, billing settings and prepaid packages. */
public interface BillingStore {
    TaxRates taxRates();

    InvoiceSeries invoiceSeries();

    Invoices invoices();

    BillingCenters centers();

    /** The prepaid packages on sale, those sold to clients and their redemptions. */
    Packages packages();
}
