package com.qleven.adapters.memory;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.StoredInvoice;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invoices in memory, refusing what the PostgreSQL store refuses: any change to an issued invoice. */
final class InMemoryInvoices implements Invoices {
    private record Key(TenantId tenant, InvoiceId id) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryInvoiceSeries series;
    private final Map<Key, StoredInvoice> rows = new HashMap<>();

    InMemoryInvoices(InMemoryTransactions tx, InMemoryInvoiceSeries series) {
        this.tx = tx;
        this.series = series;
    }

    @Override
    public void add(TenantId tenant, StoredInvoice invoice) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, invoice.id());
            if (rows.containsKey(key) || invoice.status() != InvoiceStatus.DRAFT) {
                throw new IllegalStateException("an invoice is added once, as a draft");
            }
            tx.put(rows, key, copy(invoice, InvoiceStatus.DRAFT, Optional.empty(), invoice.paid(),
                    invoice.credited(), invoice.restricted(), 1));
        });
    }

    @Override
    public Optional<StoredInvoice> byId(TenantId tenant, InvoiceId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id)))
                : Optional.<StoredInvoice>empty());
    }

    @Override
    public boolean updateDraft(TenantId tenant, StoredInvoice invoice, long expectedVersion) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, invoice.id());
            StoredInvoice row = rows.get(key);
            if (row == null || row.status() != InvoiceStatus.DRAFT || row.version() != expectedVersion) {
                return false;
            }
            tx.put(rows, key, new StoredInvoice(row.id(), row.kind(), row.status(), row.client(), row.appointment(),
                    row.basis(), row.currency(), invoice.discount(), invoice.lines(), invoice.net(), invoice.tax(),
                    invoice.gross(), Optional.empty(), row.corrects(), row.paid(), row.credited(), row.restricted(),
                    row.createdAt(), invoice.updatedAt(), expectedVersion + 1));
            return true;
        });
    }

    @Override
    public boolean discardDraft(TenantId tenant, InvoiceId id, long expectedVersion) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, id);
            StoredInvoice row = rows.get(key);
            if (row == null || row.status() != InvoiceStatus.DRAFT || row.version() != expectedVersion) {
                return false;
            }
            tx.remove(rows, key);
            return true;
        });
    }

    @Override
    public boolean issue(TenantId tenant, StoredInvoice invoice, long expectedVersion) {
        StoredInvoice.Issued issued = invoice.issue().orElseThrow(() -> new IllegalArgumentException("not issued"));
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, invoice.id());
            StoredInvoice row = rows.get(key);
            if (row == null || row.status() != InvoiceStatus.DRAFT || row.version() != expectedVersion) {
                return false;
            }
            tx.put(rows, key, new StoredInvoice(row.id(), row.kind(), InvoiceStatus.ISSUED, row.client(),
                    row.appointment(), row.basis(), row.currency(), row.discount(), row.lines(), row.net(), row.tax(),
                    row.gross(), Optional.of(issued), row.corrects(), row.paid(), row.credited(), row.restricted(),
                    row.createdAt(), issued.issuedAt(), expectedVersion + 1));
            series.chain(tenant, issued.number().series(), issued.hash());
            return true;
        });
    }

    @Override
    public boolean settle(TenantId tenant, InvoiceId id, long paid, long credited, long expectedVersion) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, id);
            StoredInvoice row = rows.get(key);
            if (row == null || row.version() != expectedVersion) {
                return false;
            }
            tx.put(rows, key, copy(row, row.status(), row.issue(), row.paid() + paid, row.credited() + credited,
                    row.restricted(), expectedVersion + 1));
            return true;
        });
    }

    @Override
    public Optional<InvoiceId> billing(TenantId tenant, com.qleven.domain.scheduling.AppointmentId appointment) {
        return tx.within(() -> !tx.visible(tenant) ? Optional.<InvoiceId>empty() : rows.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(i -> i.appointment().equals(Optional.of(appointment))
                        && i.kind() != com.qleven.domain.billing.InvoiceKind.CREDIT_NOTE
                        && (i.status() == InvoiceStatus.DRAFT || i.credited() < i.gross()))
                .min(Comparator.comparing(StoredInvoice::createdAt)
                        .thenComparing(i -> i.id().value(), InMemoryStore::compareAsPostgres))
                .map(StoredInvoice::id));
    }

    @Override
    public Page<StoredInvoice> list(TenantId tenant, InvoiceFilter filter, PageRequest page) {
        return tx.within(() -> {
            List<StoredInvoice> mine = !tx.visible(tenant) ? List.of() : rows.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant))
                    .map(Map.Entry::getValue)
                    .filter(i -> filter.client().map(c -> c.equals(i.client())).orElse(true))
                    .filter(i -> filter.status().map(s -> s == i.status()).orElse(true))
                    .toList();
            return InMemoryPages.newestFirst(mine, StoredInvoice::createdAt, i -> i.id().value(), page);
        });
    }

    @Override
    public List<StoredInvoice> series(TenantId tenant, InvoiceNumber.Series of) {
        return tx.within(() -> !tx.visible(tenant) ? List.<StoredInvoice>of() : rows.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(i -> i.issue().map(s -> s.number().series().equals(of)).orElse(false))
                .sorted(Comparator.comparingLong(i -> i.issue().orElseThrow().number().sequence()))
                .toList());
    }

    @Override
    public void restrictOf(TenantId tenant, ClientId client) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            for (Map.Entry<Key, StoredInvoice> e : List.copyOf(rows.entrySet())) {
                StoredInvoice row = e.getValue();
                if (!e.getKey().tenant().equals(tenant) || !row.client().equals(client)) {
                    continue;
                }
                if (row.status() == InvoiceStatus.DRAFT) {
                    tx.remove(rows, e.getKey());
                } else {
                    tx.put(rows, e.getKey(), copy(row, row.status(), row.issue(), row.paid(), row.credited(), true,
                            row.version()));
                }
            }
            return null;
        });
    }

    private static StoredInvoice copy(StoredInvoice row, InvoiceStatus status, Optional<StoredInvoice.Issued> issue,
                                      long paid, long credited, boolean restricted, long version) {
        return new StoredInvoice(row.id(), row.kind(), status, row.client(), row.appointment(), row.basis(),
                row.currency(), row.discount(), row.lines(), row.net(), row.tax(), row.gross(), issue, row.corrects(),
                paid, credited, restricted, row.createdAt(), row.updatedAt(), version);
    }
}
