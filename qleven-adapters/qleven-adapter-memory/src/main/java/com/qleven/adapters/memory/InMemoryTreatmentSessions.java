package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.devices.out.TreatmentSessions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Treatment sessions in memory, one per appointment. */
final class InMemoryTreatmentSessions implements TreatmentSessions {
    private record Key(TenantId tenant, AppointmentId appointment) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredSession> rows = new LinkedHashMap<>();

    InMemoryTreatmentSessions(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StoredSession> find(TenantId tenant, AppointmentId appointment) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, appointment)))
                : Optional.<StoredSession>empty());
    }

    @Override
    public Optional<StoredSession> runningOn(TenantId tenant, DeviceId device) {
        return tx.within(() -> select(tenant, s -> s.session().device().equals(device) && s.session().running())
                .max(Comparator.comparing(s -> s.session().startedAt())));
    }

    @Override
    public void save(TenantId tenant, StoredSession session) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            tx.put(rows, new Key(tenant, session.session().appointment()), session);
        });
    }

    @Override
    public List<StoredSession> allOfClient(TenantId tenant, ClientId client) {
        return tx.within(() -> select(tenant, s -> s.client().equals(client))
                .sorted(Comparator.comparing((StoredSession s) -> s.session().startedAt())
                        .thenComparing(s -> s.session().appointment().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<StoredSession> gone = select(tenant, s -> s.client().equals(client)).toList();
            gone.forEach(s -> tx.remove(rows, new Key(tenant, s.session().appointment())));
            return gone.size();
        });
    }

    private Stream<StoredSession> select(TenantId tenant, Predicate<StoredSession> filter) {
        if (!tx.visible(tenant)) {
            return Stream.empty();
        }
        return rows.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue)
                .filter(filter);
    }
}
