package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.StoredInvitation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** A center's invitations, seen through row-level security. */
final class PostgresInvitations implements Invitations {
    private static final String COLUMNS = "tenant_id, id, email, email_index, role, invited_by, created_at,"
            + " expires_at, accepted_at, accepted_by, revoked_at";
    private static final RowMapper<StoredInvitation> INVITATION = (rs, ctx) -> new StoredInvitation(
            new InvitationId(Sql.uuid(rs, "id")), new TenantId(Sql.uuid(rs, "tenant_id")), rs.getBytes("email"),
            new BlindIndex(rs.getString("email_index")), Role.fromWire(rs.getString("role")),
            new UserId(Sql.uuid(rs, "invited_by")), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
            Sql.optionalInstant(rs, "accepted_at"), Optional.ofNullable(Sql.uuid(rs, "accepted_by")).map(UserId::new),
            Sql.optionalInstant(rs, "revoked_at"));

    private final PostgresTransactions tx;

    PostgresInvitations(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredInvitation i) {
        tx.withHandle(Optional.of(i.tenantId()), "add an invitation", h -> h
                .createUpdate("INSERT INTO public.invitations (" + COLUMNS + ") VALUES (:tenant, :id, :email, :index,"
                        + " :role, :by, :created, :expires, :accepted, :acceptedBy, :revoked)")
                .bind("tenant", i.tenantId().value())
                .bind("id", i.id().value())
                .bind("email", i.email())
                .bind("index", i.emailIndex().hex())
                .bind("role", i.role().wireName())
                .bind("by", i.invitedBy().value())
                .bind("created", i.createdAt())
                .bind("expires", i.expiresAt())
                .bindByType("accepted", i.acceptedAt().orElse(null), Instant.class)
                .bind("acceptedBy", i.acceptedBy().map(UserId::value).orElse(null))
                .bindByType("revoked", i.revokedAt().orElse(null), Instant.class)
                .execute());
    }

    @Override
    public Optional<StoredInvitation> byId(TenantId tenant, InvitationId id) {
        return tx.withHandle(Optional.of(tenant), "find an invitation", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.invitations WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(INVITATION)
                .findOne());
    }

    @Override
    public Page<StoredInvitation> pending(TenantId tenant, Instant now, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<StoredInvitation> rows = tx.withHandle(Optional.of(tenant), "list pending invitations", h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM public.invitations WHERE tenant_id = :tenant"
                            + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now"
                            + (after.isPresent() ? " AND (created_at, id) > (:afterAt, :afterId)" : "")
                            + " ORDER BY created_at, id LIMIT :limit")
                    .bind("tenant", tenant.value())
                    .bind("now", now)
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> query.bind("afterAt", c.at()).bind("afterId", c.id()));
            return query.map(INVITATION).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredInvitation> items = rows.subList(0, page.limit());
        StoredInvitation last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    @Override
    public List<InvitationId> revokeOpen(TenantId tenant, BlindIndex emailIndex, Instant at) {
        return tx.withHandle(Optional.of(tenant), "revoke invitations", h -> h
                .createQuery("""
                        UPDATE public.invitations SET revoked_at = :at
                        WHERE tenant_id = :tenant AND email_index = :index
                          AND accepted_at IS NULL AND revoked_at IS NULL
                        RETURNING id""")
                .bind("tenant", tenant.value())
                .bind("index", emailIndex.hex())
                .bind("at", at)
                .mapTo(UUID.class).map(InvitationId::new)
                .list());
    }

    @Override
    public boolean accept(TenantId tenant, InvitationId id, UserId user, Instant at) {
        // One conditional UPDATE: a second acceptance waits for the first's row lock, then finds the
        // row accepted and changes nothing.
        return tx.withHandle(Optional.of(tenant), "accept an invitation", h -> h
                .createUpdate("""
                        UPDATE public.invitations SET accepted_at = :at, accepted_by = :user
                        WHERE tenant_id = :tenant AND id = :id
                          AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :at""")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("user", user.value())
                .bind("at", at)
                .execute()) == 1;
    }
}
