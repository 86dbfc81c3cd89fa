package com.qleven.ports.shared.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where wrapped data keys are kept. Writes join the unit of work open on the thread, if any. */
public interface DataKeys {

    Optional<WrappedKey> byId(UUID keyId);

    /** The keys of these ids that exist (a shredded key is absent), in no particular order. */
    default List<WrappedKey> byIds(Collection<UUID> keyIds) {
        return keyIds.stream().distinct().map(this::byId).flatMap(Optional::stream).toList();
    }

    /** The newest key of the scope that has not been shredded. */
    Optional<WrappedKey> current(KeyScope scope);

    /**
     * The newest key of each of these scopes that has one (scopes without are left out); a store
     * reads them in one statement.
     */
    default Map<KeyScope, WrappedKey> currentOf(Collection<KeyScope> scopes) {
        Map<KeyScope, WrappedKey> found = new java.util.HashMap<>();
        for (KeyScope scope : new java.util.LinkedHashSet<>(scopes)) {
            current(scope).ifPresent(k -> found.put(scope, k));
        }
        return found;
    }

    /**
     * Stores a new key unless the scope already has one; returns the scope's key either way, so
     * two hosts creating the first key of a scope at once agree on one.
     */
    WrappedKey addIfAbsent(WrappedKey key);

    /**
     * Stores the first key of a scope whose owner was made in the caller's unit of work, so that no
     * other writer can know the scope yet: no lock and no look-up are needed.
     */
    default WrappedKey addNew(WrappedKey key) {
        return addIfAbsent(key);
    }

    /** Deletes every key of the scope: what they encrypted can no longer be read. */
    void shred(KeyScope scope);

    /**
     * Up to {@code limit} keys wrapped by any master key but {@code masterKeyId}, in increasing order
     * of id after {@code after}: what re-wrapping under a new master key still has to do.
     */
    List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit);

    /**
     * Stores a key's new wrapping, if the key is still wrapped by {@code expectedMasterKeyId}; false
     * when it was re-wrapped or shredded meanwhile.
     */
    boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped);

    /** How many stored keys each master key wraps. */
    Map<String, Long> countByMasterKey();
}
