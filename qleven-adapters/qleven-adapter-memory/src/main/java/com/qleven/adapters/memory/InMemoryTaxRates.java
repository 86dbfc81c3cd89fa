package com.qleven.adapters.memory;

import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.StoredTaxRate;
import com.qleven.ports.billing.out.TaxRates;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tax rates in memory; visible and writable only in their center's unit. */
final class InMemoryTaxRates implements TaxRates {
    private record Key(TenantId tenant, String code) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredTaxRate> rows = new HashMap<>();

    InMemoryTaxRates(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, TaxRate rate, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, rate.code());
            if (rows.containsKey(key)) {
                throw new ConflictException("the center has a tax rate of this code already",
                        Map.of("field", "code", "code", rate.code()));
            }
            tx.put(rows, key, new StoredTaxRate(rate, at, Optional.empty()));
        });
    }

    @Override
    public void addMissing(TenantId tenant, List<TaxRate> seeds, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            for (TaxRate rate : seeds) {
                Key key = new Key(tenant, rate.code());
                if (!rows.containsKey(key)) {
                    tx.put(rows, key, new StoredTaxRate(rate, at, Optional.empty()));
                }
            }
        });
    }

    @Override
    public List<StoredTaxRate> list(TenantId tenant, boolean includeRetired) {
        return tx.within(() -> !tx.visible(tenant) ? List.<StoredTaxRate>of() : rows.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(r -> includeRetired || !r.retired())
                .sorted(Comparator.comparing(r -> r.rate().code()))
                .toList());
    }

    @Override
    public Optional<StoredTaxRate> byCode(TenantId tenant, String code) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, code)))
                : Optional.<StoredTaxRate>empty());
    }

    @Override
    public boolean retire(TenantId tenant, String code, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, code);
            StoredTaxRate row = rows.get(key);
            if (row == null || row.retired()) {
                return false;
            }
            tx.put(rows, key, new StoredTaxRate(row.rate(), row.createdAt(), Optional.of(at)));
            return true;
        });
    }
}
