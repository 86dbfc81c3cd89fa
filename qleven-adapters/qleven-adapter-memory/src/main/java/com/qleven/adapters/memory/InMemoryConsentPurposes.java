package com.qleven.adapters.memory;

import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.out.ConsentPurposes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The centers' consent purposes in memory; visible and writable only in their center's unit. */
final class InMemoryConsentPurposes implements ConsentPurposes {
    private record Key(TenantId tenant, ConsentPurpose code) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, CenterPurpose> purposes = new HashMap<>();

    InMemoryConsentPurposes(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(CenterPurpose purpose) {
        return tx.within(() -> {
            tx.checkWrite(purpose.tenant());
            Key key = new Key(purpose.tenant(), purpose.purpose());
            if (purposes.putIfAbsent(key, purpose) != null) {
                return false;
            }
            tx.onRollback(() -> purposes.remove(key));
            return true;
        });
    }

    @Override
    public Optional<CenterPurpose> byCode(TenantId tenant, ConsentPurpose code) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(purposes.get(new Key(tenant, code)))
                : Optional.<CenterPurpose>empty());
    }

    @Override
    public List<CenterPurpose> list(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant)
                ? purposes.values().stream().filter(p -> p.tenant().equals(tenant))
                        .sorted(Comparator.comparing(p -> p.purpose().code())).toList()
                : List.<CenterPurpose>of());
    }
}
