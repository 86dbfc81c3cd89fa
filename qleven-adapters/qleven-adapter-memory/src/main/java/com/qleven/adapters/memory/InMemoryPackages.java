package com.qleven.adapters.memory;

import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.PackageRedemption;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.PrepaidPackage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packages in memory. Units of work run one at a time here, so a read "held for the unit" needs no
 * lock of its own; the balance is refused below zero as PostgreSQL's CHECK refuses it.
 */
final class InMemoryPackages implements Packages {
    private record Key<I>(TenantId tenant, I id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key<PackageId>, PrepaidPackage> offers = new HashMap<>();
    private final Map<Key<ClientPackageId>, ClientPackage> sold = new HashMap<>();
    private final Map<Key<java.util.UUID>, Redemption> redemptions = new HashMap<>();

    private record Redemption(TenantId tenant, ClientId client, PackageRedemption redemption) {
    }

    InMemoryPackages(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, PrepaidPackage offer) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key<PackageId> key = new Key<>(tenant, offer.id());
            if (offers.containsKey(key)) {
                throw new IllegalStateException("a package is added once");
            }
            tx.put(offers, key, offer);
        });
    }

    @Override
    public Optional<PrepaidPackage> byId(TenantId tenant, PackageId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(offers.get(new Key<>(tenant, id)))
                : Optional.<PrepaidPackage>empty());
    }

    @Override
    public Page<PrepaidPackage> list(TenantId tenant, boolean includeRetired, PageRequest page) {
        return tx.within(() -> {
            List<PrepaidPackage> mine = !tx.visible(tenant) ? List.of() : offers.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant))
                    .map(Map.Entry::getValue)
                    .filter(p -> includeRetired || !p.retired())
                    .toList();
            return InMemoryPages.oldestFirst(mine, PrepaidPackage::createdAt, p -> p.id().value(), page);
        });
    }

    @Override
    public boolean retire(TenantId tenant, PackageId id, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key<PackageId> key = new Key<>(tenant, id);
            PrepaidPackage p = offers.get(key);
            if (p == null || p.retired()) {
                return false;
            }
            tx.put(offers, key, new PrepaidPackage(p.id(), p.name(), p.services(), p.entitlement(), p.price(),
                    p.validityDays(), p.taxRate(), p.createdAt(), Optional.of(at)));
            return true;
        });
    }

    @Override
    public void sell(TenantId tenant, ClientPackage held) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key<ClientPackageId> key = new Key<>(tenant, held.id());
            if (sold.containsKey(key) || !offers.containsKey(new Key<>(tenant, held.packageId()))) {
                throw new IllegalStateException("a client package is added once, of a package of its center");
            }
            tx.put(sold, key, held);
        });
    }

    @Override
    public Optional<ClientPackage> lock(TenantId tenant, ClientPackageId id) {
        return clientPackage(tenant, id);
    }

    @Override
    public Optional<ClientPackage> clientPackage(TenantId tenant, ClientPackageId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(sold.get(new Key<>(tenant, id)))
                : Optional.<ClientPackage>empty());
    }

    @Override
    public Page<ClientPackage> ofClient(TenantId tenant, ClientId client, PageRequest page) {
        return tx.within(() -> {
            List<ClientPackage> mine = !tx.visible(tenant) ? List.of() : sold.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant))
                    .map(Map.Entry::getValue)
                    .filter(p -> p.client().equals(client))
                    .toList();
            return InMemoryPages.oldestFirst(mine, ClientPackage::soldAt, p -> p.id().value(), page);
        });
    }

    @Override
    public List<ClientPackage> redeemable(TenantId tenant, ClientId client, ServiceId service, LocalDate day) {
        return tx.within(() -> !tx.visible(tenant) ? List.<ClientPackage>of() : sold.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(p -> p.client().equals(client) && p.validOn(day) && p.remaining().units() > 0)
                .filter(p -> !(p.total() instanceof Entitlement.Allowance))
                .filter(p -> offers.get(new Key<>(tenant, p.packageId())).covers(service))
                .sorted(Comparator.comparing(ClientPackage::expiresOn).thenComparing(ClientPackage::soldAt)
                        .thenComparing(p -> p.id().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public boolean update(TenantId tenant, ClientPackage next) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key<ClientPackageId> key = new Key<>(tenant, next.id());
            ClientPackage row = sold.get(key);
            if (row == null || row.refund().isPresent()) {
                return false;
            }
            if (next.remaining().units() < 0) {
                throw new IllegalStateException("a package's balance never goes below zero");
            }
            tx.put(sold, key, next);
            return true;
        });
    }

    @Override
    public void addRedemption(TenantId tenant, PackageRedemption redemption) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            ClientPackage held = sold.get(new Key<>(tenant, redemption.clientPackage()));
            if (held == null) {
                throw new IllegalStateException("a redemption is of a client package of its center");
            }
            tx.put(redemptions, new Key<>(tenant, redemption.id()), new Redemption(tenant, held.client(), redemption));
        });
    }

    @Override
    public List<PackageRedemption> redemptionsOf(TenantId tenant, ClientId client) {
        return tx.within(() -> !tx.visible(tenant) ? List.<PackageRedemption>of() : redemptions.values().stream()
                .filter(r -> r.tenant().equals(tenant) && r.client().equals(client))
                .map(Redemption::redemption)
                .sorted(Comparator.comparing(PackageRedemption::at)
                        .thenComparing(PackageRedemption::id, InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public List<Outstanding> outstanding(TenantId tenant, LocalDate day) {
        return tx.within(() -> {
            if (!tx.visible(tenant)) {
                return List.<Outstanding>of();
            }
            record Group(PackageId packageId, long price, long total, long remaining) {
            }
            Map<Group, List<ClientPackage>> groups = new LinkedHashMap<>();
            sold.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant))
                    .map(Map.Entry::getValue)
                    .filter(p -> p.validOn(day) && p.remaining().units() > 0)
                    .sorted(Comparator.comparing((ClientPackage p) -> p.packageId().value(),
                            InMemoryStore::compareAsPostgres))
                    .forEach(p -> groups.computeIfAbsent(new Group(p.packageId(), p.price().amountMinor(),
                            p.total().units(), p.remaining().units()), g -> new ArrayList<>()).add(p));
            List<Outstanding> rows = new ArrayList<>();
            groups.forEach((g, members) -> {
                PrepaidPackage offer = offers.get(new Key<>(tenant, g.packageId()));
                ClientPackage any = members.get(0);
                rows.add(new Outstanding(g.packageId(), offer.name(), any.total().kind(), any.price(), g.total(),
                        g.remaining(), members.size()));
            });
            return rows;
        });
    }

    @Override
    public java.util.Set<ClientId> holders(TenantId tenant, LocalDate day) {
        return tx.within(() -> !tx.visible(tenant) ? java.util.Set.<ClientId>of() : sold.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(p -> p.validOn(day) && p.remaining().units() > 0)
                .map(ClientPackage::client)
                .collect(java.util.stream.Collectors.toSet()));
    }
}
