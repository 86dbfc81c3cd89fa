package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.StoredInvitation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations in memory, visible and writable only in their center's unit of work. */
final class InMemoryInvitations implements Invitations {
    private record Key(TenantId tenant, InvitationId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredInvitation> rows = new HashMap<>();

    InMemoryInvitations(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private void put(StoredInvitation row) {
        Key key = new Key(row.tenantId(), row.id());
        StoredInvitation previous = rows.put(key, row);
        tx.onRollback(() -> {
            if (previous == null) {
                rows.remove(key);
            } else {
                rows.put(key, previous);
            }
        });
    }

    private static boolean open(StoredInvitation i) {
        return i.acceptedAt().isEmpty() && i.revokedAt().isEmpty();
    }

    @Override
    public void add(StoredInvitation invitation) {
        tx.within(() -> {
            tx.checkWrite(invitation.tenantId());
            if (rows.containsKey(new Key(invitation.tenantId(), invitation.id()))) {
                throw new IllegalStateException("invitation " + invitation.id() + " exists");
            }
            put(invitation);
        });
    }

    @Override
    public Optional<StoredInvitation> byId(TenantId tenant, InvitationId id) {
        return tx.within(() -> Optional.ofNullable(rows.get(new Key(tenant, id))).filter(i -> tx.visible(i.tenantId())));
    }

    @Override
    public Page<StoredInvitation> pending(TenantId tenant, Instant now, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(rows.values().stream()
                .filter(i -> i.tenantId().equals(tenant) && tx.visible(i.tenantId()) && open(i)
                        && i.expiresAt().isAfter(now))
                .toList(), StoredInvitation::createdAt, i -> i.id().value(), page));
    }

    @Override
    public List<InvitationId> revokeOpen(TenantId tenant, BlindIndex emailIndex, Instant at) {
        // Another center's rows are invisible, as under row-level security: nothing to revoke.
        return tx.within(() -> {
            List<StoredInvitation> open = rows.values().stream()
                    .filter(i -> i.tenantId().equals(tenant) && tx.visible(i.tenantId())
                            && i.emailIndex().equals(emailIndex) && open(i))
                    .toList();
            open.forEach(i -> put(new StoredInvitation(i.id(), i.tenantId(), i.email(), i.emailIndex(), i.role(),
                    i.invitedBy(), i.createdAt(), i.expiresAt(), i.acceptedAt(), i.acceptedBy(), Optional.of(at))));
            return open.stream().map(StoredInvitation::id).toList();
        });
    }

    @Override
    public boolean accept(TenantId tenant, InvitationId id, UserId user, Instant at) {
        return tx.within(() -> {
            StoredInvitation i = rows.get(new Key(tenant, id));
            if (i == null || !tx.visible(i.tenantId()) || !open(i) || !i.expiresAt().isAfter(at)) {
                return false;
            }
            put(new StoredInvitation(i.id(), i.tenantId(), i.email(), i.emailIndex(), i.role(), i.invitedBy(),
                    i.createdAt(), i.expiresAt(), Optional.of(at), Optional.of(user), i.revokedAt()));
            return true;
        });
    }
}
