package com.qleven.adapters.crypto;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.Comparator;
import java.util.Map;
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
}
