package com.qleven.domain.tenancy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/** An account's place in one center, with its role there. */
public record Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt) {
    public Membership {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!role.isCenterRole()) {
            throw new IllegalArgumentException("operator is not a center role");
        }
    }
}
