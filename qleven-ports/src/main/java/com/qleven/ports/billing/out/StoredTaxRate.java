package com.qleven.ports.billing.out;

import com.qleven.domain.billing.TaxRate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a center's tax rates as stored: the rate, and since when it is retired (a retired rate is
 * kept, since services and invoices already issued name it by its code, but offered for nothing new).
 */
public record StoredTaxRate(TaxRate rate, Instant createdAt, Optional<Instant> retiredAt) {
    public StoredTaxRate {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    public boolean retired() {
        return retiredAt.isPresent();
    }
}
