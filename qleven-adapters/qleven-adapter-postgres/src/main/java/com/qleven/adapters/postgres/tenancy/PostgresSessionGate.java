package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.out.SessionGate;
import com.qleven.ports.tenancy.out.StoredSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a request's unit of work in one statement, {@code directory.open_by_session_token} (V23): the
 * token's row binds the transaction to its center, then the session and the membership are read in
 * it under row-level security, in one round trip instead of three. The caller's membership is kept
 * for the rest of the unit ({@link PostgresMemberships#remember}). Inside a unit already open (a
 * global one) it falls back to the three reads.
 */
final class PostgresSessionGate implements SessionGate {
    private final PostgresTransactions tx;
    private final PostgresMemberships memberships;
    private final SessionGate nested;

    PostgresSessionGate(PostgresTransactions tx, PostgresMemberships memberships, SessionGate nested) {
        this.tx = tx;
        this.memberships = memberships;
        this.nested = nested;
    }

    @Override
    public <T> T open(String tokenHash, Function<Optional<Opened>, T> work) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(work, "work");
        if (tx.inUnit()) {
            return nested.open(tokenHash, work);
        }
        return tx.openedBy(handle -> handle.createQuery("SELECT * FROM directory.open_by_session_token(:hash)")
                        .bind("hash", tokenHash)
                        .map((rs, ctx) -> opened(rs))
                        .findOne(),
                opened -> opened.flatMap(o -> o.token().tenantId()),
                opened -> {
                    opened.ifPresent(o -> o.token().tenantId().ifPresent(center ->
                            memberships.remember(center, o.token().userId(), o.membership())));
                    return work.apply(opened);
                });
    }

    private static Opened opened(ResultSet rs) throws SQLException {
        Optional<TenantId> center = Optional.ofNullable(Sql.uuid(rs, "token_tenant_id")).map(TenantId::new);
        UserId user = new UserId(Sql.uuid(rs, "token_user_id"));
        Directory.SessionToken token = new Directory.SessionToken(rs.getString("token_hash"),
                Sql.uuid(rs, "token_session_id"), center, user, Sql.instant(rs, "token_expiry"));
        Optional<StoredSession> session = Sql.uuid(rs, "session_id") == null ? Optional.empty()
                : Optional.of(new StoredSession(new SessionId(Sql.uuid(rs, "session_id")),
                        new UserId(Sql.uuid(rs, "session_user_id")), center, Sql.instant(rs, "session_created"),
                        Sql.instant(rs, "session_last_seen"), Sql.instant(rs, "session_expiry"),
                        Sql.optionalInstant(rs, "session_ended"),
                        Optional.ofNullable(rs.getString("session_end_reason")), rs.getBytes("session_ip"),
                        rs.getBytes("session_agent"), Optional.ofNullable(rs.getString("session_country"))));
        Optional<Membership> membership = center.isEmpty() || rs.getString("member_role") == null ? Optional.empty()
                : Optional.of(new Membership(center.get(), user, Role.fromWire(rs.getString("member_role")),
                        Sql.instant(rs, "member_created"), rs.getBoolean("member_active"),
                        rs.getBoolean("member_pending")));
        return new Opened(token, session, membership);
    }
}
