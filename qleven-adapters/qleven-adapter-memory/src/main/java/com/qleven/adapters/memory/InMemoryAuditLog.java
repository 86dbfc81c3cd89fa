package com.qleven.adapters.memory;

import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.DueAppend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit chains in memory. Units of work run one at a time, so every append visible to a unit
 * has committed (or is the unit's own) and the head needs no lock of its own; a center's chain is
 * visible and writable in that center's unit only, the platform's in any.
 */
final class InMemoryAuditLog implements AuditLog {
    /** An appended event, and its entry once sealed. */
    private record Stored(long id, AuditEvent event, Optional<AuditEntry> entry) {
    }

    private final InMemoryTransactions tx;
    private final Map<Optional<TenantId>, ChainHead> heads = new HashMap<>();
    /** Each chain's appends by id. */
    private final Map<Optional<TenantId>, TreeMap<Long, Stored>> chains = new HashMap<>();
    /** Each chain's sealed appends by place. */
    private final Map<Optional<TenantId>, TreeMap<Long, Long>> places = new HashMap<>();
    /** The queue of appends to seal: append id to chain. */
    private final TreeMap<Long, Optional<TenantId>> due = new TreeMap<>();
    private final TreeSet<TenantId> centers = new TreeSet<>(
            (a, b) -> InMemoryStore.compareAsPostgres(a.value(), b.value()));
    private long lastId;

    InMemoryAuditLog(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public long append(AuditEvent event) {
        return tx.within(() -> {
            Optional<TenantId> chain = event.tenant();
            chain.ifPresent(tx::checkWrite);
            long id = ++lastId;
            TreeMap<Long, Stored> entries = chains.computeIfAbsent(chain, c -> new TreeMap<>());
            entries.put(id, new Stored(id, event, Optional.empty()));
            due.put(id, chain);
            tx.onRollback(() -> {
                entries.remove(id);
                due.remove(id);
            });
            return id;
        });
    }

    @Override
    public Optional<ChainHead> claimHead(Optional<TenantId> chain) {
        return tx.within(() -> {
            chain.ifPresent(tx::checkWrite);
            ChainHead head = heads.get(chain);
            if (head != null) {
                return Optional.of(head);
            }
            ChainHead empty = ChainHead.empty(chain);
            setHead(chain, empty);
            if (chain.isPresent() && centers.add(chain.get())) {
                tx.onRollback(() -> centers.remove(chain.get()));
            }
            return Optional.of(empty);
        });
    }

    @Override
    public List<DueAppend> due(Optional<TenantId> chain, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.within(() -> {
            if (!visible(chain)) {
                return List.of();
            }
            List<DueAppend> page = new ArrayList<>();
            for (Map.Entry<Long, Optional<TenantId>> d : due.entrySet()) {
                if (page.size() == limit) {
                    break;
                }
                if (d.getValue().equals(chain)) {
                    Stored stored = chains.getOrDefault(chain, new TreeMap<>()).get(d.getKey());
                    page.add(new DueAppend(d.getKey(), Optional.ofNullable(stored).map(Stored::event)));
                }
            }
            return page;
        });
    }

    @Override
    public void seal(long appendId, AuditEntry entry) {
        tx.within(() -> {
            Optional<TenantId> chain = entry.chain();
            chain.ifPresent(tx::checkWrite);
            Stored stored = chains.getOrDefault(chain, new TreeMap<>()).get(appendId);
            if (stored == null || stored.entry().isPresent()) {
                throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " has no unsealed event "
                        + appendId);
            }
            place(chain, new Stored(appendId, stored.event(), Optional.of(entry)), Optional.of(stored));
            undue(appendId);
        });
    }

    @Override
    public void sealLost(long appendId, AuditEntry marker) {
        tx.within(() -> {
            Optional<TenantId> chain = marker.chain();
            chain.ifPresent(tx::checkWrite);
            long id = ++lastId;
            place(chain, new Stored(id, marker.event(), Optional.of(marker)), Optional.empty());
            undue(appendId);
        });
    }

    private void place(Optional<TenantId> chain, Stored sealed, Optional<Stored> before) {
        AuditEntry entry = sealed.entry().orElseThrow();
        TreeMap<Long, Long> byPlace = places.computeIfAbsent(chain, c -> new TreeMap<>());
        if (byPlace.containsKey(entry.seq())) {
            throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " already has entry "
                    + entry.seq());
        }
        TreeMap<Long, Stored> entries = chains.computeIfAbsent(chain, c -> new TreeMap<>());
        entries.put(sealed.id(), sealed);
        byPlace.put(entry.seq(), sealed.id());
        tx.onRollback(() -> {
            byPlace.remove(entry.seq());
            if (before.isPresent()) {
                entries.put(sealed.id(), before.get());
            } else {
                entries.remove(sealed.id());
            }
        });
    }

    private void undue(long appendId) {
        Optional<TenantId> chain = due.remove(appendId);
        if (chain != null) {
            tx.onRollback(() -> due.put(appendId, chain));
        }
    }

    @Override
    public void moveHead(ChainHead head) {
        tx.within(() -> {
            head.chain().ifPresent(tx::checkWrite);
            if (!heads.containsKey(head.chain())) {
                throw new IllegalStateException("audit chain " + ChainHead.name(head.chain()) + " has no head to move");
            }
            setHead(head.chain(), head);
        });
    }

    private void setHead(Optional<TenantId> chain, ChainHead head) {
        ChainHead previous = heads.put(chain, head);
        tx.onRollback(() -> {
            if (previous == null) {
                heads.remove(chain);
            } else {
                heads.put(chain, previous);
            }
        });
    }

    @Override
    public Optional<ChainHead> head(Optional<TenantId> chain) {
        return tx.within(() -> visible(chain) ? Optional.ofNullable(heads.get(chain)) : Optional.empty());
    }

    @Override
    public List<AuditEntry> read(Optional<TenantId> chain, long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.within(() -> {
            TreeMap<Long, Long> byPlace = places.get(chain);
            if (byPlace == null || !visible(chain)) {
                return List.of();
            }
            TreeMap<Long, Stored> entries = chains.get(chain);
            List<AuditEntry> page = new ArrayList<>();
            for (Long id : byPlace.tailMap(afterSeq, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                Stored stored = entries.get(id);
                if (stored != null && stored.entry().isPresent()) {
                    page.add(stored.entry().get());
                }
            }
            return page;
        });
    }

    @Override
    public List<AuditRecord> readNewestFirst(Optional<TenantId> chain, long beforeId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.within(() -> {
            TreeMap<Long, Stored> entries = chains.get(chain);
            if (entries == null || !visible(chain)) {
                return List.of();
            }
            return entries.headMap(beforeId, false).descendingMap().values().stream().limit(limit)
                    .map(s -> new AuditRecord(s.id(), s.entry().map(AuditEntry::seq), s.event()))
                    .toList();
        });
    }

    @Override
    public List<TenantId> centerChains(Optional<TenantId> after, int limit) {
        return tx.within(() -> {
            List<TenantId> page = new ArrayList<>();
            for (TenantId t : after.isPresent() ? centers.tailSet(after.get(), false) : centers) {
                if (page.size() == limit) {
                    break;
                }
                page.add(t);
            }
            return page;
        });
    }

    @Override
    public List<TenantId> centersDue(int limit) {
        return tx.within(() -> {
            Set<TenantId> found = new LinkedHashSet<>();
            for (Optional<TenantId> chain : due.values()) {
                if (found.size() == limit) {
                    break;
                }
                chain.ifPresent(found::add);
            }
            return List.copyOf(found);
        });
    }

    private boolean visible(Optional<TenantId> chain) {
        return chain.map(tx::visible).orElse(true);
    }

    // What someone writing the database directly could do, for the tests that prove it is found.

    AuditEntry stored(Optional<TenantId> chain, long seq) {
        return tx.within(() -> chains.get(chain).get(places.get(chain).get(seq)).entry().orElseThrow());
    }

    void replace(AuditEntry entry) {
        tx.within(() -> {
            long id = places.get(entry.chain()).get(entry.seq());
            chains.get(entry.chain()).put(id, new Stored(id, entry.event(), Optional.of(entry)));
        });
    }

    void remove(Optional<TenantId> chain, long seq) {
        tx.within(() -> {
            Long id = places.get(chain).remove(seq);
            if (id != null) {
                chains.get(chain).remove(id);
            }
        });
    }

    /** Removes an appended event before it was sealed, leaving its due mark behind. */
    void removeUnsealed(Optional<TenantId> chain, long appendId) {
        tx.within(() -> chains.get(chain).remove(appendId));
    }

    void replaceHead(ChainHead head) {
        tx.within(() -> heads.put(head.chain(), head));
    }
}
