package com.qleven.ports.billing.in;

import com.qleven.domain.billing.TaxRate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One of a center's tax rates as its staff see it: the rate, since when it exists, and since when it is retired. */
public record TaxRateView(TaxRate rate, Instant createdAt, Optional<Instant> retiredAt) {
    public TaxRateView {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    public boolean retired() {
        return retiredAt.isPresent();
    }
}
