package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.MembershipStatus;
import com.qleven.domain.tenancy.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account as one center sees it: its person, its role there and since when. For a pending
 * membership the person is what the center's administrator typed, and {@code ageConfirmedAt} is
 * when it was typed: the account's own fields stay the person's until they accept.
 */
public record UserView(UserId id, Optional<TenantId> tenantId, Role role, String fullName, String email,
                       Optional<String> phone, Instant ageConfirmedAt, Instant memberSince, boolean active,
                       MembershipStatus status) {
    public UserView {
        Objects.requireNonNull(status, "status");
    }

    /** A view of a membership the person agreed to. */
    public UserView(UserId id, Optional<TenantId> tenantId, Role role, String fullName, String email,
                    Optional<String> phone, Instant ageConfirmedAt, Instant memberSince, boolean active) {
        this(id, tenantId, role, fullName, email, phone, ageConfirmedAt, memberSince, active,
                active ? MembershipStatus.ACTIVE : MembershipStatus.INACTIVE);
    }

    @Override
    public String toString() {
        return "UserView[id=" + id + ", role=" + role + ", status=" + status.wireName() + "]";
    }
}
