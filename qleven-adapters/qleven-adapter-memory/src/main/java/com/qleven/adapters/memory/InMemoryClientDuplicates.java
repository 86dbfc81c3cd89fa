package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.clients.out.ClientDuplicates;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Possible-duplicate flags in memory; visible and writable only in their center's unit. */
final class InMemoryClientDuplicates implements ClientDuplicates {
    private record Key(TenantId tenant, ClientDuplicateId id) {
    }

    private static final Comparator<Flag> OLDEST_FIRST = Comparator.comparing(Flag::flaggedAt)
            .thenComparing(f -> f.id().value(), InMemoryStore::compareAsPostgres);

    private final InMemoryTransactions tx;
    private final Map<Key, Flag> rows = new HashMap<>();

    InMemoryClientDuplicates(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private Stream<Flag> visible(TenantId tenant) {
        return tx.visible(tenant)
                ? rows.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue)
                : Stream.empty();
    }

    @Override
    public void addAll(TenantId tenant, List<Flag> flags) {
        tx.within(() -> {
            if (flags.isEmpty()) {
                return;
            }
            tx.checkWrite(tenant);
            // As the table's keys: a new id, and one flag per pair.
            Set<List<ClientId>> pairs = new HashSet<>();
            visible(tenant).forEach(f -> pairs.add(List.of(f.client(), f.other())));
            for (Flag flag : flags) {
                if (rows.containsKey(new Key(tenant, flag.id())) || !pairs.add(List.of(flag.client(), flag.other()))) {
                    throw new ConflictException("cannot add a possible-duplicate flag: it conflicts with what is"
                            + " already stored");
                }
            }
            flags.forEach(flag -> tx.put(rows, new Key(tenant, flag.id()), flag));
        });
    }

    @Override
    public Page<Flag> open(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(visible(tenant).filter(Flag::isOpen).toList(),
                Flag::flaggedAt, f -> f.id().value(), page));
    }

    @Override
    public Dismissal dismiss(TenantId tenant, ClientDuplicateId id, UserId by, Instant at) {
        return tx.within(() -> {
            if (!tx.visible(tenant)) {
                return Dismissal.NOT_FOUND;
            }
            Key key = new Key(tenant, id);
            Flag flag = rows.get(key);
            if (flag == null) {
                return Dismissal.NOT_FOUND;
            }
            if (!flag.isOpen()) {
                return Dismissal.ALREADY_DISMISSED;
            }
            tx.checkWrite(tenant);
            tx.put(rows, key, new Flag(flag.id(), flag.client(), flag.other(), flag.matchedOn(), flag.source(),
                    flag.appointment(), flag.flaggedAt(), Optional.of(at), Optional.of(by)));
            return Dismissal.DISMISSED;
        });
    }

    @Override
    public List<Flag> naming(TenantId tenant, ClientId client) {
        return tx.within(() -> visible(tenant)
                .filter(f -> f.client().equals(client) || f.other().equals(client))
                .sorted(OLDEST_FIRST)
                .toList());
    }

    @Override
    public void removeNaming(TenantId tenant, ClientId client) {
        // As a DELETE under row-level security: another center's rows are not seen, so not removed.
        tx.within(() -> {
            visible(tenant).filter(f -> f.client().equals(client) || f.other().equals(client))
                    .map(f -> new Key(tenant, f.id())).toList()
                    .forEach(key -> tx.remove(rows, key));
        });
    }
}
