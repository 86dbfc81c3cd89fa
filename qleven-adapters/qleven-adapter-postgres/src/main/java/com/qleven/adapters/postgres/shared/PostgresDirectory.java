package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The directory schema: global lookups holding ids and hashes only. */
final class PostgresDirectory implements Directory {
    private final PostgresTransactions tx;

    PostgresDirectory(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<UserId> accountByEmail(BlindIndex email) {
        return tx.withHandle("find an account by email", h -> h
                .createQuery("SELECT user_id FROM directory.account_emails WHERE email_index = :email")
                .bind("email", email.hex())
                .mapTo(UUID.class).map(UserId::new)
                .findOne());
    }

    @Override
    public boolean claimAccountEmail(BlindIndex email, UserId account) {
        return tx.withHandle("claim an account email", h -> {
            // ON CONFLICT keeps the transaction usable: a failed INSERT would abort it.
            int inserted = h.createUpdate("""
                            INSERT INTO directory.account_emails (email_index, user_id) VALUES (:email, :user)
                            ON CONFLICT DO NOTHING""")
                    .bind("email", email.hex())
                    .bind("user", account.value())
                    .execute();
            if (inserted == 1) {
                return true;
            }
            return h.createQuery("SELECT user_id FROM directory.account_emails WHERE email_index = :email")
                    .bind("email", email.hex())
                    .mapTo(UUID.class)
                    .findOne()
                    .filter(account.value()::equals)
                    .isPresent();
        });
    }

    @Override
    public List<TenantId> centersOf(UserId account) {
        return tx.withHandle("list an account's centers", h -> h
                .createQuery("""
                        SELECT tenant_id FROM directory.memberships WHERE user_id = :user AND NOT pending
                        ORDER BY position""")
                .bind("user", account.value())
                .mapTo(UUID.class).map(TenantId::new)
                .list());
    }

    @Override
    public List<CenterChoice> signInChoices(UserId account) {
        return tx.withHandle("list an account's centers to sign in to", h -> h
                .createQuery("""
                        SELECT m.tenant_id, coalesce(c.name, '') AS name FROM directory.memberships m
                        LEFT JOIN directory.center_names c ON c.tenant_id = m.tenant_id
                        WHERE m.user_id = :user AND NOT m.pending AND m.active
                        ORDER BY m.position""")
                .bind("user", account.value())
                .map((rs, ctx) -> new CenterChoice(new TenantId(Sql.uuid(rs, "tenant_id")), rs.getString("name")))
                .list());
    }

    @Override
    public List<MembershipEntry> membershipsOf(UserId account) {
        return tx.withHandle("list an account's memberships", h -> h
                .createQuery("""
                        SELECT m.tenant_id, coalesce(c.name, '') AS name, m.role, m.since, m.active, m.pending
                        FROM directory.memberships m LEFT JOIN directory.center_names c ON c.tenant_id = m.tenant_id
                        WHERE m.user_id = :user ORDER BY m.position""")
                .bind("user", account.value())
                .map((rs, ctx) -> {
                    TenantId tenant = new TenantId(Sql.uuid(rs, "tenant_id"));
                    String role = rs.getString("role");
                    Optional<Instant> since = Sql.optionalInstant(rs, "since");
                    Optional<Details> details = role == null || since.isEmpty() ? Optional.empty()
                            : Optional.of(new Details(role, since.get(), rs.getBoolean("active")));
                    return new MembershipEntry(tenant, rs.getString("name"), rs.getBoolean("pending"), details);
                })
                .list());
    }

    @Override
    public List<Placement> placementsOf(UserId account) {
        return tx.withHandle("list an account's placements", h -> h
                .createQuery("SELECT tenant_id, pending FROM directory.memberships WHERE user_id = :user ORDER BY position")
                .bind("user", account.value())
                .map((rs, ctx) -> new Placement(new TenantId(Sql.uuid(rs, "tenant_id")), rs.getBoolean("pending")))
                .list());
    }

    @Override
    public void addMembership(UserId account, TenantId tenant) {
        place(account, tenant, false);
    }

    @Override
    public void addPendingMembership(UserId account, TenantId tenant) {
        place(account, tenant, true);
    }

    private void place(UserId account, TenantId tenant, boolean pending) {
        tx.withHandle("add a membership to the directory", h -> h
                .createUpdate("""
                        INSERT INTO directory.memberships (user_id, tenant_id, pending) VALUES (:user, :tenant, :pending)
                        ON CONFLICT DO NOTHING""")
                .bind("user", account.value())
                .bind("tenant", tenant.value())
                .bind("pending", pending)
                .execute());
    }

    @Override
    public void acceptMembership(UserId account, TenantId tenant) {
        tx.withHandle("accept a membership in the directory", h -> h
                .createUpdate("UPDATE directory.memberships SET pending = false WHERE user_id = :user AND tenant_id = :tenant")
                .bind("user", account.value())
                .bind("tenant", tenant.value())
                .execute());
    }

    @Override
    public void removeMembership(UserId account, TenantId tenant) {
        tx.withHandle("remove a membership from the directory", h -> h
                .createUpdate("DELETE FROM directory.memberships WHERE user_id = :user AND tenant_id = :tenant")
                .bind("user", account.value())
                .bind("tenant", tenant.value())
                .execute());
    }

    @Override
    public void addSessionToken(SessionToken token) {
        tx.withHandle("add a session token", h -> h
                .createUpdate("""
                        INSERT INTO directory.session_tokens (token_hash, session_id, tenant_id, user_id, absolute_expiry)
                        VALUES (:hash, :session, :tenant, :user, :expiry)""")
                .bind("hash", token.tokenHash())
                .bind("session", token.sessionId())
                .bind("tenant", token.tenantId().map(TenantId::value).orElse(null))
                .bind("user", token.userId().value())
                .bind("expiry", token.absoluteExpiry())
                .execute());
    }

    @Override
    public Optional<SessionToken> sessionByTokenHash(String tokenHash) {
        return tx.withHandle("find a session by token", h -> h
                .createQuery("""
                        SELECT token_hash, session_id, tenant_id, user_id, absolute_expiry
                        FROM directory.session_tokens WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new SessionToken(rs.getString("token_hash"), Sql.uuid(rs, "session_id"),
                        Optional.ofNullable(Sql.uuid(rs, "tenant_id")).map(TenantId::new),
                        new UserId(Sql.uuid(rs, "user_id")), Sql.instant(rs, "absolute_expiry")))
                .findOne());
    }

    @Override
    public void removeSessionToken(UUID sessionId) {
        tx.withHandle("remove a session token", h -> h
                .createUpdate("DELETE FROM directory.session_tokens WHERE session_id = :session")
                .bind("session", sessionId)
                .execute());
    }

    @Override
    public List<SessionToken> sessionTokensOf(UserId account) {
        return tx.withHandle("list an account's session tokens", h -> h
                .createQuery("""
                        SELECT token_hash, session_id, tenant_id, user_id, absolute_expiry
                        FROM directory.session_tokens WHERE user_id = :user ORDER BY session_id""")
                .bind("user", account.value())
                .map((rs, ctx) -> new SessionToken(rs.getString("token_hash"), Sql.uuid(rs, "session_id"),
                        Optional.ofNullable(Sql.uuid(rs, "tenant_id")).map(TenantId::new),
                        new UserId(Sql.uuid(rs, "user_id")), Sql.instant(rs, "absolute_expiry")))
                .list());
    }
}
