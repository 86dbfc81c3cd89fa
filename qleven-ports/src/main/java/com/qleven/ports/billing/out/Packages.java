package com.qleven.ports.billing.out;

import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The center's prepaid packages (its catalogue), the packages sold to its clients, and each debit of
 * them. A client package's balance never goes below zero: the store refuses it (in PostgreSQL a
 * CHECK) whatever the caller computed, and the reads that precede a debit hold the rows for the
 * caller's unit of work, so two concurrent debits of one package run one after the other. Lists page
 * by (created, id), oldest first. Writes join the unit of work open on the thread.
 */
public interface Packages {

    void add(TenantId tenant, PrepaidPackage offer);

    Optional<PrepaidPackage> byId(TenantId tenant, PackageId id);

    /** The catalogue, oldest first; retired packages only when {@code includeRetired}. */
    Page<PrepaidPackage> list(TenantId tenant, boolean includeRetired, PageRequest page);

    /** Retires it; false, changing nothing, when there is none or it is retired already. */
    boolean retire(TenantId tenant, PackageId id, java.time.Instant at);

    /** Adds a package just sold. */
    void sell(TenantId tenant, ClientPackage sold);

    /** A sold package, held for the caller's unit of work (a debit or a refund follows). */
    Optional<ClientPackage> lock(TenantId tenant, ClientPackageId id);

    /** A sold package, as it is (no lock). */
    Optional<ClientPackage> clientPackage(TenantId tenant, ClientPackageId id);

    /** The client's packages, oldest first. */
    Page<ClientPackage> ofClient(TenantId tenant, ClientId client, PageRequest page);

    /**
     * The client's packages that would redeem {@code service} on {@code day} (a local date of the
     * center): not refunded, valid that day, something left, holding sessions or credit, and sold
     * under a package covering the service; the one expiring first first (then the oldest). They are
     * held for the caller's unit, and a package another unit emptied meanwhile is not among them.
     */
    List<ClientPackage> redeemable(TenantId tenant, ClientId client, ServiceId service, LocalDate day);

    /**
     * Stores the package's new balance (and refund, if it was refunded).
     *
     * @return false, changing nothing, when there is none of that id or it is refunded already
     */
    boolean update(TenantId tenant, ClientPackage next);

    void addRedemption(TenantId tenant, PackageRedemption redemption);

    /** Every debit of the client's packages, oldest first, for the client's export. */
    List<PackageRedemption> redemptionsOf(TenantId tenant, ClientId client);

    /**
     * What the center's packages valid on {@code day} (not refunded, not past their last day,
     * something left) still owe, grouped so that the caller prices each group alike: one row per
     * package of the catalogue, price, total and remaining, with how many sold packages are in it.
     * One statement; the rows are as many as the distinct balances, never one per client.
     */
    List<Outstanding> outstanding(TenantId tenant, LocalDate day);

    /** A group of sold packages alike: {@code count} of them, each {@code remaining} of {@code total} left. */
    record Outstanding(PackageId packageId, String name, String kind, Money price, long total, long remaining,
                       long count) {
    }

    /**
     * In one statement, the clients holding a package valid on {@code day} (not refunded, not past
     * its last day) with something left.
     */
    java.util.Set<ClientId> holders(TenantId tenant, LocalDate day);
}
