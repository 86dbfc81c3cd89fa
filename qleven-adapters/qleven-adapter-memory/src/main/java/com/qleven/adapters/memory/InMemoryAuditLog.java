package com.qleven.adapters.memory;

import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The audit chains in memory. Units of work run one at a time, so the head needs no lock of its
 * own; a center's chain is visible and writable in that center's unit only, the platform's in any.
 */
final class InMemoryAuditLog implements AuditLog {
    private final InMemoryTransactions tx;
    private final Map<Optional<TenantId>, ChainHead> heads = new HashMap<>();
    private final Map<Optional<TenantId>, TreeMap<Long, AuditEntry>> chains = new HashMap<>();
    private final TreeSet<TenantId> centers = new TreeSet<>(
            (a, b) -> InMemoryStore.compareAsPostgres(a.value(), b.value()));

    InMemoryAuditLog(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public ChainHead lockHead(Optional<TenantId> chain) {
        return tx.within(() -> {
            chain.ifPresent(tx::checkWrite);
            ChainHead head = heads.get(chain);
            if (head != null) {
                return head;
            }
            ChainHead empty = ChainHead.empty(chain);
            setHead(chain, empty);
            if (chain.isPresent() && centers.add(chain.get())) {
                tx.onRollback(() -> centers.remove(chain.get()));
            }
            return empty;
        });
    }

    @Override
    public void append(AuditEntry entry) {
        tx.within(() -> {
            Optional<TenantId> chain = entry.chain();
            chain.ifPresent(tx::checkWrite);
            TreeMap<Long, AuditEntry> entries = chains.computeIfAbsent(chain, c -> new TreeMap<>());
            if (entries.containsKey(entry.seq())) {
                throw new IllegalStateException("audit chain " + ChainHead.name(chain) + " already has entry "
                        + entry.seq());
            }
            entries.put(entry.seq(), entry);
            tx.onRollback(() -> entries.remove(entry.seq()));
        });
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
        return page(chain, limit, entries -> entries.tailMap(afterSeq, false).values());
    }

    @Override
    public List<AuditEntry> readNewestFirst(Optional<TenantId> chain, long beforeSeq, int limit) {
        return page(chain, limit, entries -> entries.headMap(beforeSeq, false).descendingMap().values());
    }

    private List<AuditEntry> page(Optional<TenantId> chain, int limit,
                                  Function<TreeMap<Long, AuditEntry>, Collection<AuditEntry>> slice) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx.within(() -> {
            TreeMap<Long, AuditEntry> entries = chains.get(chain);
            if (entries == null || !visible(chain)) {
                return List.of();
            }
            return slice.apply(entries).stream().limit(limit).toList();
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

    private boolean visible(Optional<TenantId> chain) {
        return chain.map(tx::visible).orElse(true);
    }

    // What someone writing the database directly could do, for the tests that prove it is found.

    AuditEntry stored(Optional<TenantId> chain, long seq) {
        return tx.within(() -> chains.get(chain).get(seq));
    }

    void replace(AuditEntry entry) {
        tx.within(() -> chains.get(entry.chain()).put(entry.seq(), entry));
    }

    void remove(Optional<TenantId> chain, long seq) {
        tx.within(() -> chains.get(chain).remove(seq));
    }

    void replaceHead(ChainHead head) {
        tx.within(() -> heads.put(head.chain(), head));
    }
}
