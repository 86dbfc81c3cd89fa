package com.qleven.application.billing;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.billing.TaxRates;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.TaxRateCheck;
import com.qleven.ports.billing.in.TaxRateView;
import com.qleven.ports.billing.out.StoredTaxRate;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A center's tax rates: listed, added and retired by administrators, and checked for other
 * contexts. A center's rates are seeded from its country ({@link TaxRates#seedFor}) the first time
 * any of these needs them, in that unit of work, so no center ever sees an empty list and a code an
 * administrator adds first never keeps the country's rates out.
 */
public final class TaxRatesService implements TaxRateCheck {
    private static final String SUBJECT = "tax_rate";
    private static final String PURPOSE = "billing";
    private final Transactions transactions;
    private final Centers centers;
    private final com.qleven.ports.billing.out.TaxRates rates;
    private final AuditTrail audit;
    private final Clock clock;

    public TaxRatesService(Transactions transactions, Centers centers, com.qleven.ports.billing.out.TaxRates rates,
                           AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.centers = centers;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** The center's rates by code; retired ones too when asked. */
    public List<TaxRateView> list(Principal principal, boolean includeRetired) {
        Permissions.require(principal, Permission.VIEW_TAX_RATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> seeded(tenant).stream()
                .filter(r -> includeRetired || !r.retired()).map(TaxRatesService::view).toList());
    }

    /**
     * Adds a rate.
     *
     * @throws ConflictException naming {@code code} when the center has a rate of that code, retired or not
     */
    public TaxRateView add(Principal principal, TaxRate rate) {
        Required.field(rate, "rate");
        Permissions.require(principal, Permission.MANAGE_TAX_RATES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            if (seeded(tenant).stream().anyMatch(r -> r.rate().code().equals(rate.code()))) {
                throw taken(rate.code());
            }
            rates.add(tenant, rate, now);
            record(principal, "tax_rate.create", now);
            return new TaxRateView(rate, now, Optional.empty());
        });
    }

    /**
     * Retires a rate: kept for what already names it, offered for nothing new.
     *
     * @throws NotFoundException when the center has no rate of that code
     * @throws ConflictException when it is retired already
     */
    public TaxRateView retire(Principal principal, String code) {
        Permissions.require(principal, Permission.MANAGE_TAX_RATES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredTaxRate stored = seeded(tenant).stream().filter(r -> r.rate().code().equals(code)).findFirst()
                    .orElseThrow(() -> new NotFoundException("tax rate"));
            if (stored.retired() || !rates.retire(tenant, code, now)) {
                throw new ConflictException("this tax rate is retired already", Map.of("field", "code"));
            }
            record(principal, "tax_rate.retire", now);
            return new TaxRateView(stored.rate(), stored.createdAt(), Optional.of(now));
        });
    }

    @Override
    public boolean isOffered(TenantId center, String code) {
        Required.field(center, "center");
        if (code == null) {
            return false;
        }
        // The common case, a seeded center naming one of its rates, costs one look-up.
        Optional<StoredTaxRate> found = rates.byCode(center, code);
        if (found.isPresent()) {
            return !found.get().retired();
        }
        return seeded(center).stream().anyMatch(r -> r.rate().code().equals(code) && !r.retired());
    }

    /**
     * The center's rate of {@code code}, retired or not: what something that names it already (a
     * service, and so the fee charged for it) is charged at.
     */
    Optional<TaxRate> rateOf(TenantId center, String code) {
        Optional<StoredTaxRate> found = rates.byCode(center, code);
        if (found.isPresent()) {
            return found.map(StoredTaxRate::rate);
        }
        return seeded(center).stream().map(StoredTaxRate::rate).filter(r -> r.code().equals(code)).findFirst();
    }

    /** The rates the center offers now (not retired), seeding its country's the first time: one read once seeded. */
    List<StoredTaxRate> offered(TenantId tenant) {
        return seeded(tenant).stream().filter(r -> !r.retired()).toList();
    }

    /** The center's rates, retired ones included, seeding its country's the first time. */
    private List<StoredTaxRate> seeded(TenantId tenant) {
        List<StoredTaxRate> all = rates.list(tenant, true);
        if (!all.isEmpty()) {
            return all;
        }
        String country = centers.byId(tenant).orElseThrow(() -> new ForbiddenException("no such center"))
                .profile().country();
        Instant now = now();
        // Two first requests of a center may seed at once: the second waits on the first's rows and adds none.
        rates.addMissing(tenant, TaxRates.seedFor(country), now);
        return rates.list(tenant, true);
    }

    private Instant now() {
        // Every store keeps microseconds: the answer shows the instant as it will read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Principal principal, String action, Instant at) {
        audit.record(AuditEvent.by(principal, action, SUBJECT, Optional.empty(), PURPOSE, 1, at));
    }

    private static ConflictException taken(String code) {
        return new ConflictException("the center has a tax rate of this code already",
                Map.of("field", "code", "code", code));
    }

    private static TaxRateView view(StoredTaxRate r) {
        return new TaxRateView(r.rate(), r.createdAt(), r.retiredAt());
    }
}
