package com.qleven.adapters.memory;

import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.out.ConsentNotices;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The centers' notice texts in memory, append-only; visible and writable only in their center's unit. */
final class InMemoryConsentNotices implements ConsentNotices {
    private record Key(TenantId tenant, ConsentPurpose purpose, int version) {
    }

    private static final Comparator<Key> ORDER = Comparator.<Key, String>comparing(k -> k.tenant().value().toString())
            .thenComparing(k -> k.purpose().code()).thenComparingInt(Key::version);

    private final InMemoryTransactions tx;
    private final Map<Key, NoticeText> notices = new TreeMap<>(ORDER);

    InMemoryConsentNotices(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(NoticeText notice) {
        return tx.within(() -> {
            tx.checkWrite(notice.tenant());
            Key key = new Key(notice.tenant(), notice.purpose(), notice.version());
            if (notices.putIfAbsent(key, notice) != null) {
                return false;
            }
            tx.onRollback(() -> notices.remove(key));
            return true;
        });
    }

    @Override
    public Optional<NoticeText> latest(TenantId tenant, ConsentPurpose purpose) {
        return tx.within(() -> tx.visible(tenant)
                ? of(tenant).filter(n -> n.purpose().equals(purpose)).max(Comparator.comparingInt(NoticeText::version))
                : Optional.<NoticeText>empty());
    }

    @Override
    public List<NoticeText> latestOfEach(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant)
                ? of(tenant).collect(Collectors.toMap(NoticeText::purpose, Function.identity(),
                        (a, b) -> a.version() >= b.version() ? a : b)).values().stream()
                        .sorted(Comparator.comparing(n -> n.purpose().code())).toList()
                : List.<NoticeText>of());
    }

    @Override
    public List<NoticeText> versions(TenantId tenant, ConsentPurpose purpose, int beforeVersion, int limit) {
        return tx.within(() -> tx.visible(tenant)
                ? of(tenant).filter(n -> n.purpose().equals(purpose) && n.version() < beforeVersion)
                        .sorted(Comparator.comparingInt(NoticeText::version).reversed()).limit(limit).toList()
                : List.<NoticeText>of());
    }

    private java.util.stream.Stream<NoticeText> of(TenantId tenant) {
        return notices.values().stream().filter(n -> n.tenant().equals(tenant));
    }
}
