package com.qleven.domain.tenancy;

import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acts: an account, the center it acts in (absent for platform operators), its role there,
 * and the sign-in session it acts through. Every use case takes one.
 */
public record Principal(UserId userId, Optional<TenantId> tenantId, Role role, SessionId sessionId) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sessionId, "sessionId");
        if (role == Role.OPERATOR && tenantId.isPresent()) {
            throw new IllegalArgumentException("an operator belongs to no center");
        }
        if (role != Role.OPERATOR && tenantId.isEmpty()) {
            throw new IllegalArgumentException("a center role needs a center");
        }
    }

    /** The center this principal acts in; a platform operator has none and is refused. */
    public TenantId requireTenant() {
        return tenantId.orElseThrow(() -> new ForbiddenException("this action belongs to a center"));
    }
}
