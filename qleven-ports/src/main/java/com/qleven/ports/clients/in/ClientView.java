package com.qleven.ports.clients.in;

import com.qleven.domain.clients.BillingIdentity;
import com.qleven.domain.clients.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A client as the acting principal may see it. {@code notesVisible} is false for roles that may not
 * read notes (receptionists): {@code notes} is then empty and callers must not show the member at
 * all, rather than show it as empty. {@code version} is the ETag the next update may name.
 * {@code possibleDuplicateOf} is present on a single client's read for the roles that handle
 * possible duplicates: the other clients of its open flags, on either side, in id order.
 * {@code billingIdentity} is whom the client's invoices are made out to, when recorded.
 * {@code preferredLanguage} is the language the client prefers for messages (empty: the center's locale).
 */
public record ClientView(ClientId id, String fullName, Optional<String> phone, Optional<String> email,
                         Optional<LocalDate> birthDate, Optional<String> notes, boolean notesVisible,
                         Instant createdAt, Instant updatedAt, long version, Optional<Restriction> restriction,
                         Optional<List<ClientId>> possibleDuplicateOf, Optional<BillingIdentity> billingIdentity,
                         Optional<Locale> preferredLanguage) {
    /**
     * A restriction of processing in force (GDPR Art. 18): since when, the request that asked for
     * it and why. Only the center's administrators are shown it; nobody else sees the client.
     */
    public record Restriction(Instant since, Optional<UUID> requestId, Optional<String> reason) {
    }

    public ClientView {
        if (!notesVisible && notes.isPresent()) {
            throw new IllegalArgumentException("hidden notes are never carried");
        }
        java.util.Objects.requireNonNull(restriction, "restriction");
        java.util.Objects.requireNonNull(billingIdentity, "billingIdentity");
        java.util.Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        possibleDuplicateOf = possibleDuplicateOf.map(List::copyOf);
    }

    /** The same client seen with (or without) its restriction. */
    public ClientView withRestriction(Optional<Restriction> restriction) {
        return new ClientView(id, fullName, phone, email, birthDate, notes, notesVisible, createdAt, updatedAt,
                version, restriction, possibleDuplicateOf, billingIdentity, preferredLanguage);
    }

    /** The same client seen with the other clients of its open possible-duplicate flags. */
    public ClientView withPossibleDuplicates(List<ClientId> others) {
        return new ClientView(id, fullName, phone, email, birthDate, notes, notesVisible, createdAt, updatedAt,
                version, restriction, Optional.of(others), billingIdentity, preferredLanguage);
    }

    @Override
    public String toString() {
        return "ClientView[id=" + id + ", version=" + version + "]";
    }
}
