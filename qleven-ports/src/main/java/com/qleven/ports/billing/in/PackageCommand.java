package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.ServiceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A new package for the catalogue, as the caller asks for it: a name, the services it covers (each
 * one of the center's), what it gives (sessions, a credit or an allowance), its price, how many days
 * it stays valid after the sale, and optionally the code of the tax rate its sale invoice applies
 * (else the first service's). The service checks it and names every bad field at once.
 */
public record PackageCommand(String name, List<ServiceId> services, Entitlement entitlement, Money price,
                             Integer validityDays, Optional<String> taxRate) {
    public PackageCommand {
        // null entries stay, so the service can name serviceIds[i]
        services = services == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(services));
        taxRate = taxRate == null ? Optional.empty() : taxRate;
    }
}
