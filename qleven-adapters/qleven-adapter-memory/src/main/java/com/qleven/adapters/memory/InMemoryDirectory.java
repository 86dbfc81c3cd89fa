package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The global directory in memory: accounts by email hash, who belongs where, and session tokens. */
final class InMemoryDirectory implements Directory {
    private final InMemoryTransactions tx;
    private final Map<BlindIndex, UserId> accountEmails = new HashMap<>();
    private final Map<UserId, List<Placement>> placements = new HashMap<>();
    private final Map<String, SessionToken> sessionTokens = new HashMap<>();

    private final InMemoryCenters centers;
    private final InMemoryMemberships memberships;

    InMemoryDirectory(InMemoryTransactions tx, InMemoryCenters centers, InMemoryMemberships memberships) {
        this.centers = centers;
        this.memberships = memberships;
        this.tx = tx;
    }

    /** Housekeeping: forgets at most {@code limit} session tokens past their absolute expiry before the cutoff. */
    int forgetSessionTokensExpiredBefore(Instant cutoff, int limit) {
        return tx.within(() -> {
            List<String> gone = sessionTokens.entrySet().stream()
                    .filter(e -> e.getValue().absoluteExpiry().isBefore(cutoff))
                    .limit(limit).map(Map.Entry::getKey).toList();
            gone.forEach(k -> tx.remove(sessionTokens, k));
            return gone.size();
        });
    }

    @Override
    public Optional<UserId> accountByEmail(BlindIndex email) {
        return tx.within(() -> Optional.ofNullable(accountEmails.get(email)));
    }

    @Override
    public boolean claimAccountEmail(BlindIndex email, UserId account) {
        return tx.within(() -> {
            UserId holder = accountEmails.get(email);
            if (holder != null) {
                return holder.equals(account);
            }
            tx.put(accountEmails, email, account);
            return true;
        });
    }

    @Override
    public List<TenantId> centersOf(UserId account) {
        return tx.within(() -> placements.getOrDefault(account, List.of()).stream()
                .filter(p -> !p.pending()).map(Placement::tenantId).toList());
    }

    @Override
    public List<Directory.CenterChoice> signInChoices(UserId account) {
        // As PostgreSQL's directory: a membership the center deactivated is left out, one the
        // directory knows without a center row (a bare directory entry) counts as active.
        return tx.within(() -> placements.getOrDefault(account, List.of()).stream()
                .filter(p -> !p.pending())
                .filter(p -> memberships.mirrored(p.tenantId(), account).map(Membership::active).orElse(true))
                .map(p -> new Directory.CenterChoice(p.tenantId(), centers.nameOf(p.tenantId())))
                .toList());
    }

    @Override
    public List<Directory.MembershipEntry> membershipsOf(UserId account) {
        // As PostgreSQL's directory: the center's row as it stands, with the directory's own
        // pending flag; none for a bare directory entry.
        return tx.within(() -> placements.getOrDefault(account, List.of()).stream()
                .map(p -> new Directory.MembershipEntry(p.tenantId(), centers.nameOf(p.tenantId()), p.pending(),
                        memberships.mirrored(p.tenantId(), account)
                                .map(m -> new Directory.Details(m.role().wireName(), m.createdAt(), m.active()))))
                .toList());
    }

    @Override
    public List<Placement> placementsOf(UserId account) {
        return tx.within(() -> List.copyOf(placements.getOrDefault(account, List.of())));
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
        tx.within(() -> {
            List<Placement> held = new ArrayList<>(placements.getOrDefault(account, List.of()));
            if (held.stream().noneMatch(p -> p.tenantId().equals(tenant))) {
                held.add(new Placement(tenant, pending));
                tx.put(placements, account, List.copyOf(held));
            }
        });
    }

    @Override
    public void acceptMembership(UserId account, TenantId tenant) {
        tx.within(() -> tx.put(placements, account, placements.getOrDefault(account, List.of())
                .stream().map(p -> p.tenantId().equals(tenant) ? new Placement(tenant, false) : p)
                .toList()));
    }

    @Override
    public void removeMembership(UserId account, TenantId tenant) {
        tx.within(() -> tx.put(placements, account, placements.getOrDefault(account, List.of())
                .stream().filter(p -> !p.tenantId().equals(tenant)).toList()));
    }

    @Override
    public void addSessionToken(SessionToken token) {
        tx.within(() -> tx.put(sessionTokens, token.tokenHash(), token));
    }

    @Override
    public Optional<SessionToken> sessionByTokenHash(String tokenHash) {
        return tx.within(() -> Optional.ofNullable(sessionTokens.get(tokenHash)));
    }

    @Override
    public void removeSessionToken(UUID sessionId) {
        tx.within(() -> sessionTokens.entrySet().stream()
                .filter(e -> e.getValue().sessionId().equals(sessionId))
                .map(Map.Entry::getKey).toList()
                .forEach(hash -> tx.remove(sessionTokens, hash)));
    }

    @Override
    public List<SessionToken> sessionTokensOf(UserId account) {
        return tx.within(() -> sessionTokens.values().stream().filter(t -> t.userId().equals(account)).toList());
    }
}
