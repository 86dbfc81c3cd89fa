package com.qleven.application.clients;

import com.qleven.domain.clients.BillingIdentity;
import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.privacy.out.RegistryExporter;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients context's section of a client's export: the record itself, decrypted, notes and
 * billing identity included ({@code billingIdentity} is null when none is recorded).
 */
public final class ClientRegistryExporter implements RegistryExporter {
    private final Clients clients;
    private final ClientSeal seal;

    public ClientRegistryExporter(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.seal = new ClientSeal(cipher);
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId id) {
        Map<String, Object> section = new LinkedHashMap<>();
        clients.byId(tenant, id).map(stored -> {
            seal.preload(java.util.List.of(stored));
            return seal.open(stored, true);
        }).ifPresent(c -> put(section, c));
        return section;
    }

    private static void put(Map<String, Object> section, Client c) {
        section.put("id", c.id().toString());
        section.put("fullName", c.fullName());
        section.put("phone", c.phone().map(p -> p.e164()).orElse(null));
        section.put("email", c.email().map(e -> e.value()).orElse(null));
        section.put("birthDate", c.birthDate().map(Object::toString).orElse(null));
        section.put("notes", c.notes().orElse(null));
        section.put("preferredLanguage", c.preferredLanguage().map(java.util.Locale::toLanguageTag).orElse(null));
        section.put("billingIdentity", c.details().billingIdentity().map(ClientRegistryExporter::billing).orElse(null));
        section.put("createdAt", c.createdAt().toString());
        section.put("updatedAt", c.updatedAt().toString());
    }

    private static Map<String, Object> billing(BillingIdentity b) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", b.name().orElse(null));
        identity.put("address", b.address().orElse(null));
        identity.put("taxId", b.taxId().orElse(null));
        return identity;
    }
}
