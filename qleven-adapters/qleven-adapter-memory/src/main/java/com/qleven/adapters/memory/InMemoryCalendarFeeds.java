package com.qleven.adapters.memory;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Feed tokens' hashes in memory, global as the directory's rows are: one per member. */
final class InMemoryCalendarFeeds implements CalendarFeeds {
    private record Member(TenantId tenant, UserId user) {
    }

    private final InMemoryTransactions tx;
    private final Map<String, FeedToken> byHash = new HashMap<>();
    private final Map<Member, String> hashOf = new HashMap<>();

    InMemoryCalendarFeeds(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void replace(TenantId tenant, UserId member, String tokenHash, Instant at) {
        tx.within(() -> {
            Member key = new Member(tenant, member);
            String previous = hashOf.get(key);
            if (previous != null) {
                tx.remove(byHash, previous);
            }
            tx.put(byHash, tokenHash, new FeedToken(tenant, member, at));
            tx.put(hashOf, key, tokenHash);
        });
    }

    @Override
    public boolean revoke(TenantId tenant, UserId member) {
        return tx.within(() -> {
            Member key = new Member(tenant, member);
            String previous = hashOf.get(key);
            if (previous == null) {
                return false;
            }
            tx.remove(byHash, previous);
            tx.remove(hashOf, key);
            return true;
        });
    }

    @Override
    public Optional<FeedToken> ofMember(TenantId tenant, UserId member) {
        return tx.within(() -> Optional.ofNullable(hashOf.get(new Member(tenant, member))).map(byHash::get));
    }

    @Override
    public Optional<FeedToken> byTokenHash(String tokenHash) {
        return tx.within(() -> Optional.ofNullable(byHash.get(tokenHash)));
    }
}
