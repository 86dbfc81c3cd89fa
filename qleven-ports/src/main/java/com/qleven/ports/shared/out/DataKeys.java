package com.qleven.ports.shared.out;

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
}
