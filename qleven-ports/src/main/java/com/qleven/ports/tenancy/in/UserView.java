package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Role;
import java.time.Instant;
import java.util.Optional;

/** An account as one center sees it: its person, its role there and since when. */
public record UserView(UserId id, Optional<TenantId> tenantId, Role role, String fullName, String email,
                       Optional<String> phone, Instant ageConfirmedAt, Instant memberSince, boolean active) {
    @Override
    public String toString() {
        return "UserView[id=" + id + ", role=" + role + "]";
    }
}
