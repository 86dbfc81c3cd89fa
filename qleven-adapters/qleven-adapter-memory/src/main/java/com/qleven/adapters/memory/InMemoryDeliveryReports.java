package com.qleven.adapters.memory;

import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.DeliveryReports;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Delivery reports in memory, one per message, visible only in their center's unit. */
final class InMemoryDeliveryReports implements DeliveryReports {
    private record Key(TenantId tenant, OutboundMessageId message) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, DeliveryReport> rows = new HashMap<>();

    InMemoryDeliveryReports(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<DeliveryReport> find(TenantId tenant, OutboundMessageId message) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, message)))
                : Optional.<DeliveryReport>empty());
    }

    @Override
    public List<DeliveryReport> ofMessages(TenantId tenant, Collection<OutboundMessageId> messages) {
        return tx.within(() -> !tx.visible(tenant) ? List.<DeliveryReport>of()
                : messages.stream().distinct().map(m -> rows.get(new Key(tenant, m))).filter(Objects::nonNull)
                        .sorted(Comparator.comparing(r -> r.message().value(), InMemoryStore::compareAsPostgres))
                        .toList());
    }

    @Override
    public void save(DeliveryReport report) {
        tx.within(() -> {
            tx.checkWrite(report.tenant());
            tx.put(rows, new Key(report.tenant(), report.message()), report);
        });
    }
}
