package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of centers holding an open waitlist offer, in memory: the waitlist tells it of every
 * write that makes, ends or moves an offer, and the center's time is then recomputed from the
 * center's open offers, as PostgreSQL's trigger does.
 */
final class InMemoryWaitlistOffersDue implements WaitlistOffersDue {
    private final InMemoryTransactions tx;
    private final InMemoryWaitlistEntries waitlist;
    private final Map<TenantId, Instant> due = new HashMap<>();

    InMemoryWaitlistOffersDue(InMemoryTransactions tx, InMemoryWaitlistEntries waitlist) {
        this.tx = tx;
        this.waitlist = waitlist;
        waitlist.onOffersChanged(this::refresh);
    }

    @Override
    public List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit) {
        return tx.within(() -> {
            List<TenantId> claimed = due.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(now))
                    .sorted(Map.Entry.<TenantId, Instant>comparingByValue()
                            .thenComparing(e -> e.getKey().value().toString()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            claimed.forEach(t -> tx.put(due, t, leaseUntil));
            return claimed;
        });
    }

    @Override
    public void refresh(TenantId tenant) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Optional<Instant> earliest = waitlist.earliestOfferExpiry(tenant);
            if (earliest.isPresent()) {
                tx.put(due, tenant, earliest.get());
            } else {
                tx.remove(due, tenant);
            }
        });
    }

    @Override
    public Optional<Instant> dueAt(TenantId tenant) {
        return tx.within(() -> Optional.ofNullable(due.get(tenant)));
    }
}
