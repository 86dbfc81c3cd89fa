package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.WaitlistEntries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The waitlist in memory, with every offer made; visible and writable only in its center's unit. */
final class InMemoryWaitlistEntries implements WaitlistEntries {
    private record Key(TenantId tenant, WaitlistEntryId id) {
    }

    /** An offer made, as a row of {@code waitlist_offers}. */
    private record Offered(TenantId tenant, WaitlistEntryId entry, UserId professional, Instant start, Instant end) {
    }

    private static final Comparator<WaitlistEntry> QUEUE = Comparator.comparing(WaitlistEntry::createdAt)
            .thenComparing(e -> e.id().value(), InMemoryStore::compareAsPostgres);

    private final InMemoryTransactions tx;
    private final Map<Key, WaitlistEntry> rows = new HashMap<>();
    private final Map<Offered, Boolean> offers = new HashMap<>();
    /** Told of every write that makes, ends or moves an offer, as PostgreSQL's trigger is. */
    private java.util.function.Consumer<TenantId> offersChanged = tenant -> {
    };

    InMemoryWaitlistEntries(InMemoryTransactions tx) {
        this.tx = tx;
    }

    void onOffersChanged(java.util.function.Consumer<TenantId> listener) {
        this.offersChanged = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** When the earliest of the center's open offers ends, in the center's unit. */
    Optional<Instant> earliestOfferExpiry(TenantId tenant) {
        return visible(tenant).filter(e -> e.status() == WaitlistStatus.OFFERED)
                .map(e -> e.offer().expiresAt()).min(Instant::compareTo);
    }

    private static boolean offered(WaitlistEntry e) {
        return e != null && e.status() == WaitlistStatus.OFFERED;
    }

    private void recordOffer(TenantId tenant, WaitlistEntry e) {
        if (e.offer() != null) {
            FreedSlot slot = e.offer().slot();
            tx.put(offers, new Offered(tenant, e.id(), slot.professional(), slot.start(), slot.end()), Boolean.TRUE);
        }
    }

    @Override
    public void add(TenantId tenant, WaitlistEntry entry) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, entry.id());
            if (rows.containsKey(key)) {
                throw new ConflictException("cannot add a waitlist entry: it conflicts with what is already stored");
            }
            tx.put(rows, key, entry);
            recordOffer(tenant, entry);
            if (offered(entry)) {
                offersChanged.accept(tenant);
            }
        });
    }

    @Override
    public boolean update(TenantId tenant, WaitlistEntry entry) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, entry.id());
            WaitlistEntry stored = rows.get(key);
            if (stored == null) {
                return false;
            }
            WaitlistEntry updated = new WaitlistEntry(stored.id(), stored.client(), stored.service(), stored.from(),
                    stored.to(), stored.professional(), entry.status(), entry.offer(), stored.createdAt(),
                    entry.appointment());
            tx.put(rows, key, updated);
            recordOffer(tenant, entry);
            if (offered(stored) || offered(updated)) {
                offersChanged.accept(tenant);
            }
            return true;
        });
    }

    private Stream<WaitlistEntry> visible(TenantId tenant) {
        return tx.visible(tenant)
                ? rows.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue)
                : Stream.empty();
    }

    @Override
    public Optional<WaitlistEntry> byId(TenantId tenant, WaitlistEntryId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id)))
                : Optional.<WaitlistEntry>empty());
    }

    /** The store's units of work are serial: finding is locking. */
    @Override
    public Optional<WaitlistEntry> lock(TenantId tenant, WaitlistEntryId id) {
        return byId(tenant, id);
    }

    @Override
    public Page<WaitlistEntry> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(visible(tenant).toList(), WaitlistEntry::createdAt,
                e -> e.id().value(), page));
    }

    @Override
    public List<WaitlistEntry> openOf(TenantId tenant, com.qleven.domain.clients.ClientId client) {
        return tx.within(() -> visible(tenant)
                .filter(e -> e.client().equals(client)
                        && (e.status() == WaitlistStatus.WAITING || e.status() == WaitlistStatus.OFFERED))
                .sorted(java.util.Comparator.comparing(WaitlistEntry::createdAt)
                        .thenComparing(e -> e.id().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public Optional<WaitlistEntry> firstFor(TenantId tenant, FreedSlot slot, LocalDate day) {
        return tx.within(() -> visible(tenant)
                .filter(e -> e.status() == WaitlistStatus.WAITING && e.service().equals(slot.service())
                        && !day.isBefore(e.from()) && !day.isAfter(e.to())
                        && (e.professional() == null || e.professional().equals(slot.professional())))
                .filter(e -> !offers.containsKey(new Offered(tenant, e.id(), slot.professional(), slot.start(),
                        slot.end())))
                .min(QUEUE));
    }

    @Override
    public List<WaitlistEntry> lapsedOffers(TenantId tenant, Instant now, int limit) {
        return tx.within(() -> visible(tenant)
                .filter(e -> e.status() == WaitlistStatus.OFFERED && !e.offer().expiresAt().isAfter(now))
                .sorted(Comparator.comparing((WaitlistEntry e) -> e.offer().expiresAt())
                        .thenComparing(e -> e.id().value(), InMemoryStore::compareAsPostgres))
                .limit(limit)
                .toList());
    }
}
