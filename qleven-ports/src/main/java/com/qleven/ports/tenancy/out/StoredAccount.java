package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account as stored: its personal fields only as ciphertext ({@code phone} may be null), its
 * password only as a hash.
 */
public record StoredAccount(UserId id, byte[] fullName, byte[] email, byte[] phone, String passwordHash,
                            Instant ageConfirmedAt, boolean operator, Instant createdAt) {
    public StoredAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(ageConfirmedAt, "ageConfirmedAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
