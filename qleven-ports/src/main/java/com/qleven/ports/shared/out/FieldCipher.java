package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/**
 * Encryption of personal data fields at rest and keyed blind indexes for looking them up.
 * Implementations use authenticated encryption: {@code associatedData} (the value's place, such as
 * {@code account|email|<id>}) must be the same to decrypt, so a ciphertext moved elsewhere fails.
 */
public interface FieldCipher {

    /** Encrypts under the scope's current data key, creating that key on first use. */
    byte[] encrypt(KeyScope scope, String associatedData, String plaintext);

    /** Decrypts a value produced by {@link #encrypt}; the data key's id travels inside it. */
    String decrypt(String associatedData, byte[] ciphertext);

    /**
     * A keyed HMAC of an already normalised value, under a key of its own per index name and
     * center (absent for global indexes such as an account's email).
     */
    BlindIndex blindIndex(String index, Optional<TenantId> tenant, String normalisedValue);
}
