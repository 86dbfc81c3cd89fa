package com.qleven.ports.scheduling.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Professionals' calendar-feed links: only a keyed hash of each token (64 lowercase hex digits),
 * in a global row since the feed's URL carries no center. One live link per member. Writes join the
 * unit of work open on the thread.
 */
public interface CalendarFeeds {

    /** Whose feed a token opens. */
    record FeedToken(TenantId tenant, UserId member, Instant createdAt) {
        public FeedToken {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Gives the member a new link; the previous one stops opening anything. */
    void replace(TenantId tenant, UserId member, String tokenHash, Instant at);

    /** Revokes the member's link; false when there is none. */
    boolean revoke(TenantId tenant, UserId member);

    /** The member's live link, if any (its token is not stored, so only whose and since when). */
    Optional<FeedToken> ofMember(TenantId tenant, UserId member);

    /** The feed a token's hash opens; works in a global unit of work. */
    Optional<FeedToken> byTokenHash(String tokenHash);
}
