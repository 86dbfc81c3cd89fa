package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.ManageLinks;
import java.time.Instant;
import java.util.Optional;

/** Manage links' token hashes in {@code directory.manage_link_tokens}, with appointment and expiry. */
final class PostgresManageLinks implements ManageLinks {
    private final PostgresTransactions tx;

    PostgresManageLinks(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(ManageLink link) {
        tx.withHandle(Optional.of(link.tenant()), "add a manage link", h -> h.createUpdate("""
                        INSERT INTO directory.manage_link_tokens (token_hash, tenant_id, appointment_id, expires_at,
                            created_at)
                        VALUES (:hash, :tenant, :appointment, :expires, :at)""")
                .bind("hash", link.tokenHash())
                .bind("tenant", link.tenant().value())
                .bind("appointment", link.appointment().value())
                .bind("expires", link.expiresAt())
                .bind("at", link.createdAt())
                .execute());
    }

    @Override
    public Optional<ManageLink> byTokenHash(String tokenHash, Instant now) {
        return tx.withHandle("find a manage link", h -> h.createQuery("""
                        SELECT token_hash, tenant_id, appointment_id, expires_at, created_at
                        FROM directory.manage_link_tokens WHERE token_hash = :hash AND expires_at > :now""")
                .bind("hash", tokenHash)
                .bind("now", now)
                .map((rs, ctx) -> new ManageLink(rs.getString("token_hash"), new TenantId(Sql.uuid(rs, "tenant_id")),
                        new AppointmentId(Sql.uuid(rs, "appointment_id")), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public int revokeFor(TenantId tenant, AppointmentId appointment) {
        return tx.withHandle(Optional.of(tenant), "revoke manage links", h -> h.createUpdate("""
                        DELETE FROM directory.manage_link_tokens
                        WHERE tenant_id = :tenant AND appointment_id = :appointment""")
                .bind("tenant", tenant.value())
                .bind("appointment", appointment.value())
                .execute());
    }

    @Override
    public int removeExpired(Instant now, int batch) {
        return tx.withHandle("forget expired manage links", h -> h.createUpdate("""
                        DELETE FROM directory.manage_link_tokens WHERE token_hash IN (
                            SELECT token_hash FROM directory.manage_link_tokens WHERE expires_at <= :now
                            ORDER BY expires_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .bind("now", now)
                .bind("batch", batch)
                .execute());
    }
}
