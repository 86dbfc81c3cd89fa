package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads clients as message recipients in the caller's unit of work: one statement for the rows,
 * their data keys in one go, then name, phone and birth date decrypted (never the notes, never the
 * billing identity). An erased client (its name replaced by the eraser's placeholder, its key
 * shredded) is left out as an unknown one is.
 */
public final class MessageRecipientsService implements MessageRecipients {
    private final Clients clients;
    private final ClientSeal seal;

    public MessageRecipientsService(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.seal = new ClientSeal(cipher);
    }

    @Override
    public Optional<Recipient> of(TenantId tenant, ClientId client) {
        Required.field(client, "client");
        return Optional.ofNullable(of(tenant, Set.of(client)).get(client));
    }

    @Override
    public Map<ClientId, Recipient> of(TenantId tenant, Collection<ClientId> ids) {
        Required.field(tenant, "tenant");
        Required.field(ids, "clients");
        Map<ClientId, Recipient> recipients = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return recipients;
        }
        return open(clients.byIds(tenant, ids));
    }

    @Override
    public Map<ClientId, Recipient> everyone(TenantId tenant, int limit) {
        Required.field(tenant, "tenant");
        return open(clients.all(tenant, limit));
    }

    private Map<ClientId, Recipient> open(Map<ClientId, StoredClient> found) {
        Map<ClientId, Recipient> recipients = new LinkedHashMap<>();
        seal.preload(found.values());
        for (StoredClient s : found.values()) {
            Client c = seal.open(s, false, false);
            if (ClientRegistryEraser.ERASED_NAME.equals(c.fullName())) {
                continue;
            }
            recipients.put(c.id(), new Recipient(c.fullName(), c.phone(), c.preferredLanguage(), c.birthDate()));
        }
        return recipients;
    }

}
