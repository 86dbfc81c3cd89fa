package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.shared.out.UnitLocal;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.TypedMember;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * A center's memberships. Lists page by keyset on (created_at, user_id), which is the order of
 * PostgreSQL's uuid type: bytewise, as the ids' text sorts.
 */
final class PostgresMemberships implements Memberships {
    private static final RowMapper<Membership> MEMBERSHIP = (rs, ctx) -> new Membership(
            new TenantId(Sql.uuid(rs, "tenant_id")), new UserId(Sql.uuid(rs, "user_id")),
            Role.fromWire(rs.getString("role")), Sql.instant(rs, "created_at"), rs.getBoolean("active"),
            rs.getBoolean("pending"));

    /**
     * The memberships this unit of work has read: a request's authentication reads the caller's, and
     * the use case it joins must not read it again. Any write here forgets them.
     */
    private final UnitLocal<Map<List<UUID>, Optional<Membership>>> read = UnitLocal.withInitial(HashMap::new);
    private final PostgresTransactions tx;

    PostgresMemberships(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Membership membership) {
        forgetRead();
        tx.withHandle(Optional.of(membership.tenantId()), "add a membership", h -> h
                .createUpdate("""
                        INSERT INTO public.memberships (tenant_id, user_id, role, created_at, active, pending)
                        VALUES (:tenant, :user, :role, :created, :active, false)""")
                .bind("tenant", membership.tenantId().value())
                .bind("user", membership.userId().value())
                .bind("role", membership.role().wireName())
                .bind("created", membership.createdAt())
                .bind("active", membership.active())
                .execute());
    }

    @Override
    public Optional<Membership> find(TenantId tenant, UserId user) {
        List<UUID> key = List.of(tenant.value(), user.value());
        Optional<Map<List<UUID>, Optional<Membership>>> unit = tx.unitLocal(read);
        Optional<Membership> known = unit.map(m -> m.get(key)).orElse(null);
        if (known != null) {
            return known;
        }
        Optional<Membership> found = query(tenant, user);
        unit.ifPresent(m -> m.put(key, found));
        return found;
    }

    /**
     * What another statement of this unit read of {@code user}'s membership of {@code tenant} (the
     * statement that opened the unit, for a request's caller), so that the use case does not read it again.
     */
    void remember(TenantId tenant, UserId user, Optional<Membership> found) {
        tx.unitLocal(read).ifPresent(m -> m.put(List.of(tenant.value(), user.value()), found));
    }

    /** A write: what this unit read of memberships may no longer hold. */
    private void forgetRead() {
        tx.unitLocal(read).ifPresent(Map::clear);
    }

    private Optional<Membership> query(TenantId tenant, UserId user) {
        return tx.withHandle(Optional.of(tenant), "find a membership", h -> h
                .createQuery("""
                        SELECT tenant_id, user_id, role, created_at, active, pending FROM public.memberships
                        WHERE tenant_id = :tenant AND user_id = :user""")
                .bind("tenant", tenant.value())
                .bind("user", user.value())
                .map(MEMBERSHIP)
                .findOne());
    }

    @Override
    public List<Membership> among(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return tx.withHandle(Optional.of(tenant), "find memberships among accounts", h -> h
                .createQuery("""
                        SELECT tenant_id, user_id, role, created_at, active, pending FROM public.memberships
                        WHERE tenant_id = :tenant AND user_id = ANY(:users)""")
                .bind("tenant", tenant.value())
                .bindArray("users", java.util.UUID.class, users.stream().map(UserId::value).distinct().toList())
                .map(MEMBERSHIP)
                .list());
    }

