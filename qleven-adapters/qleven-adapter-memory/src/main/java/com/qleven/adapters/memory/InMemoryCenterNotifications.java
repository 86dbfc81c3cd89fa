package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.StoredNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Per-center notifications in memory; a unit of work sees only its center's. */
final class InMemoryCenterNotifications implements CenterNotifications {
    private final InMemoryTransactions tx;
    private final List<StoredNotification> rows = new ArrayList<>();

    InMemoryCenterNotifications(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredNotification notification) {
        tx.within(() -> {
            tx.checkWrite(notification.tenantId());
            if (rows.stream().anyMatch(n -> n.tenantId().equals(notification.tenantId())
                    && n.id().equals(notification.id()))) {
                throw new IllegalStateException("notification " + notification.id() + " exists");
            }
            rows.add(notification);
            tx.onRollback(() -> rows.remove(notification));
        });
    }

    @Override
    public Page<StoredNotification> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(rows.stream()
                .filter(n -> n.tenantId().equals(tenant) && tx.visible(n.tenantId())).toList(),
                StoredNotification::createdAt, StoredNotification::id, page));
    }

    @Override
    public Optional<Instant> sentAt(TenantId tenant, String kind, UUID subjectId) {
        return tx.within(() -> rows.stream()
                .filter(n -> n.tenantId().equals(tenant) && tx.visible(n.tenantId()) && n.kind().equals(kind)
                        && n.subjectId().equals(subjectId))
                .map(StoredNotification::createdAt).min(Instant::compareTo));
    }

    @Override
    public java.util.Map<UUID, java.util.Map<TenantId, Instant>> sentAtAcrossCenters(String kind,
                                                                                     java.util.Collection<UUID> subjectIds) {
        // As PostgreSQL's global list of notices sent: ids and times, whatever center is open.
        java.util.Set<UUID> wanted = java.util.Set.copyOf(subjectIds);
        return tx.within(() -> {
            java.util.Map<UUID, java.util.Map<TenantId, Instant>> sent = new java.util.HashMap<>();
            rows.stream().filter(n -> n.kind().equals(kind) && wanted.contains(n.subjectId()))
                    .forEach(n -> sent.computeIfAbsent(n.subjectId(), s -> new java.util.HashMap<>())
                            .merge(n.tenantId(), n.createdAt(), (a, b) -> a.isBefore(b) ? a : b));
            return sent;
        });
    }

    @Override
    public java.util.Map<UUID, Instant> sentAt(TenantId tenant, String kind, java.util.Collection<UUID> subjectIds) {
        java.util.Set<UUID> wanted = java.util.Set.copyOf(subjectIds);
        return tx.within(() -> rows.stream()
                .filter(n -> n.tenantId().equals(tenant) && tx.visible(n.tenantId()) && n.kind().equals(kind)
                        && wanted.contains(n.subjectId()))
                .collect(java.util.stream.Collectors.toMap(StoredNotification::subjectId,
                        StoredNotification::createdAt, (a, b) -> a.isBefore(b) ? a : b)));
    }
}
