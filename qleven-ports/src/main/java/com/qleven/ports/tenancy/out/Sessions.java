package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Sign-in sessions: a center's, or (tenant empty) a platform operator's. */
public interface Sessions {

    void add(StoredSession session);

    Optional<StoredSession> byId(Optional<TenantId> tenant, SessionId id);

    void touch(Optional<TenantId> tenant, SessionId id, Instant lastSeenAt);

    /** Ends the session if it has not ended yet; an ended session keeps its first end. */
    void end(Optional<TenantId> tenant, SessionId id, Instant endedAt, String reason);

    /** One account's sessions in the scope, newest first (then by id, descending), a page at a time. */
    com.qleven.domain.shared.Page<StoredSession> listOf(Optional<TenantId> tenant, com.qleven.domain.shared.UserId user,
                                                        com.qleven.domain.shared.PageRequest page);
}
