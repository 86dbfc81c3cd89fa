package com.qleven.domain.tenancy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's place in one center, with its role there. An inactive membership is kept (the
 * person's history in the center stays theirs) but lets its account neither sign in to the center
 * nor act in it. A pending membership is one a center asked for on an account that already existed:
 * it lets the account do nothing in the center until the person accepts it.
 */
public record Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt, boolean active,
                         boolean pending) {
    public Membership {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!role.isCenterRole()) {
            throw new IllegalArgumentException("operator is not a center role");
        }
    }

    /** A membership the person has agreed to. */
    public Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt, boolean active) {
        this(tenantId, userId, role, createdAt, active, false);
    }

    /** A new membership the person has agreed to: active. */
    public Membership(TenantId tenantId, UserId userId, Role role, Instant createdAt) {
        this(tenantId, userId, role, createdAt, true, false);
    }

    /** A membership a center asks of an existing account: nothing works until the person accepts. */
    public static Membership pending(TenantId tenantId, UserId userId, Role role, Instant createdAt) {
        return new Membership(tenantId, userId, role, createdAt, true, true);
    }

    public Membership withRole(Role newRole) {
        return new Membership(tenantId, userId, newRole, createdAt, active, pending);
    }

    public Membership withActive(boolean nowActive) {
        return new Membership(tenantId, userId, role, createdAt, nowActive, pending);
    }

    /** The membership once the person accepted it. */
    public Membership accepted() {
        return new Membership(tenantId, userId, role, createdAt, active, false);
    }

    /** True when the account may sign in to the center and act in it: agreed to and not deactivated. */
    public boolean usable() {
        return active && !pending;
    }

    /** True when the membership counts toward the center's administrators who can still act. */
    public boolean isActiveAdministrator() {
        return usable() && role == Role.ADMINISTRATOR;
    }
}
