package com.qleven.ports.billing.out;

import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A center's tax rates, by code (unique within the center). Rates are never deleted, only retired,
 * so a code once used keeps meaning the same rate. Writes join the unit of work open on the thread.
 */
public interface TaxRates {

    /**
     * Adds a rate.
     *
     * @throws com.qleven.domain.shared.ConflictException when the center has a rate of that code
     *                                                    already (retired or not)
     */
    void add(TenantId tenant, TaxRate rate, Instant at);

    /**
     * Adds each rate whose code the center does not have yet and leaves the others as they are, in
     * one statement: seeding a center's country rates, which two first requests may do at once (the
     * second waits for the first and adds nothing).
     */
    void addMissing(TenantId tenant, List<TaxRate> rates, Instant at);

    /** The center's rates by code; retired ones only when {@code includeRetired}. */
    List<StoredTaxRate> list(TenantId tenant, boolean includeRetired);

    Optional<StoredTaxRate> byCode(TenantId tenant, String code);

    /** Retires the rate; false, changing nothing, when there is none of that code or it is retired. */
    boolean retire(TenantId tenant, String code, Instant at);
}
