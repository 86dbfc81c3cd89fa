package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The data-subject requests in memory; visible and writable only in their center's unit. */
final class InMemoryPrivacyRequests implements PrivacyRequests {
    private record Key(TenantId tenant, PrivacyRequestId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredPrivacyRequest> requests = new HashMap<>();
    private final Set<TenantId> centers = new LinkedHashSet<>();
    private final Map<Key, Instant> suppressed = new HashMap<>();

    InMemoryPrivacyRequests(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private void put(Key key, StoredPrivacyRequest value) {
        StoredPrivacyRequest previous = requests.put(key, value);
        tx.onRollback(() -> {
            if (previous == null) {
                requests.remove(key);
            } else {
                requests.put(key, previous);
            }
        });
    }

    @Override
    public void add(StoredPrivacyRequest request) {
        tx.within(() -> {
            tx.checkWrite(request.tenant());
            Key key = new Key(request.tenant(), request.id());
            if (requests.containsKey(key)) {
                throw new IllegalStateException("privacy request " + request.id() + " exists");
            }
            put(key, request);
            if (centers.add(request.tenant())) {
                tx.onRollback(() -> centers.remove(request.tenant()));
            }
        });
    }

    @Override
    public Optional<StoredPrivacyRequest> byId(TenantId tenant, PrivacyRequestId id) {
        return tx.within(() -> Optional.ofNullable(requests.get(new Key(tenant, id)))
                .filter(r -> tx.visible(r.tenant())));
    }

    @Override
    public boolean update(StoredPrivacyRequest request, long expectedVersion) {
        return tx.within(() -> {
            Key key = new Key(request.tenant(), request.id());
            StoredPrivacyRequest stored = requests.get(key);
            // As an UPDATE under row-level security: another center's row is not there to change.
            if (stored == null || !tx.visible(stored.tenant()) || stored.version() != expectedVersion) {
                return false;
            }
            put(key, request);
            return true;
        });
    }

    @Override
    public void noteSuppressed(TenantId tenant, PrivacyRequestId objection, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, objection);
            if (requests.containsKey(key) && !suppressed.containsKey(key)) {
                suppressed.put(key, at);
                tx.onRollback(() -> suppressed.remove(key));
            }
        });
    }

    @Override
    public Optional<Instant> suppressedAt(TenantId tenant, PrivacyRequestId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(suppressed.get(new Key(tenant, id)))
                : Optional.<Instant>empty());
    }

    @Override
    public List<StoredPrivacyRequest> ofClient(TenantId tenant, ClientId client) {
        return tx.within(() -> requests.values().stream()
                .filter(r -> r.tenant().equals(tenant) && tx.visible(r.tenant()) && r.client().equals(client))
                .sorted(Comparator.comparing(StoredPrivacyRequest::receivedAt)
                        .thenComparing(r -> r.id().value()))
                .toList());
    }

    @Override
    public Page<StoredPrivacyRequest> list(TenantId tenant, PrivacyRequestFilter filter, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(matching(tenant, filter), StoredPrivacyRequest::receivedAt,
                r -> r.id().value(), page));
    }

    @Override
    public long count(TenantId tenant, PrivacyRequestFilter filter) {
        return tx.within(() -> (long) matching(tenant, filter).size());
    }

    @Override
    public long countOpenAcrossCenters(PrivacyRequestFilter filter) {
        if (!filter.openOnly()) {
            throw new IllegalArgumentException("filter: only open requests are counted across centers");
        }
        // As PostgreSQL's global list of open requests' due times: whatever center is open.
        return tx.within(() -> requests.values().stream()
                .filter(r -> filter.matches(r.dueAt(), r.completedAt().isPresent())).count());
    }

    @Override
    public List<TenantId> centers() {
        return tx.within(() -> new ArrayList<>(centers));
    }

    private List<StoredPrivacyRequest> matching(TenantId tenant, PrivacyRequestFilter filter) {
        return requests.values().stream()
                .filter(r -> r.tenant().equals(tenant) && tx.visible(r.tenant()))
                .filter(r -> filter.matches(r.dueAt(), r.completedAt().isPresent()))
                .toList();
    }
}
