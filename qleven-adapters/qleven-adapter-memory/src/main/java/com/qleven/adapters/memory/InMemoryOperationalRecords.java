package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.OperationalRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Housekeeping in memory: forgets what expired from the repositories that hold it and keeps the
 * queue of centers due for it.
 */
final class InMemoryOperationalRecords implements OperationalRecords {
    private final InMemoryTransactions tx;
    private final InMemoryDirectory directory;
    private final InMemorySessions sessions;
    private final InMemoryAccountTokens accountTokens;
    private final Map<TenantId, Instant> housekeepingDue = new HashMap<>();

    InMemoryOperationalRecords(InMemoryTransactions tx, InMemoryDirectory directory, InMemorySessions sessions,
                               InMemoryAccountTokens accountTokens) {
        this.tx = tx;
        this.directory = directory;
        this.sessions = sessions;
        this.accountTokens = accountTokens;
    }

    @Override
    public int forgetSessionTokensExpiredBefore(Instant cutoff, int limit) {
        return directory.forgetSessionTokensExpiredBefore(cutoff, limit);
    }

    @Override
    public int forgetInvitationTokensExpiredBefore(Instant cutoff, int limit) {
        return accountTokens.forgetInvitationsExpiredBefore(cutoff, limit);
    }

    @Override
    public int forgetMembershipTokensExpiredBefore(Instant cutoff, int limit) {
        return accountTokens.forgetMembershipTokensExpiredBefore(cutoff, limit);
    }

    @Override
    public int forgetResetTokensExpiredBefore(Instant cutoff, int limit) {
        return accountTokens.forgetResetsExpiredBefore(cutoff, limit);
    }

    @Override
    public int forgetSessionsOverBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
        return sessions.forgetOverBefore(tenant, cutoff, limit);
    }

    @Override
    public Optional<Instant> firstSessionOver(TenantId tenant) {
        return sessions.firstOver(tenant);
    }

    @Override
    public void markDue(TenantId tenant, Instant at) {
        tx.within(() -> {
            if (!housekeepingDue.containsKey(tenant)) {
                tx.put(housekeepingDue, tenant, at);
            }
        });
    }

    @Override
    public List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit) {
        return tx.within(() -> {
            List<TenantId> due = housekeepingDue.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(now))
                    .sorted(Map.Entry.comparingByValue())
                    .limit(limit).map(Map.Entry::getKey).toList();
            due.forEach(t -> tx.put(housekeepingDue, t, leaseUntil));
            return due;
        });
    }

    @Override
    public void reschedule(TenantId tenant, Instant at) {
        tx.within(() -> tx.put(housekeepingDue, tenant, at));
    }
}
