package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Invitation;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Role;
import java.time.Instant;

/** An invitation as its center's administrators see it. The token is never part of it. */
public record InvitationView(InvitationId id, TenantId tenantId, String email, Role role, UserId invitedBy,
                             Instant createdAt, Instant expiresAt, Invitation.Status status) {
    @Override
    public String toString() {
        return "InvitationView[id=" + id + ", role=" + role + ", status=" + status + "]";
    }
}
