package com.qleven.domain.clients;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of a center. {@code version} starts at 1 and grows by one with every change, so a
 * caller that read one version can refuse to overwrite a later one (the HTTP API's ETag).
 */
public record Client(ClientId id, TenantId tenant, ClientDetails details, Instant createdAt, Instant updatedAt,
                     long version) {
    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a client's version starts at 1");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a client cannot change before it was created");
        }
    }

    /** A new client: version 1. */
    public static Client create(ClientId id, TenantId tenant, ClientDetails details, Instant now) {
        return new Client(id, tenant, details, now, now, 1);
    }

    /** The next version of this client with the new details. */
    public Client revise(ClientDetails newDetails, Instant now) {
        Instant at = now.isBefore(updatedAt) ? updatedAt : now;
        return new Client(id, tenant, newDetails, createdAt, at, version + 1);
    }

    public String fullName() {
        return details.fullName();
    }

    public Optional<PhoneNumber> phone() {
        return details.phone();
    }

    public Optional<EmailAddress> email() {
        return details.email();
    }

    public Optional<LocalDate> birthDate() {
        return details.birthDate();
    }

    public Optional<String> notes() {
        return details.notes();
    }

    /** The language the client prefers for messages; empty means the center's locale. */
    public Optional<Locale> preferredLanguage() {
        return details.preferredLanguage();
    }

    @Override
    public String toString() {
        return "Client[id=" + id + ", version=" + version + "]";
    }
}
