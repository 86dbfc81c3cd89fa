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

    Optional<UserId> accountByEmail(BlindIndex email);

    /** Claims the email for the account; false when another account holds it already. */
    boolean claimAccountEmail(BlindIndex email, UserId account);

    /** The centers the account is a member of, oldest membership first. */
    List<TenantId> centersOf(UserId account);

    void addMembership(UserId account, TenantId tenant);

    void addSessionToken(SessionToken token);

    Optional<SessionToken> sessionByTokenHash(String tokenHash);

    void removeSessionToken(UUID sessionId);

    /** The account's sessions that still have a token, in every center and on the platform. */
    List<SessionToken> sessionTokensOf(UserId account);
}
