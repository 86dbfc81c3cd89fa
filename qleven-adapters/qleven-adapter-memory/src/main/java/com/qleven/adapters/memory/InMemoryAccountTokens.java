package com.qleven.adapters.memory;

import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.ports.tenancy.out.AccountTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The directory's invitation and reset tokens in memory: global, like the directory schema. */
final class InMemoryAccountTokens implements AccountTokens {
    private final InMemoryTransactions tx;
    private final Map<String, InvitationToken> invitations = new HashMap<>();
    private final Map<String, ResetToken> resets = new HashMap<>();
    private final Map<String, MembershipToken> memberships = new HashMap<>();

    InMemoryAccountTokens(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private <V> void put(Map<String, V> map, String key, V value) {
        V previous = map.put(key, value);
        tx.onRollback(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    private <V> boolean remove(Map<String, V> map, String key) {
        V previous = map.remove(key);
        if (previous != null) {
            tx.onRollback(() -> map.put(key, previous));
        }
        return previous != null;
    }

    /** Housekeeping: forgets the invitation tokens that expired before the cutoff. */
    int forgetInvitationsExpiredBefore(java.time.Instant cutoff, int limit) {
        return tx.within(() -> (int) List.copyOf(invitations.entrySet()).stream()
                .filter(e -> e.getValue().expiresAt().isBefore(cutoff))
                .limit(limit)
                .map(Map.Entry::getKey).toList().stream()
                .filter(k -> remove(invitations, k)).count());
    }

    /** Housekeeping: forgets the links to accept a membership that expired before the cutoff. */
    int forgetMembershipTokensExpiredBefore(java.time.Instant cutoff, int limit) {
        return tx.within(() -> (int) List.copyOf(memberships.entrySet()).stream()
                .filter(e -> e.getValue().expiresAt().isBefore(cutoff))
                .limit(limit)
                .map(Map.Entry::getKey).toList().stream()
                .filter(k -> remove(memberships, k)).count());
    }

    /** Housekeeping: forgets the reset tokens that expired before the cutoff. */
    int forgetResetsExpiredBefore(java.time.Instant cutoff, int limit) {
        return tx.within(() -> (int) List.copyOf(resets.entrySet()).stream()
                .filter(e -> e.getValue().expiresAt().isBefore(cutoff))
                .limit(limit)
                .map(Map.Entry::getKey).toList().stream()
                .filter(k -> remove(resets, k)).count());
    }

    @Override
    public void addMembershipToken(MembershipToken token) {
        tx.within(() -> put(memberships, token.tokenHash(), token));
    }

    @Override
    public Optional<MembershipToken> membershipByTokenHash(String tokenHash) {
        return tx.within(() -> Optional.ofNullable(memberships.get(tokenHash)));
    }

    @Override
    public void removeMembershipTokens(com.qleven.domain.shared.TenantId tenant, UserId account) {
        tx.within(() -> memberships.values().stream()
                .filter(t -> t.tenantId().equals(tenant) && t.userId().equals(account))
                .map(MembershipToken::tokenHash).toList().forEach(hash -> remove(memberships, hash)));
    }

    @Override
    public void addInvitationToken(InvitationToken token) {
        tx.within(() -> {
            if (invitations.containsKey(token.tokenHash()) || invitations.values().stream()
                    .anyMatch(t -> t.invitationId().equals(token.invitationId()))) {
                throw new IllegalStateException("the invitation or its token has a token already");
            }
            put(invitations, token.tokenHash(), token);
        });
    }

    @Override
    public Optional<InvitationToken> invitationByTokenHash(String tokenHash) {
        return tx.within(() -> Optional.ofNullable(invitations.get(tokenHash)));
    }

    @Override
    public void removeInvitationToken(InvitationId invitation) {
        tx.within(() -> invitations.values().stream().filter(t -> t.invitationId().equals(invitation))
                .map(InvitationToken::tokenHash).toList().forEach(hash -> remove(invitations, hash)));
    }

    @Override
    public void addResetToken(ResetToken token) {
        tx.within(() -> {
            if (resets.containsKey(token.tokenHash())) {
                throw new IllegalStateException("the reset token exists");
            }
            put(resets, token.tokenHash(), token);
        });
    }

    @Override
    public Optional<ResetToken> resetByTokenHash(String tokenHash) {
        return tx.within(() -> Optional.ofNullable(resets.get(tokenHash)));
    }

    @Override
    public boolean consumeResetToken(String tokenHash) {
        return tx.within(() -> remove(resets, tokenHash));
    }

    @Override
    public void removeResetTokensOf(UserId account) {
        tx.within(() -> {
            List<String> hashes = resets.values().stream().filter(t -> t.userId().equals(account))
                    .map(ResetToken::tokenHash).toList();
            hashes.forEach(hash -> remove(resets, hash));
        });
    }
}
