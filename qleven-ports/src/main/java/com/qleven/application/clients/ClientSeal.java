package com.qleven.application.clients;

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
import java.util.Optional;
import java.util.Set;

/**
 * How a client's personal data is sealed: each field encrypted under the client's own data key
 * (so erasing the client can shred one key), bound to its place by the associated data
 * {@code client|<field>|<center>|<id>}; the phone and email also as blind indexes under keys of the
 * center, the name as keyed tokens of its parts' beginnings, the birth date's year and month in
 * clear for segments.
 */
final class ClientSeal {
    static final String PHONE_INDEX = "client.phone";
    static final String EMAIL_INDEX = "client.email";
    static final String NAME_TOKEN = "client.name_token";
    static final String KEY_KIND = "client";

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
        }
        cipher.preload(values);
    }

    Sealed seal(Client client) {
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
                client.createdAt(), client.updatedAt(), client.version());
        return new Sealed(stored, nameTokens(tenant, ClientNames.tokens(d.fullName())));
    }

    /**
     * The client as stored. Notes are decrypted only when {@code withNotes}: a caller that may not
     * read them never has them in memory.
     */
    Client open(StoredClient s, boolean withNotes) {
        ClientDetails details = new ClientDetails(
                cipher.decrypt(aad("fullName", s.tenant(), s.id()), s.fullName()),
                Optional.ofNullable(s.phone()).map(b -> new PhoneNumber(cipher.decrypt(aad("phone", s.tenant(), s.id()), b))),
                Optional.ofNullable(s.email()).map(b -> new EmailAddress(cipher.decrypt(aad("email", s.tenant(), s.id()), b))),
                Optional.ofNullable(s.birthDate())
                        .map(b -> LocalDate.parse(cipher.decrypt(aad("birthDate", s.tenant(), s.id()), b))),
                withNotes
                        ? Optional.ofNullable(s.notes()).map(b -> cipher.decrypt(aad("notes", s.tenant(), s.id()), b))
                        : Optional.empty());
        return new Client(s.id(), s.tenant(), details, s.createdAt(), s.updatedAt(), s.version());
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
