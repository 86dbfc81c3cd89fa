package com.qleven.ports.clients.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A client as stored: every personal field only as ciphertext (null when the client has none), the
 * phone and email also as blind indexes for lookups, and the birth date's year and month in clear
 * for coarse segments. Nothing else about the client is stored in plain text. The billing identity
 * is one ciphertext under the center's finance key (null when the client has none). The preferred
 * language is a BCP 47 tag in clear (a preference for messages, not an identifier).
 */
public record StoredClient(ClientId id, TenantId tenant, byte[] fullName, byte[] phone, byte[] email,
                           byte[] birthDate, byte[] notes, Optional<BlindIndex> phoneIndex,
                           Optional<BlindIndex> emailIndex, Optional<Integer> birthYear,
                           Optional<Integer> birthMonth, Instant createdAt, Instant updatedAt, long version,
                           byte[] billingIdentity, Optional<String> preferredLanguage) {
    public StoredClient {
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(phoneIndex, "phoneIndex");
        Objects.requireNonNull(emailIndex, "emailIndex");
        Objects.requireNonNull(birthYear, "birthYear");
        Objects.requireNonNull(birthMonth, "birthMonth");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((phone == null) != phoneIndex.isEmpty()) {
            throw new IllegalArgumentException("a phone and its index come together");
        }
        if ((email == null) != emailIndex.isEmpty()) {
            throw new IllegalArgumentException("an email and its index come together");
        }
        if ((birthDate == null) != birthYear.isEmpty() || birthYear.isEmpty() != birthMonth.isEmpty()) {
            throw new IllegalArgumentException("a birth date comes with its year and month");
        }
        if (birthMonth.isPresent() && (birthMonth.get() < 1 || birthMonth.get() > 12)) {
            throw new IllegalArgumentException("a month is 1 to 12");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a client's version starts at 1");
        }
    }

    /** A client without a preferred language. */
    public StoredClient(ClientId id, TenantId tenant, byte[] fullName, byte[] phone, byte[] email, byte[] birthDate,
                        byte[] notes, Optional<BlindIndex> phoneIndex, Optional<BlindIndex> emailIndex,
                        Optional<Integer> birthYear, Optional<Integer> birthMonth, Instant createdAt,
                        Instant updatedAt, long version, byte[] billingIdentity) {
        this(id, tenant, fullName, phone, email, birthDate, notes, phoneIndex, emailIndex, birthYear, birthMonth,
                createdAt, updatedAt, version, billingIdentity, Optional.empty());
    }

    /** A client without a billing identity. */
    public StoredClient(ClientId id, TenantId tenant, byte[] fullName, byte[] phone, byte[] email, byte[] birthDate,
                        byte[] notes, Optional<BlindIndex> phoneIndex, Optional<BlindIndex> emailIndex,
                        Optional<Integer> birthYear, Optional<Integer> birthMonth, Instant createdAt,
                        Instant updatedAt, long version) {
        this(id, tenant, fullName, phone, email, birthDate, notes, phoneIndex, emailIndex, birthYear, birthMonth,
                createdAt, updatedAt, version, null, Optional.empty());
    }

    @Override
    public String toString() {
        return "StoredClient[id=" + id + ", version=" + version + "]";
    }
}
