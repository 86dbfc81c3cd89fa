package com.qleven.adapters.memory;

import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PolicyVersion;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.privacy.out.PolicyVersions;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy versions, notices and acceptances in memory: global, like the accounts. */
final class InMemoryPolicyVersions implements PolicyVersions {
    private record Key(UserId account, String version) {
    }

    private final InMemoryTransactions tx;
    private final Map<String, PolicyVersion> versions = new HashMap<>();
    private final Map<Key, PolicyNotice> notices = new HashMap<>();
    private final Map<Key, Instant> acceptances = new HashMap<>();

    InMemoryPolicyVersions(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(PolicyVersion version) {
        return tx.within(() -> {
            if (versions.putIfAbsent(version.version(), version) != null) {
                return false;
            }
            tx.onRollback(() -> versions.remove(version.version()));
            return true;
        });
    }

    @Override
    public Optional<PolicyVersion> byVersion(String version) {
        return tx.within(() -> Optional.ofNullable(versions.get(version)));
    }

    @Override
    public Optional<PolicyVersion> inEffectAt(Instant at) {
        return tx.within(() -> versions.values().stream().filter(v -> v.inEffect(at))
                .max(Comparator.comparing(PolicyVersion::effectiveAt).thenComparing(PolicyVersion::publishedAt)));
    }

    @Override
    public void notify(PolicyNotice notice) {
        tx.within(() -> {
            if (!versions.containsKey(notice.version())) {
                throw new IllegalStateException("no policy version " + notice.version());
            }
            Key key = new Key(notice.account(), notice.version());
            if (notices.putIfAbsent(key, notice) == null) {
                tx.onRollback(() -> notices.remove(key));
            }
        });
    }

    @Override
    public List<PolicyNotice> unread(UserId account) {
        return tx.within(() -> notices.values().stream()
                .filter(n -> n.account().equals(account))
                .filter(n -> !acceptances.containsKey(new Key(account, n.version())))
                .sorted(Comparator.comparing(PolicyNotice::effectiveAt).thenComparing(PolicyNotice::version).reversed())
                .toList());
    }

    @Override
    public boolean accept(UserId account, String version, Instant at) {
        return tx.within(() -> {
            if (!versions.containsKey(version)) {
                throw new IllegalStateException("no policy version " + version);
            }
            Key key = new Key(account, version);
            if (acceptances.putIfAbsent(key, at) != null) {
                return false;
            }
            tx.onRollback(() -> acceptances.remove(key));
            return true;
        });
    }

    @Override
    public Optional<Instant> acceptedAt(UserId account, String version) {
        return tx.within(() -> Optional.ofNullable(acceptances.get(new Key(account, version))));
    }
}
