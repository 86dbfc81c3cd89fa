package com.qleven.ports.billing.out;

import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.scheduling.ServiceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prepaid package the center sells: its name, the services it covers (in the order given; the
 * first one's tax rate applies when the package names none), what it gives, its price, how many days
 * it stays valid after the sale, and since when it is retired (kept for the packages sold already,
 * sold no more).
 */
public record PrepaidPackage(PackageId id, String name, List<ServiceId> services, Entitlement entitlement,
                             Money price, int validityDays, Optional<String> taxRate, Instant createdAt,
                             Optional<Instant> retiredAt) {
    public PrepaidPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        services = List.copyOf(services);
        Objects.requireNonNull(entitlement, "entitlement");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        if (services.isEmpty() || validityDays < 1 || entitlement.units() <= 0 || price.isNegative()) {
            throw new IllegalArgumentException("a package covers a service, gives something, lasts a day or more");
        }
    }

    public boolean retired() {
        return retiredAt.isPresent();
    }

    public boolean covers(ServiceId service) {
        return services.contains(service);
    }
}
