package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.ports.tenancy.out.AccountTokens;
import java.util.Optional;

/** Invitation and password-reset tokens in the directory schema: hashes and ids only. */
final class PostgresAccountTokens implements AccountTokens {
    private final PostgresTransactions tx;

    PostgresAccountTokens(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void addMembershipToken(MembershipToken token) {
        tx.withHandle("add a membership token", h -> h
                .createUpdate("""
                        INSERT INTO directory.membership_tokens (token_hash, tenant_id, user_id, expires_at)
                        VALUES (:hash, :tenant, :user, :expires)""")
                .bind("hash", token.tokenHash())
                .bind("tenant", token.tenantId().value())
                .bind("user", token.userId().value())
                .bind("expires", token.expiresAt())
                .execute());
    }

    @Override
    public Optional<MembershipToken> membershipByTokenHash(String tokenHash) {
        return tx.withHandle("find a membership token", h -> h
                .createQuery("""
                        SELECT token_hash, tenant_id, user_id, expires_at FROM directory.membership_tokens
                        WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new MembershipToken(rs.getString("token_hash"),
                        new TenantId(Sql.uuid(rs, "tenant_id")), new UserId(Sql.uuid(rs, "user_id")),
                        Sql.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public void removeMembershipTokens(TenantId tenant, UserId account) {
        tx.withHandle("remove membership tokens", h -> h
                .createUpdate("DELETE FROM directory.membership_tokens WHERE user_id = :user AND tenant_id = :tenant")
                .bind("user", account.value())
                .bind("tenant", tenant.value())
                .execute());
    }

    @Override
    public void addInvitationToken(InvitationToken token) {
        tx.withHandle("add an invitation token", h -> h
                .createUpdate("""
                        INSERT INTO directory.invitation_tokens (token_hash, invitation_id, tenant_id, expires_at)
                        VALUES (:hash, :invitation, :tenant, :expires)""")
                .bind("hash", token.tokenHash())
                .bind("invitation", token.invitationId().value())
                .bind("tenant", token.tenantId().value())
                .bind("expires", token.expiresAt())
                .execute());
    }

    @Override
    public Optional<InvitationToken> invitationByTokenHash(String tokenHash) {
        return tx.withHandle("find an invitation token", h -> h
                .createQuery("""
                        SELECT token_hash, invitation_id, tenant_id, expires_at FROM directory.invitation_tokens
                        WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new InvitationToken(rs.getString("token_hash"),
                        new InvitationId(Sql.uuid(rs, "invitation_id")), new TenantId(Sql.uuid(rs, "tenant_id")),
                        Sql.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public void removeInvitationToken(InvitationId invitation) {
        tx.withHandle("remove an invitation token", h -> h
                .createUpdate("DELETE FROM directory.invitation_tokens WHERE invitation_id = :invitation")
                .bind("invitation", invitation.value())
                .execute());
    }

    @Override
    public void addResetToken(ResetToken token) {
        tx.withHandle("add a password-reset token", h -> h
                .createUpdate("""
                        INSERT INTO directory.password_reset_tokens (token_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :user, :created, :expires)""")
                .bind("hash", token.tokenHash())
                .bind("user", token.userId().value())
                .bind("created", token.createdAt())
                .bind("expires", token.expiresAt())
                .execute());
    }

    @Override
    public Optional<ResetToken> resetByTokenHash(String tokenHash) {
        return tx.withHandle("find a password-reset token", h -> h
                .createQuery("""
                        SELECT token_hash, user_id, created_at, expires_at FROM directory.password_reset_tokens
                        WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new ResetToken(rs.getString("token_hash"), new UserId(Sql.uuid(rs, "user_id")),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public boolean consumeResetToken(String tokenHash) {
        return tx.withHandle("use a password-reset token", h -> h
                .createUpdate("DELETE FROM directory.password_reset_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute()) == 1;
    }

    @Override
    public void removeResetTokensOf(UserId account) {
        tx.withHandle("remove an account's password-reset tokens", h -> h
                .createUpdate("DELETE FROM directory.password_reset_tokens WHERE user_id = :user")
                .bind("user", account.value())
                .execute());
    }
}