    @Override
    public Page<Membership> list(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<Membership> rows = tx.withHandle(Optional.of(tenant), "list memberships", h -> {
            Query query = h.createQuery("SELECT tenant_id, user_id, role, created_at, active, pending FROM public.memberships"
                            + " WHERE tenant_id = :tenant"
                            + (after.isPresent() ? " AND (created_at, user_id) > (:afterAt, :afterUser)" : "")
                            + " ORDER BY created_at, user_id LIMIT :limit")
                    .bind("tenant", tenant.value())
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> query
                    .bind("afterAt", c.at())
                    .bind("afterUser", c.id()));
            return query.map(MEMBERSHIP).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<Membership> items = rows.subList(0, page.limit());
        Membership last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.userId().value()).encode()));
    }

    @Override
    public void update(Membership membership) {
        forgetRead();
        tx.withHandle(Optional.of(membership.tenantId()), "update a membership", h -> h
                .createUpdate("""
                        UPDATE public.memberships SET role = :role, active = :active
                        WHERE tenant_id = :tenant AND user_id = :user""")
                .bind("tenant", membership.tenantId().value())
                .bind("user", membership.userId().value())
                .bind("role", membership.role().wireName())
                .bind("active", membership.active())
                .execute());
    }

    @Override
    public List<UserId> lockActiveAdministrators(TenantId tenant) {
        // Under READ COMMITTED a unit blocked here re-checks the WHERE on the rows it waited for, so
        // it sees an administrator demoted by the unit it waited on as demoted.
        return tx.withHandle(Optional.of(tenant), "lock the active administrators", h -> h
                .createQuery("""
                        SELECT user_id FROM public.memberships
                        WHERE tenant_id = :tenant AND role = 'administrator' AND active AND NOT pending
                        ORDER BY user_id FOR UPDATE""")
                .bind("tenant", tenant.value())
                .mapTo(UUID.class).map(UserId::new)
                .list());
    }

    @Override
    public void addPending(Membership membership, TypedMember typed) {
        forgetRead();
        if (!membership.pending() || !typed.tenantId().equals(membership.tenantId())
                || !typed.userId().equals(membership.userId())) {
            throw new IllegalArgumentException("what was typed belongs to its pending membership");
        }
        tx.withHandle(Optional.of(membership.tenantId()), "add a pending membership", h -> h
                .createUpdate("""
                        INSERT INTO public.memberships (tenant_id, user_id, role, created_at, active, pending,
                                                        typed_full_name, typed_email, typed_phone)
                        VALUES (:tenant, :user, :role, :created, :active, true, :fullName, :email, :phone)""")
                .bind("tenant", membership.tenantId().value())
                .bind("user", membership.userId().value())
                .bind("role", membership.role().wireName())
                .bind("created", membership.createdAt())
                .bind("active", membership.active())
                .bind("fullName", typed.fullName())
                .bind("email", typed.email())
                .bind("phone", typed.phone())
                .execute());
    }

    @Override
    public List<TypedMember> typed(TenantId tenant, Collection<UserId> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return tx.withHandle(Optional.of(tenant), "read what was typed for pending members", h -> h
                .createQuery("""
                        SELECT tenant_id, user_id, typed_full_name, typed_email, typed_phone FROM public.memberships
                        WHERE tenant_id = :tenant AND user_id = ANY(:users) AND pending""")
                .bind("tenant", tenant.value())
                .bindArray("users", UUID.class, users.stream().map(UserId::value).toList())
                .map((rs, ctx) -> new TypedMember(new TenantId(Sql.uuid(rs, "tenant_id")),
                        new UserId(Sql.uuid(rs, "user_id")), rs.getBytes("typed_full_name"),
                        rs.getBytes("typed_email"), rs.getBytes("typed_phone")))
                .list());
    }

    @Override
    public boolean accept(TenantId tenant, UserId user) {
        forgetRead();
        return tx.withHandle(Optional.of(tenant), "accept a pending membership", h -> h
                .createUpdate("""
                        UPDATE public.memberships
                        SET pending = false, typed_full_name = NULL, typed_email = NULL, typed_phone = NULL
                        WHERE tenant_id = :tenant AND user_id = :user AND pending""")
                .bind("tenant", tenant.value())
                .bind("user", user.value())
                .execute()) == 1;
    }

    @Override
    public boolean removePending(TenantId tenant, UserId user) {
        forgetRead();
        return tx.withHandle(Optional.of(tenant), "remove a pending membership", h -> h
                .createUpdate("DELETE FROM public.memberships WHERE tenant_id = :tenant AND user_id = :user AND pending")
                .bind("tenant", tenant.value())
                .bind("user", user.value())
                .execute()) == 1;
    }
}
