package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.util.Collection;
import java.util.Optional;

/**
 * Encryption of personal data fields at rest and keyed blind indexes for looking them up.
 * Implementations use authenticated encryption: {@code associatedData} (the value's place, such as
 * {@code account|email|<id>}) must be the same to decrypt, so a ciphertext moved elsewhere fails.
 */
public interface FieldCipher {

    /** Encrypts under the scope's current data key, creating that key on first use. */
    byte[] encrypt(KeyScope scope, String associatedData, String plaintext);

    /**
     * Creates the first data key of {@code scope} for the unit of work open on the thread, for a
     * scope whose owner was made in this unit (a new client's id): nobody else can know the owner
     * yet, so the key is stored without looking for an existing one or locking the scope, and the
     * unit's next {@link #encrypt} calls for the scope use it. A key made in a unit that rolls back
     * goes with it. Does nothing outside a unit of work or in a cipher without a unit cache, where
     * {@link #encrypt} creates the key on first use as always.
     */
    default void createScope(KeyScope scope) {
    }

    /**
     * Reads, in one go, the data keys of these values (nulls are passed over) for the unit of work
     * open on the thread, so that decrypting a page of values reads the key store once rather than
     * once per value. Does nothing outside a unit of work or in a cipher without a unit cache.
     */
    default void preload(Collection<byte[]> ciphertexts) {
    }

    /**
     * Reads the current keys of these scopes into the unit of work open on the thread, in one go, so
     * that encrypting a value under each of them (a batch of messages to many clients) reads the key
     * store once rather than once per scope. Does nothing outside a unit of work or in a cipher
     * without a unit cache; a scope without a key gets one when first encrypted under, as before.
     */
    default void preloadScopes(Collection<KeyScope> scopes) {
    }

    /** Decrypts a value produced by {@link #encrypt}; the data key's id travels inside it. */
    String decrypt(String associatedData, byte[] ciphertext);

    /**
     * A keyed HMAC of an already normalised value, under a key of its own per index name and
     * center (absent for global indexes such as an account's email).
     */
    BlindIndex blindIndex(String index, Optional<TenantId> tenant, String normalisedValue);
}
