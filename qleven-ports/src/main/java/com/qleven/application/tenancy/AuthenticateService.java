package com.qleven.application.tenancy;

import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.ports.tenancy.out.SessionGate;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the session behind a token through the directory, then checks it in its center, in the
 * same unit of work bound to that center ({@link SessionGate}: a store may read the token, the
 * session and the membership in the unit's first statement): ended, idle for 30 minutes or 12
 * hours old means refused. The role is read from the membership at every request, so a change of
 * role applies at once.
 */
public final class AuthenticateService implements Authenticate {
    private final SessionGate gate;
    private final Directory directory;
    private final Sessions sessions;
    private final Clock clock;
    private final SessionPolicy policy;

    public AuthenticateService(SessionGate gate, Directory directory, Sessions sessions, Clock clock,
                               SessionPolicy policy) {
        this.gate = gate;
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Principal authenticate(String token) {
        return authenticated(token, principal -> principal).orElseThrow(UnauthenticatedException::new);
    }

    /** What the one unit of work of {@link #authenticated} ends with. */
    private sealed interface Outcome<T> {
    }

    private record Refused<T>() implements Outcome<T> {
    }

    private record Done<T>(T result) implements Outcome<T> {
    }

    private record Operator<T>(Principal principal) implements Outcome<T> {
    }

    /**
     * One unit of work: the directory's row for the token, which binds the unit to its center, then the
     * session, the membership, the idle-time refresh when due, and {@code work}. A refusal commits
     * what it wrote (an expired session ended) and runs no work.
     */
    @Override
    public <T> Optional<T> authenticated(String token, Function<Principal, T> work) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Outcome<T> outcome = gate.open(SessionTokens.hash(token),
                row -> {
                    Optional<SessionGate.Opened> found = row.filter(o -> now.isBefore(o.token().absoluteExpiry()));
                    if (found.isEmpty()) {
                        return new Refused<>();
                    }
                    Directory.SessionToken entry = found.get().token();
                    Optional<Principal> principal = check(found.get(), now);
                    if (principal.isEmpty()) {
                        return new Refused<>();
                    }
                    return entry.tenantId().isEmpty() ? new Operator<>(principal.get())
                            : new Done<>(work.apply(principal.get()));
                });
        if (outcome instanceof Done<T> done) {
            return Optional.of(done.result());
        }
        if (outcome instanceof Operator<T> operator) {
            return Optional.of(work.apply(operator.principal()));
        }
        return Optional.empty();
    }

    /** The session behind the directory's row, checked in the unit of work already open. */
    private Optional<Principal> check(SessionGate.Opened opened, Instant now) {
        Directory.SessionToken entry = opened.token();
        SessionId id = new SessionId(entry.sessionId());
        Optional<StoredSession> session = opened.session().filter(s -> s.endedAt().isEmpty());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        StoredSession s = session.get();
        if (!policy.isActive(s.lastSeenAt(), s.absoluteExpiry(), now)) {
            sessions.end(entry.tenantId(), id, policy.expiresAt(s.lastSeenAt(), s.absoluteExpiry()),
                    "expired");
            directory.removeSessionToken(id.value());
            return Optional.empty();
        }
        Optional<Role> role = entry.tenantId().isEmpty()
                ? Optional.of(Role.OPERATOR)
                : opened.membership().filter(m -> m.usable()).map(m -> m.role());
        if (role.isEmpty()) {
            return Optional.empty();
        }
        if (policy.shouldTouch(s.lastSeenAt(), now)) {
            sessions.touch(entry.tenantId(), id, now);
        }
        return Optional.of(new Principal(entry.userId(), entry.tenantId(), role.get(), id));
    }
}
