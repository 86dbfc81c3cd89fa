package com.qleven.domain.billing;

import java.util.List;
import java.util.Objects;

/**
 * A party as an issued invoice names it, frozen at issue: the center that sells (its legal name,
 * address and identifiers: a tax id, in Morocco the ICE and the IF) or the client who buys (the
 * billing identity, else the client's name). {@code address} is empty when none was given.
 */
public record InvoiceParty(String name, String address, List<Identifier> identifiers) {
    public InvoiceParty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        identifiers = List.copyOf(identifiers);
    }

    /** One legal identifier as printed: {@code ("NIF", "B12345678")}, {@code ("ICE", "001525…")}. */
    public record Identifier(String label, String value) {
        public Identifier {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
