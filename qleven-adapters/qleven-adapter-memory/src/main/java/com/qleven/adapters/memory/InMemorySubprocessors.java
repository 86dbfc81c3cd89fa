package com.qleven.adapters.memory;

import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.ports.privacy.out.Subprocessors;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sub-processor register in memory, starting with the policy's entries as the migration does. */
final class InMemorySubprocessors implements Subprocessors {
    private final InMemoryTransactions tx;
    private final Map<SubprocessorId, Subprocessor> rows = new HashMap<>();

    InMemorySubprocessors(InMemoryTransactions tx) {
        this.tx = tx;
        SEEDED.forEach(s -> rows.put(s.id(), s));
    }

    private void put(Subprocessor s) {
        Subprocessor previous = rows.put(s.id(), s);
        tx.onRollback(() -> {
            if (previous == null) {
                rows.remove(s.id());
            } else {
                rows.put(s.id(), previous);
            }
        });
    }

    @Override
    public void add(Subprocessor subprocessor) {
        tx.within(() -> {
            if (rows.containsKey(subprocessor.id())) {
                throw new IllegalStateException("sub-processor " + subprocessor.id() + " exists");
            }
            put(subprocessor);
        });
    }

    @Override
    public Optional<Subprocessor> byId(SubprocessorId id) {
        return tx.within(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public void update(Subprocessor subprocessor) {
        tx.within(() -> {
            if (rows.containsKey(subprocessor.id())) {
                put(subprocessor);
            }
        });
    }

    @Override
    public List<Subprocessor> list() {
        return tx.within(() -> rows.values().stream()
                .sorted(Comparator.comparing(Subprocessor::name)
                        .thenComparing(s -> s.id().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }
}
