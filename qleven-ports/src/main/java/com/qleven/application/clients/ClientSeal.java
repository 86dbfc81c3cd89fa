package com.qleven.application.clients;

import com.qleven.domain.clients.BillingIdentity;
import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.ClientNames;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a client's personal data is sealed: each field encrypted under the client's own data key
 * (so erasing the client can shred one key), bound to its place by the associated data
 * {@code client|<field>|<center>|<id>}; the phone and email also as blind indexes under keys of the
 * center, the name as keyed tokens of its parts' beginnings, the birth date's year and month in
 * clear for segments. The billing identity is sealed apart, under the center's finance key
 * ({@link KeyScope#finance}), as one value (its members joined by NUL, which no member may hold),
 * bound to its place the same way: it is what invoices copy, so it stays readable when the
 * client's own key is shredded, and an erasure removes it from the row itself.
 */
final class ClientSeal {
    static final String PHONE_INDEX = "client.phone";
    static final String EMAIL_INDEX = "client.email";
    static final String NAME_TOKEN = "client.name_token";
    static final String KEY_KIND = "client";
    static final String BILLING_IDENTITY = "billingIdentity";
    private static final String SEPARATOR = "\0";

    /** A client ready for the store: its row and the tokens of its name. */
    record Sealed(StoredClient stored, Set<BlindIndex> nameTokens) {
    }

    private final FieldCipher cipher;

    ClientSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * As {@link #seal}, for a client created in the caller's unit of work: its data key is the
     * first of a scope nobody else can know yet, so it is stored without a look-up or a lock.
     */
    Sealed sealNew(Client client) {
        cipher.createScope(new KeyScope(KEY_KIND, client.id().value()));
        return seal(client);
    }

    /** Reads the data keys of a page of clients in one go, before {@link #open} opens them one by one. */
    void preload(Collection<StoredClient> page) {
        List<byte[]> values = new ArrayList<>();
        for (StoredClient s : page) {
            values.add(s.fullName());
            values.add(s.phone());
            values.add(s.email());
            values.add(s.birthDate());
            values.add(s.billingIdentity());
        }
        cipher.preload(values);
    }

    Sealed seal(Client client) {
        return seal(client, null);
    }

    /**
     * As {@link #seal(Client)}, keeping {@code keptBillingIdentity} (the stored ciphertext of the
     * client's unchanged billing identity, bound to the same place) rather than sealing it again:
     * a change of other fields then reads no finance key. Null seals the identity afresh.
     */
    Sealed seal(Client client, byte[] keptBillingIdentity) {
        KeyScope scope = new KeyScope(KEY_KIND, client.id().value());
        TenantId tenant = client.tenant();
        ClientDetails d = client.details();
        StoredClient stored = new StoredClient(client.id(), tenant,
                cipher.encrypt(scope, aad("fullName", client), d.fullName()),
                d.phone().map(p -> cipher.encrypt(scope, aad("phone", client), p.e164())).orElse(null),
                d.email().map(e -> cipher.encrypt(scope, aad("email", client), e.value())).orElse(null),
                d.birthDate().map(b -> cipher.encrypt(scope, aad("birthDate", client), b.toString())).orElse(null),
                d.notes().map(n -> cipher.encrypt(scope, aad("notes", client), n)).orElse(null),
                d.phone().map(p -> phoneIndex(tenant, p)),
                d.email().map(e -> emailIndex(tenant, e)),
                d.birthDate().map(LocalDate::getYear),
                d.birthDate().map(LocalDate::getMonthValue),
                client.createdAt(), client.updatedAt(), client.version(),
                keptBillingIdentity != null ? keptBillingIdentity
                        : d.billingIdentity().map(b -> cipher.encrypt(KeyScope.finance(tenant),
                                aad(BILLING_IDENTITY, client), encode(b))).orElse(null),
                d.preferredLanguage().map(Locale::toLanguageTag));
        return new Sealed(stored, nameTokens(tenant, ClientNames.tokens(d.fullName())));
    }

    /**
     * The client as stored. Notes are decrypted only when {@code withNotes}: a caller that may not
     * read them never has them in memory.
     */
    Client open(StoredClient s, boolean withNotes) {
        return open(s, withNotes, true);
    }

    /**
     * As {@link #open(StoredClient, boolean)}, leaving the billing identity sealed unless
     * {@code withBilling}: a caller that only reaches the client reads no finance key. What it
     * opens so must never be sealed back, or the identity would be lost.
     */
    Client open(StoredClient s, boolean withNotes, boolean withBilling) {
        ClientDetails details = new ClientDetails(
                cipher.decrypt(aad("fullName", s.tenant(), s.id()), s.fullName()),
                Optional.ofNullable(s.phone()).map(b -> new PhoneNumber(cipher.decrypt(aad("phone", s.tenant(), s.id()), b))),
                Optional.ofNullable(s.email()).map(b -> new EmailAddress(cipher.decrypt(aad("email", s.tenant(), s.id()), b))),
                Optional.ofNullable(s.birthDate())
                        .map(b -> LocalDate.parse(cipher.decrypt(aad("birthDate", s.tenant(), s.id()), b))),
                withNotes
                        ? Optional.ofNullable(s.notes()).map(b -> cipher.decrypt(aad("notes", s.tenant(), s.id()), b))
                        : Optional.empty(),
                withBilling ? billingIdentity(s) : Optional.empty(),
                s.preferredLanguage().map(Locale::forLanguageTag));
        return new Client(s.id(), s.tenant(), details, s.createdAt(), s.updatedAt(), s.version());
    }

    /** The client's billing identity, decrypted; empty when none is recorded. */
    Optional<BillingIdentity> billingIdentity(StoredClient s) {
        return Optional.ofNullable(s.billingIdentity())
                .map(b -> decode(cipher.decrypt(aad(BILLING_IDENTITY, s.tenant(), s.id()), b)));
    }

    /** The members joined by NUL, an absent one as empty text (a blank member is an absent one). */
    static String encode(BillingIdentity identity) {
        return identity.name().orElse("") + SEPARATOR + identity.address().orElse("") + SEPARATOR
                + identity.taxId().orElse("");
    }

    static BillingIdentity decode(String sealed) {
        String[] members = sealed.split(SEPARATOR, -1);
        if (members.length != 3) {
            throw new IllegalStateException("a sealed billing identity has three members");
        }
        return BillingIdentity.parse(members[0], members[1], members[2]);
    }

    BlindIndex phoneIndex(TenantId tenant, PhoneNumber phone) {
        return cipher.blindIndex(PHONE_INDEX, Optional.of(tenant), phone.e164());
    }

    BlindIndex emailIndex(TenantId tenant, EmailAddress email) {
        return cipher.blindIndex(EMAIL_INDEX, Optional.of(tenant), email.value());
    }

    Set<BlindIndex> nameTokens(TenantId tenant, Set<String> tokens) {
        Set<BlindIndex> indexes = new LinkedHashSet<>();
        tokens.forEach(t -> indexes.add(cipher.blindIndex(NAME_TOKEN, Optional.of(tenant), t)));
        return indexes;
    }

    private static String aad(String field, Client client) {
        return aad(field, client.tenant(), client.id());
    }

    static String aad(String field, TenantId tenant, ClientId id) {
        return "client|" + field + "|" + tenant + "|" + id;
    }
}
