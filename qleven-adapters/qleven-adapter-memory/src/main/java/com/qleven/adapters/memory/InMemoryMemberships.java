package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Membership;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.TypedMember;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The memberships in memory, with what was typed for a pending one; a unit of work sees only its
 * center's. A membership needs its center, as the foreign key does in PostgreSQL.
 */
final class InMemoryMemberships implements Memberships {
    private final InMemoryTransactions tx;
    private final InMemoryCenters centers;
    private final Map<List<Object>, Membership> memberships = new HashMap<>();
    private final Map<List<Object>, TypedMember> typedMembers = new HashMap<>();

    InMemoryMemberships(InMemoryTransactions tx, InMemoryCenters centers) {
        this.tx = tx;
        this.centers = centers;
    }

    /** The membership whatever center the unit is bound to, as PostgreSQL's global directory mirrors it. */
    Optional<Membership> mirrored(TenantId tenant, UserId user) {
        return Optional.ofNullable(memberships.get(List.of(tenant, user)));
    }

    @Override
    public void add(Membership m) {
        tx.within(() -> {
            tx.checkWrite(m.tenantId());
            List<Object> key = List.of(m.tenantId(), m.userId());
            if (memberships.containsKey(key)) {
                throw new IllegalStateException("membership exists");
            }
            if (!centers.exists(m.tenantId())) {
                throw new IllegalStateException("a membership needs its center");
            }
            tx.put(memberships, key, m);
        });
    }

    @Override
    public Optional<Membership> find(TenantId tenant, UserId user) {
        return tx.within(() -> Optional.ofNullable(memberships.get(List.of(tenant, user)))
                .filter(m -> tx.visible(m.tenantId())));
    }

    @Override
    public List<Membership> among(TenantId tenant, Collection<UserId> users) {
        return tx.within(() -> users.stream().distinct().map(u -> memberships.get(List.of(tenant, u)))
                .filter(Objects::nonNull).filter(m -> tx.visible(m.tenantId())).toList());
    }

    @Override
    public Page<Membership> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> {
            Optional<Cursor> after = page.cursor().map(Cursor::parse);
            List<Membership> sorted = memberships.values().stream()
                    .filter(m -> m.tenantId().equals(tenant) && tx.visible(m.tenantId()))
                    .sorted(Comparator.comparing(Membership::createdAt)
                            .thenComparing(m -> m.userId().value(), InMemoryStore::compareAsPostgres))
                    .filter(m -> after.map(c -> c.before(m)).orElse(true))
                    .toList();
            List<Membership> items = sorted.stream().limit(page.limit()).toList();
            Optional<String> next = sorted.size() > page.limit()
                    ? Optional.of(Cursor.of(items.get(items.size() - 1)))
                    : Optional.empty();
            return new Page<>(items, next);
        });
    }

    @Override
    public void update(Membership m) {
        tx.within(() -> {
            tx.checkWrite(m.tenantId());
            List<Object> key = List.of(m.tenantId(), m.userId());
            Membership stored = memberships.get(key);
            if (stored != null) {
                tx.put(memberships, key, new Membership(stored.tenantId(), stored.userId(), m.role(),
                        stored.createdAt(), m.active(), stored.pending()));
            }
        });
    }

    @Override
    public List<UserId> lockActiveAdministrators(TenantId tenant) {
        return tx.within(() -> memberships.values().stream()
                .filter(m -> m.tenantId().equals(tenant) && tx.visible(m.tenantId()) && m.isActiveAdministrator())
                .map(Membership::userId).toList());
    }

    @Override
    public void addPending(Membership m, TypedMember typed) {
        tx.within(() -> {
            if (!m.pending() || !typed.tenantId().equals(m.tenantId()) || !typed.userId().equals(m.userId())) {
                throw new IllegalStateException("what was typed belongs to its pending membership");
            }
            add(m);
            tx.put(typedMembers, List.of(m.tenantId(), m.userId()), typed);
        });
    }

    @Override
    public List<TypedMember> typed(TenantId tenant, Collection<UserId> users) {
        return tx.within(() -> users.stream().map(u -> typedMembers.get(List.of(tenant, u)))
                .filter(Objects::nonNull).filter(t -> tx.visible(t.tenantId())).toList());
    }

    @Override
    public boolean accept(TenantId tenant, UserId user) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<Object> key = List.of(tenant, user);
            Membership stored = memberships.get(key);
            if (stored == null || !stored.pending()) {
                return false;
            }
            tx.put(memberships, key, stored.accepted());
            tx.remove(typedMembers, key);
            return true;
        });
    }

    @Override
    public boolean removePending(TenantId tenant, UserId user) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<Object> key = List.of(tenant, user);
            Membership stored = memberships.get(key);
            if (stored == null || !stored.pending()) {
                return false;
            }
            tx.remove(memberships, key);
            tx.remove(typedMembers, key);
            return true;
        });
    }

    /** Keyset cursor: the creation time and id of the last item of the page. */
    private record Cursor(Instant createdAt, UUID id) {
        static String of(Membership m) {
            String raw = m.createdAt().toString() + "|" + m.userId().value();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor this list returned");
            }
        }

        boolean before(Membership m) {
            int byTime = m.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && InMemoryStore.compareAsPostgres(m.userId().value(), id) > 0);
        }
    }
}
