package com.qleven.ports.shared.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where wrapped data keys are kept. Writes join the unit of work open on the thread, if any. */
public interface DataKeys {

    Optional<WrappedKey> byId(UUID keyId);

    /** The newest key of the scope that has not been shredded. */
    Optional<WrappedKey> current(KeyScope scope);

    /**
     * Stores a new key unless the scope already has one; returns the scope's key either way, so
     * two hosts creating the first key of a scope at once agree on one.
     */
    WrappedKey addIfAbsent(WrappedKey key);

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
