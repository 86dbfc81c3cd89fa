package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.billing.out.BillingCenters;
import com.qleven.ports.billing.out.InvoiceSeries;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.TaxRates;

/** Builds the PostgreSQL repositories of the billing out-ports; their classes stay package-private. */
public final class BillingRepositories {
    private BillingRepositories() {
    }

    public static TaxRates taxRates(PostgresTransactions tx) {
        return new PostgresTaxRates(tx);
    }

    public static InvoiceSeries invoiceSeries(PostgresTransactions tx) {
        return new PostgresInvoiceSeries(tx);
    }

    public static Invoices invoices(PostgresTransactions tx) {
        return new PostgresInvoices(tx);
    }

    public static BillingCenters centers(PostgresTransactions tx) {
        return new PostgresBillingCenters(tx);
    }

    public static Payments payments(PostgresTransactions tx) {
        return new PostgresPayments(tx);
    }

    public static Packages packages(PostgresTransactions tx) {
        return new PostgresPackages(tx);
    }
}
