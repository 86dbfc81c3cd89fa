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

    /** A center where an account's membership works now, with the center's name, for sign-in to offer. */
    record CenterChoice(TenantId tenantId, String name) {
        public CenterChoice {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A center the account is in or was asked to join, with the center's name, the directory's
     * pending flag and the membership's details as the directory keeps them in step with the
     * center's row (empty where the directory has not seen that row: the center's own unit of work
     * then tells).
     */
    record MembershipEntry(TenantId tenantId, String centerName, boolean pending, Optional<Details> details) {
        public MembershipEntry {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(centerName, "centerName");
            Objects.requireNonNull(details, "details");
        }
    }

    /** A membership's role (its wire name), creation time and whether the center keeps it active. */
    record Details(String role, Instant since, boolean active) {
        public Details {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(since, "since");
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

    /**
     * The centers where the account's membership works now (agreed to and not deactivated), oldest
     * membership first, with their names: one look-up across centers, for sign-in to choose or offer
     * a center. The directory keeps whether a membership is active and each center's name in step
     * with the center's own rows, in the same transaction; the center's unit of work still has the
     * last word when the session is opened.
     */
    List<CenterChoice> signInChoices(UserId account);

    /**
     * Every center the account is in or asked to join, oldest first, with the center's name and the
     * membership's role, state and time: one look-up across centers, for one's list of memberships.
     */
    List<MembershipEntry> membershipsOf(UserId account);

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
