package com.qleven.domain.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator's invitation of a person (by email) to join a center with a role. It can be
 * accepted once, before it expires, unless a newer invitation of the same email replaced it.
 */
public record Invitation(InvitationId id, TenantId tenantId, EmailAddress email, Role role, UserId invitedBy,
                         Instant createdAt, Instant expiresAt, Optional<Instant> acceptedAt,
                         Optional<UserId> acceptedBy, Optional<Instant> revokedAt) {

    /** Where an invitation stands at an instant. */
    public enum Status {
        PENDING, ACCEPTED, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedBy, "acceptedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (!role.isCenterRole()) {
            throw new IllegalArgumentException("operator is not a center role");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation expires after it is made");
        }
        if (acceptedAt.isPresent() != acceptedBy.isPresent()) {
            throw new IllegalArgumentException("an accepted invitation names who accepted it");
        }
        if (acceptedAt.isPresent() && revokedAt.isPresent()) {
            throw new IllegalArgumentException("an invitation is accepted or revoked, not both");
        }
    }

    /** A new invitation, pending until {@code createdAt + lifetime}. */
    public static Invitation issue(InvitationId id, TenantId tenant, EmailAddress email, Role role, UserId by,
                                   Instant now, AccountLifecyclePolicy policy) {
        return new Invitation(id, tenant, email, role, by, now, now.plus(policy.invitationLifetime()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The instant of expiry itself already counts as expired. */
    public Status status(Instant now) {
        if (acceptedAt.isPresent()) {
            return Status.ACCEPTED;
        }
        if (revokedAt.isPresent()) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    @Override
    public String toString() {
        return "Invitation[id=" + id + ", tenant=" + tenantId + ", role=" + role + ", email=redacted]";
    }
}
