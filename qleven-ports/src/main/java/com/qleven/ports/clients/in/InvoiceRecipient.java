package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom an invoice to a client is made out to, as the client's record says now: {@code name} is the
 * billing name when one is recorded, else the client's full name (never blank); {@code address} is
 * the billing address, or {@code ""} when none is recorded; {@code taxId} the billing tax id when
 * recorded. {@code restricted} says the client's processing is restricted (GDPR Art. 18) at this
 * moment: the caller decides what that means for its invoice, and keeps the values no longer than
 * its own record needs them.
 */
public record InvoiceRecipient(ClientId id, String name, String address, Optional<String> taxId, boolean restricted) {
    public InvoiceRecipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(taxId, "taxId");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a recipient has a name");
        }
    }

    @Override
    public String toString() {
        return "InvoiceRecipient[id=" + id + ", restricted=" + restricted + "]";
    }
}
