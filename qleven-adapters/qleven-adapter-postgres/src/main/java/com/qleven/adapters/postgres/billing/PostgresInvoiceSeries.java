package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.billing.InvoiceHash;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.InvoiceSeries;
import java.util.Optional;

/**
 * Invoice series in {@code invoice_series} (V25), under row-level security: the next place is one
 * upsert that returns it with the hash the invoice issued there chains to, and its row lock, held to the end of the unit, keeps the series gapless.
 */
final class PostgresInvoiceSeries implements InvoiceSeries {
    private final PostgresTransactions tx;

    PostgresInvoiceSeries(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Place next(TenantId tenant, InvoiceNumber.Series series) {
        return tx.withHandle(Optional.of(tenant), "give out an invoice number", h -> h.createQuery("""
                        INSERT INTO public.invoice_series (tenant_id, kind, year, last_sequence)
                        VALUES (:tenant, :kind, :year, 1)
                        ON CONFLICT (tenant_id, kind, year)
                        DO UPDATE SET last_sequence = invoice_series.last_sequence + 1
                        RETURNING last_sequence, last_hash""")
                .bind("tenant", tenant.value())
                .bind("kind", series.kind().wireName())
                .bind("year", series.year())
                .map((rs, ctx) -> new Place(series.at(rs.getLong("last_sequence")),
                        Optional.ofNullable(rs.getString("last_hash")).orElse(InvoiceHash.GENESIS)))
                .one());
    }

    @Override
    public long last(TenantId tenant, InvoiceNumber.Series series) {
        return tx.withHandle(Optional.of(tenant), "read an invoice series", h -> h.createQuery("""
                        SELECT last_sequence FROM public.invoice_series
                        WHERE tenant_id = :tenant AND kind = :kind AND year = :year""")
                .bind("tenant", tenant.value())
                .bind("kind", series.kind().wireName())
                .bind("year", series.year())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }
}
