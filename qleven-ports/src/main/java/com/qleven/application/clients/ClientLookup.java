package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What other contexts may read of a client inside their own unit of work: that the center has it,
 * and its birth date (the minors rule needs it). Decrypts the birth date only; no other field.
 */
public final class ClientLookup {
    private final Clients clients;
    private final FieldCipher cipher;

    public ClientLookup(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.cipher = cipher;
    }

    /** Whether the center has the client; run inside the center's unit of work. */
    public boolean exists(TenantId tenant, ClientId id) {
        return clients.byId(tenant, id).isPresent();
    }

    /**
     * The client's birth date, empty when none was recorded; run inside the center's unit of work.
     *
     * @throws NotFoundException when the center has no such client
     */
    public Optional<LocalDate> birthDate(TenantId tenant, ClientId id) {
        StoredClient stored = clients.byId(tenant, id).orElseThrow(() -> new NotFoundException("client"));
        return Optional.ofNullable(stored.birthDate())
                .map(b -> LocalDate.parse(cipher.decrypt(ClientSeal.aad("birthDate", tenant, id), b)));
    }
}
