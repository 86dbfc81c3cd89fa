package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory's single-use links: invitation and password-reset tokens, found by the SHA-256 of
 * the token before the center (if any) is known. Holds hashes and ids only. Writes join the unit of
 * work open on the thread.
 */
public interface AccountTokens {

    record InvitationToken(String tokenHash, InvitationId invitationId, TenantId tenantId, Instant expiresAt) {
        public InvitationToken {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    record ResetToken(String tokenHash, UserId userId, Instant createdAt, Instant expiresAt) {
        public ResetToken {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The link that lets an existing account accept a pending membership with its own password. */
    record MembershipToken(String tokenHash, TenantId tenantId, UserId userId, Instant expiresAt) {
        public MembershipToken {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    void addMembershipToken(MembershipToken token);

    Optional<MembershipToken> membershipByTokenHash(String tokenHash);

    /** Deletes the links of the account's membership in the center. */
    void removeMembershipTokens(TenantId tenant, UserId account);

    void addInvitationToken(InvitationToken token);

    Optional<InvitationToken> invitationByTokenHash(String tokenHash);

    void removeInvitationToken(InvitationId invitation);

    void addResetToken(ResetToken token);

    Optional<ResetToken> resetByTokenHash(String tokenHash);

    /** Deletes the token; true when this call deleted it, so a token works once even under a race. */
    boolean consumeResetToken(String tokenHash);

    /** Deletes every reset token of the account: a newer link, or a changed password, voids the older ones. */
    void removeResetTokensOf(UserId account);
}
