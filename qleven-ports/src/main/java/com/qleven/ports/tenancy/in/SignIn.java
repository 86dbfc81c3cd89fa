package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Signs in with an email and password and opens a session. */
public interface SignIn {

    /**
     * The opaque bearer token (shown once; only its hash is stored), when the session expires if
     * unused, and the center it acts in (empty for a platform operator).
     */
    record SignInResult(String token, SessionId sessionId, Instant expiresAt, Optional<TenantId> tenantId) {
        @Override
        public String toString() {
            return "SignInResult[sessionId=" + sessionId + ", token=redacted]";
        }
    }

    /**
     * @throws com.qleven.domain.shared.UnauthenticatedException for an unknown email or a wrong
     *         password alike
     * @throws com.qleven.domain.shared.ConflictException for an account in several centers without
     *         a center chosen; its details hold {@code centers}: a list of {@code tenantId} and {@code name}
     * @throws com.qleven.domain.shared.RateLimitedException after too many failures
     */
    SignInResult signIn(SignInCommand command);
}
