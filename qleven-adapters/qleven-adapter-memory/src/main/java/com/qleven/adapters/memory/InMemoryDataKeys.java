package com.qleven.adapters.memory;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The wrapped data keys in memory, per scope; shredding a scope forgets its keys for good. */
final class InMemoryDataKeys implements DataKeys {
    private final InMemoryTransactions tx;
    private final Map<UUID, WrappedKey> dataKeys = new HashMap<>();

    InMemoryDataKeys(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<WrappedKey> byId(UUID keyId) {
        return tx.within(() -> Optional.ofNullable(dataKeys.get(keyId)));
    }

    @Override
    public Optional<WrappedKey> current(KeyScope scope) {
        return tx.within(() -> dataKeys.values().stream().filter(k -> k.scope().equals(scope))
                .max(Comparator.comparing(WrappedKey::createdAt)));
    }

    @Override
    public WrappedKey addIfAbsent(WrappedKey key) {
        return tx.within(() -> current(key.scope()).orElseGet(() -> {
            tx.put(dataKeys, key.id(), key);
            return key;
        }));
    }

    @Override
    public void shred(KeyScope scope) {
        tx.within(() -> {
            dataKeys.values().stream().filter(k -> k.scope().equals(scope))
                    .map(WrappedKey::id).toList().forEach(id -> tx.remove(dataKeys, id));
            // A cipher may keep the scope's keys for the rest of the unit: they must not outlive the shred.
            tx.forgetUnitLocals();
        });
    }

    @Override
    public List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit) {
        return tx.within(() -> dataKeys.values().stream()
                .filter(k -> !k.masterKeyId().equals(masterKeyId))
                .filter(k -> after.map(a -> InMemoryStore.compareAsPostgres(k.id(), a) > 0).orElse(true))
                .sorted((a, b) -> InMemoryStore.compareAsPostgres(a.id(), b.id()))
                .limit(limit)
                .toList());
    }

    @Override
    public boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped) {
        return tx.within(() -> {
            WrappedKey k = dataKeys.get(keyId);
            if (k == null || !k.masterKeyId().equals(expectedMasterKeyId)) {
                return false;
            }
            tx.put(dataKeys, keyId, new WrappedKey(k.id(), k.scope(), masterKeyId, wrapped.clone(), k.createdAt()));
            return true;
        });
    }

    @Override
    public Map<String, Long> countByMasterKey() {
        return tx.within(() -> dataKeys.values().stream().collect(
                Collectors.groupingBy(WrappedKey::masterKeyId, TreeMap::new, Collectors.counting())));
    }
}
