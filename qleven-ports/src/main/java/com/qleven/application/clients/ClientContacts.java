package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.Optional;

/**
 * A client's phone and email, decrypted, for other contexts acting on the client's own request (an
 * objection's suppression entries). Runs in the caller's unit of work; checks no permission.
 */
public final class ClientContacts {
    /** The addresses a client can be reached at; both empty for an unknown or erased client. */
    public record Contacts(Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
    }

    private final Clients clients;
    private final ClientSeal seal;

    public ClientContacts(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.seal = new ClientSeal(cipher);
    }

    public Contacts of(TenantId tenant, ClientId id) {
        Optional<Client> client = clients.byId(tenant, id).map(s -> seal.open(s, false, false));
        return new Contacts(client.flatMap(Client::phone), client.flatMap(Client::email));
    }
}
