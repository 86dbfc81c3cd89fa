package com.qleven.adapters.memory;

import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.privacy.out.StoredIncident;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The platform's incident register in memory: global, like the accounts. */
final class InMemoryIncidents implements Incidents {
    private final InMemoryTransactions tx;
    private final Map<IncidentId, StoredIncident> rows = new HashMap<>();

    InMemoryIncidents(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredIncident incident) {
        tx.within(() -> {
            if (rows.containsKey(incident.id())) {
                throw new IllegalStateException("incident " + incident.id() + " exists");
            }
            rows.put(incident.id(), incident);
            tx.onRollback(() -> rows.remove(incident.id()));
        });
    }

    @Override
    public Optional<StoredIncident> byId(IncidentId id) {
        return tx.within(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public Page<StoredIncident> list(PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(rows.values().stream().toList(), StoredIncident::detectedAt,
                i -> i.id().value(), page));
    }

    @Override
    public Page<StoredIncident> listAffecting(TenantId center, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(rows.values().stream()
                .filter(i -> i.centers().contains(center)).toList(), StoredIncident::detectedAt, i -> i.id().value(),
                page));
    }
}
