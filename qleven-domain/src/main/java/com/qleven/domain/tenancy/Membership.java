package com.qleven.domain.tenancy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's place in one center, with its role there. An inactive membership is kept (the
 * person's history in the center stays theirs) but lets its account neither sign in to the center
 * nor act in it.
 */
public record Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt, boolean active) {
    public Membership {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!role.isCenterRole()) {
            throw new IllegalArgumentException("operator is not a center role");
        }
    }

    /** A new membership: active. */
    public Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt) {
        this(tenantId, userId, role, createdAt, true);
    }

    public Membership withRole(Role newRole) {
        return new Membership(tenantId, userId, newRole, createdAt, active);
    }

    public Membership withActive(boolean nowActive) {
        return new Membership(tenantId, userId, role, createdAt, nowActive);
    }

    /** True when the membership counts toward the center's administrators who can still act. */
    public boolean isActiveAdministrator() {
        return active && role == Role.ADMINISTRATOR;
    }
}
