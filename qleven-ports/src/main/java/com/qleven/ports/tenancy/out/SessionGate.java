package com.qleven.ports.tenancy.out;

import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.Transactions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a request's unit of work begins: the session token's directory row, which binds the unit to
 * its center (global for an operator's token or an unknown one), then the session and the caller's
 * membership read in that center. Authentication checks what it read and the request's use case runs
 * in the same unit. A store may do all of it in the transaction's first statement; {@link #composed}
 * is the same in three reads, for a store that cannot.
 */
public interface SessionGate {

    /**
     * Opens a unit of work by the token of hash {@code tokenHash} and runs {@code work} in it with
     * what was read (empty when no token has that hash). Must be called with no unit of work open on
     * the thread, or inside a global one.
     */
    <T> T open(String tokenHash, Function<Optional<Opened>, T> work);

    /**
     * What a token leads to: its directory row, the session it names (empty when gone) and, for a
     * center's session, the caller's membership there (empty when gone, and always for an operator).
     */
    record Opened(Directory.SessionToken token, Optional<StoredSession> session, Optional<Membership> membership) {
        public Opened {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(membership, "membership");
        }
    }

    /** The gate over the ports: the token by {@link Transactions#bySessionToken}, then two reads. */
    static SessionGate composed(Transactions transactions, Directory directory, Sessions sessions,
                                Memberships memberships) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(memberships, "memberships");
        return new SessionGate() {
            @Override
            public <T> T open(String tokenHash, Function<Optional<Opened>, T> work) {
                return transactions.bySessionToken(tokenHash, directory, row -> work.apply(row.map(token ->
                        new Opened(token, sessions.byId(token.tenantId(), new SessionId(token.sessionId())),
                                token.tenantId().flatMap(center -> memberships.find(center, token.userId()))))));
            }
        };
    }
}
