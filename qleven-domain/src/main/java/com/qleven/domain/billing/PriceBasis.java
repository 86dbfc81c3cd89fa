package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;

/**
 * Whether a center's prices include tax (a beauty center's price list usually does) or are before
 * tax (a clinic billing companies may prefer it). A center setting; each line's tax is computed from
 * its amount in that basis and rounded once, half up, to the minor unit.
 */
public enum PriceBasis {
    /** Prices are what the client pays: tax is taken out of them. */
    TAX_INCLUDED("tax_included"),
    /** Prices are before tax: tax is added to them. */
    TAX_EXCLUDED("tax_excluded");

    private final String wireName;

    PriceBasis(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The wire name to a basis, or a 400 naming {@code field}. */
    public static PriceBasis fromWire(String value, String field) {
        for (PriceBasis basis : values()) {
            if (basis.wireName.equals(value)) {
                return basis;
            }
        }
        throw new ValidationException(field, "must be tax_included or tax_excluded");
    }
}
