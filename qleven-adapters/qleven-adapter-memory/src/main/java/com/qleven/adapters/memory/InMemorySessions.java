package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in sessions in memory: a center's in its unit of work, an operator's (no center) in a
 * global unit only.
 */
final class InMemorySessions implements Sessions {
    private final InMemoryTransactions tx;
    private final Map<SessionKey, StoredSession> sessions = new HashMap<>();

    private record SessionKey(Optional<TenantId> tenant, SessionId id) {
    }

    InMemorySessions(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private static Instant over(StoredSession s) {
        return s.endedAt().filter(e -> e.isBefore(s.absoluteExpiry())).orElse(s.absoluteExpiry());
    }

    /** Housekeeping: forgets at most {@code limit} of the scope's sessions that were over before the cutoff. */
    int forgetOverBefore(Optional<TenantId> tenant, Instant cutoff, int limit) {
        return tx.within(() -> {
            tenant.ifPresent(tx::checkWrite);
            List<SessionKey> gone = sessions.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant) && over(e.getValue()).isBefore(cutoff))
                    .limit(limit).map(Map.Entry::getKey).toList();
            gone.forEach(k -> tx.remove(sessions, k));
            return gone.size();
        });
    }

    /** Housekeeping: when the center's first session is or was over. */
    Optional<Instant> firstOver(TenantId tenant) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            return sessions.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(Optional.of(tenant)))
                    .map(e -> over(e.getValue())).min(Instant::compareTo);
        });
    }

    @Override
    public void add(StoredSession s) {
        tx.within(() -> {
            s.tenantId().ifPresent(tx::checkWrite);
            if (s.tenantId().isEmpty() && tx.tenant().isPresent()) {
                throw new IllegalStateException("an operator session is written in a global unit");
            }
            tx.put(sessions, new SessionKey(s.tenantId(), s.id()), s);
        });
    }

    @Override
    public Optional<StoredSession> byId(Optional<TenantId> tenant, SessionId id) {
        return tx.within(() -> Optional.ofNullable(sessions.get(new SessionKey(tenant, id)))
                .filter(s -> s.tenantId().map(tx::visible).orElse(true)));
    }

    @Override
    public void touch(Optional<TenantId> tenant, SessionId id, Instant lastSeenAt) {
        tx.within(() -> byId(tenant, id).ifPresent(s -> tx.put(sessions, new SessionKey(tenant, id),
                new StoredSession(s.id(), s.userId(), s.tenantId(), s.createdAt(), lastSeenAt,
                        s.absoluteExpiry(), s.endedAt(), s.endReason(), s.ip(), s.userAgent(), s.country()))));
    }

    @Override
    public void end(Optional<TenantId> tenant, SessionId id, Instant endedAt, String reason) {
        tx.within(() -> byId(tenant, id).filter(s -> s.endedAt().isEmpty()).ifPresent(s ->
                tx.put(sessions, new SessionKey(tenant, id),
                        new StoredSession(s.id(), s.userId(), s.tenantId(), s.createdAt(), s.lastSeenAt(),
                                s.absoluteExpiry(), Optional.of(endedAt), Optional.of(reason), s.ip(),
                                s.userAgent(), s.country()))));
    }

    @Override
    public Page<StoredSession> listOf(Optional<TenantId> tenant, UserId user, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(sessions.values().stream()
                .filter(s -> s.tenantId().equals(tenant) && s.userId().equals(user)
                        && s.tenantId().map(tx::visible).orElse(true))
                .toList(), StoredSession::createdAt, s -> s.id().value(), page));
    }
}
