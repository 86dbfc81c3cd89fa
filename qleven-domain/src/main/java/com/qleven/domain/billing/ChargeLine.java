package com.qleven.domain.billing;

import java.util.Objects;

/**
 * One line to charge: what, how many, at what unit price (in the center's {@link PriceBasis}), under
 * which of the center's tax rates, less a discount of its own (an amount in the same basis, zero for
 * none).
 */
public record ChargeLine(String description, Quantity quantity, Money unitPrice, TaxRate taxRate, Money discount) {
    public ChargeLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(discount, "discount");
    }

    /** A line without a discount of its own. */
    public static ChargeLine of(String description, Quantity quantity, Money unitPrice, TaxRate taxRate) {
        return new ChargeLine(description, quantity, unitPrice, taxRate, Money.zero(unitPrice.currency()));
    }
}
