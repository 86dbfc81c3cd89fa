package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The narrow global lookups that must find a center before the center is known. Holds only ids,
 * hashes and center ids: never personal data in plain text. Writes join the unit of work open on
 * the thread.
 */
public interface Directory {

    /** A sign-in session's token, by the SHA-256 of the token; {@code tenantId} is empty for operators. */
    record SessionToken(String tokenHash, UUID sessionId, Optional<TenantId> tenantId, UserId userId,
                        Instant absoluteExpiry) {
        public SessionToken {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
        }
    }

    /** An account's place in a center as the directory knows it: agreed to, or still pending. */
    record Placement(TenantId tenantId, boolean pending) {
        public Placement {
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    Optional<UserId> accountByEmail(BlindIndex email);

    /** Claims the email for the account; false when another account holds it already. */
    boolean claimAccountEmail(BlindIndex email, UserId account);

    /**
     * The centers the account agreed to be a member of, oldest membership first: never one still
     * pending (whether the membership is active is the center's to tell).
     */
    List<TenantId> centersOf(UserId account);

    /** Every center the account is in or asked to join, oldest first. */
    List<Placement> placementsOf(UserId account);

    /** Adds a membership the person agreed to. */
    void addMembership(UserId account, TenantId tenant);

    /** Adds a membership a center asks of the account, pending until the person accepts. */
    void addPendingMembership(UserId account, TenantId tenant);

    /** Marks the pending membership agreed to. */
    void acceptMembership(UserId account, TenantId tenant);

    /** Removes the membership (a declined one). */
    void removeMembership(UserId account, TenantId tenant);

    void addSessionToken(SessionToken token);

    Optional<SessionToken> sessionByTokenHash(String tokenHash);

    void removeSessionToken(UUID sessionId);

    /** The account's sessions that still have a token, in every center and on the platform. */
    List<SessionToken> sessionTokensOf(UserId account);
}
