package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation as stored: the email only as ciphertext and as a blind index of the center (to
 * find the earlier invitations of the same person).
 */
public record StoredInvitation(InvitationId id, TenantId tenantId, byte[] email, BlindIndex emailIndex, Role role,
                               UserId invitedBy, Instant createdAt, Instant expiresAt, Optional<Instant> acceptedAt,
                               Optional<UserId> acceptedBy, Optional<Instant> revokedAt) {
    public StoredInvitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailIndex, "emailIndex");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
