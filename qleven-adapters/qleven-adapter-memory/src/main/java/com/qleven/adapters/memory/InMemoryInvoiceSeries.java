package com.qleven.adapters.memory;

import com.qleven.domain.billing.InvoiceHash;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.InvoiceSeries;
import java.util.HashMap;
import java.util.Map;

/** Invoice series in memory; units of work run one at a time, and a rolled-back one undoes its place. */
final class InMemoryInvoiceSeries implements InvoiceSeries {
    private record Key(TenantId tenant, InvoiceNumber.Series series) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Long> last = new HashMap<>();
    private final Map<Key, String> lastHash = new HashMap<>();

    InMemoryInvoiceSeries(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Place next(TenantId tenant, InvoiceNumber.Series series) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, series);
            long place = last.getOrDefault(key, 0L) + 1;
            tx.put(last, key, place);
            return new Place(series.at(place), lastHash.getOrDefault(key, InvoiceHash.GENESIS));
        });
    }

    @Override
    public long last(TenantId tenant, InvoiceNumber.Series series) {
        return tx.within(() -> tx.visible(tenant) ? last.getOrDefault(new Key(tenant, series), 0L) : 0L);
    }

    /** What issuing at a place records: the hash the series' next invoice chains to. */
    void chain(TenantId tenant, InvoiceNumber.Series series, String hash) {
        tx.put(lastHash, new Key(tenant, series), hash);
    }
}
