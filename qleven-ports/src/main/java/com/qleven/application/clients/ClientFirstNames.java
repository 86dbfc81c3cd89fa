package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients' first names (the first word of the full name), for what other contexts show with as
 * little of a client as possible, such as a professional's calendar feed. One query for the names
 * and one for their data keys, however many clients; nothing else of the client is read. An erased
 * client has no first name.
 */
public final class ClientFirstNames {
    private final Clients clients;
    private final FieldCipher cipher;

    public ClientFirstNames(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.cipher = cipher;
    }

    /** The first names of those of {@code ids} the center has; must run in the center's unit of work. */
    public Map<ClientId, String> of(TenantId tenant, Collection<ClientId> ids) {
        Map<ClientId, byte[]> sealed = ids.isEmpty() ? Map.of() : clients.sealedNames(tenant, ids);
        cipher.preload(List.copyOf(sealed.values()));
        Map<ClientId, String> names = new HashMap<>();
        sealed.forEach((id, name) -> firstWord(cipher.decrypt(ClientSeal.aad("fullName", tenant, id), name))
                .ifPresent(first -> names.put(id, first)));
        return names;
    }

    /** The first word of a full name; none for an erased client's placeholder or a blank name. */
    static Optional<String> firstWord(String fullName) {
        String name = fullName.strip();
        if (name.isEmpty() || name.equals(ClientRegistryEraser.ERASED_NAME)) {
            return Optional.empty();
        }
        return Optional.of(name.split("\\s+", 2)[0]);
    }
}
