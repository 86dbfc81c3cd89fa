package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.util.Objects;

/**
 * What a center's administrator typed when adding a person whose email already had an account,
 * kept as ciphertext ({@code phone} may be null) while the membership is pending: the center sees
 * this, never the account's own fields, until the person accepts.
 */
public record TypedMember(TenantId tenantId, UserId userId, byte[] fullName, byte[] email, byte[] phone) {
    public TypedMember {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
    }
}
