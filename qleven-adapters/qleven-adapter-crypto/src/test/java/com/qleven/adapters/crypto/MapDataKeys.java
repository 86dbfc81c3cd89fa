package com.qleven.adapters.crypto;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The smallest DataKeys there is, so the cipher is tested without a store module. */
final class MapDataKeys implements DataKeys {
    final Map<UUID, WrappedKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<WrappedKey> byId(UUID keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public Optional<WrappedKey> current(KeyScope scope) {
        return keys.values().stream().filter(k -> k.scope().equals(scope)).max(Comparator.comparing(WrappedKey::createdAt));
    }

    @Override
    public synchronized WrappedKey addIfAbsent(WrappedKey key) {
        return current(key.scope()).orElseGet(() -> {
            keys.put(key.id(), key);
            return key;
        });
    }

    @Override
    public void shred(KeyScope scope) {
        keys.values().removeIf(k -> k.scope().equals(scope));
    }

    @Override
    public List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit) {
        return keys.values().stream()
                .filter(k -> !k.masterKeyId().equals(masterKeyId))
                .filter(k -> after.map(a -> k.id().toString().compareTo(a.toString()) > 0).orElse(true))
                .sorted(Comparator.comparing(k -> k.id().toString()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped) {
        WrappedKey k = keys.get(keyId);
        if (k == null || !k.masterKeyId().equals(expectedMasterKeyId)) {
            return false;
        }
        keys.put(keyId, new WrappedKey(k.id(), k.scope(), masterKeyId, wrapped.clone(), k.createdAt()));
        return true;
    }

    @Override
    public Map<String, Long> countByMasterKey() {
        return keys.values().stream()
                .collect(Collectors.groupingBy(WrappedKey::masterKeyId, TreeMap::new, Collectors.counting()));
    }
}
