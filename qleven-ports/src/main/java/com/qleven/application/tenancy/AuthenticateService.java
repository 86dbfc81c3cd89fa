package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the session behind a token through the directory, then checks it in its center: ended,
 * idle for 30 minutes or 12 hours old means refused. The role is read from the membership at every
 * request, so a change of role applies at once.
 */
public final class AuthenticateService implements Authenticate {
    private final QlevenStore store;
    private final Clock clock;
    private final SessionPolicy policy;

    public AuthenticateService(QlevenStore store, Clock clock, SessionPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Principal authenticate(String token) {
        if (!SessionTokens.wellFormed(token)) {
            throw new UnauthenticatedException();
        }
        Instant now = clock.instant();
        Directory.SessionToken entry = store.transactions()
                .global(() -> store.directory().sessionByTokenHash(SessionTokens.hash(token)))
                .filter(e -> now.isBefore(e.absoluteExpiry()))
                .orElseThrow(UnauthenticatedException::new);
        SessionId id = new SessionId(entry.sessionId());
        Supplier<Optional<Principal>> check = () -> {
            Optional<StoredSession> session = store.sessions().byId(entry.tenantId(), id)
                    .filter(s -> s.endedAt().isEmpty());
            if (session.isEmpty()) {
                return Optional.empty();
            }
            StoredSession s = session.get();
            if (!policy.isActive(s.lastSeenAt(), s.absoluteExpiry(), now)) {
                store.sessions().end(entry.tenantId(), id, policy.expiresAt(s.lastSeenAt(), s.absoluteExpiry()),
                        "expired");
                store.directory().removeSessionToken(id.value());
                return Optional.empty();
            }
            Optional<Role> role = entry.tenantId().isEmpty()
                    ? Optional.of(Role.OPERATOR)
                    : store.memberships().find(entry.tenantId().get(), entry.userId())
                            .filter(m -> m.usable()).map(m -> m.role());
            if (role.isEmpty()) {
                return Optional.empty();
            }
            if (policy.shouldTouch(s.lastSeenAt(), now)) {
                store.sessions().touch(entry.tenantId(), id, now);
            }
            return Optional.of(new Principal(entry.userId(), entry.tenantId(), role.get(), id));
        };
        Optional<Principal> principal = entry.tenantId().isPresent()
                ? store.transactions().inTenant(entry.tenantId().get(), check)
                : store.transactions().global(check);
        return principal.orElseThrow(UnauthenticatedException::new);
    }
}
