package com.qleven.application.clients;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ClientPhones} over the clients' store, in the caller's unit. A number change rewrites each
 * client's phone (and so its index) as an update by staff would, its version moved, and records
 * {@code client.phone_changed} with no actor (WhatsApp reported it; the purpose names the wamid).
 */
public final class ClientPhonesService implements ClientPhones {
    /** The audit purpose of a number change, followed by the reporting message's wamid. */
    static final String PURPOSE = "whatsapp_number_change:";

    private final Clients clients;
    private final ClientRestrictions restrictions;
    private final ClientSeal seal;
    private final AuditTrail audit;

    public ClientPhonesService(Clients clients, ClientRestrictions restrictions, FieldCipher cipher,
                               AuditTrail audit) {
        this.clients = clients;
        this.restrictions = restrictions;
        this.seal = new ClientSeal(cipher);
        this.audit = audit;
    }

    @Override
    public BlindIndex index(TenantId tenant, PhoneNumber phone) {
        return seal.phoneIndex(Required.field(tenant, "tenant"), Required.field(phone, "phone"));
    }

    @Override
    public List<ClientId> withNumber(TenantId tenant, BlindIndex phoneIndex) {
        return clients.byPhone(tenant, phoneIndex, new PageRequest(MAX_CLIENTS, Optional.empty())).items().stream()
                .map(StoredClient::id).toList();
    }

    @Override
    public List<ClientId> numberChanged(TenantId tenant, PhoneNumber from, PhoneNumber to, String evidenceWamid,
                                        Instant at) {
        Required.field(evidenceWamid, "evidenceWamid");
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        List<StoredClient> found = clients.byPhone(tenant, index(tenant, from),
                new PageRequest(MAX_CLIENTS, Optional.empty())).items();
        if (found.isEmpty() || from.equals(to)) {
            return List.of();
        }
        seal.preload(found);
        List<ClientId> changed = new ArrayList<>();
        for (StoredClient stored : found) {
            if (restrictions.active(tenant, stored.id()).isPresent()) {
                continue;
            }
            // The billing identity is kept as stored (never opened): no finance key is read.
            Client current = seal.open(stored, true, false);
            ClientDetails d = current.details();
            Client next = current.revise(new ClientDetails(d.fullName(), Optional.of(to), d.email(), d.birthDate(),
                    d.notes(), d.billingIdentity(), d.preferredLanguage()), now);
            ClientSeal.Sealed sealed = seal.seal(next, stored.billingIdentity());
            if (!clients.update(sealed.stored(), sealed.nameTokens(), stored.version())) {
                throw new ConflictException("the client changed while its number was being changed");
            }
            changed.add(stored.id());
        }
        if (!changed.isEmpty()) {
            audit.recordAll(changed.stream().map(id -> new AuditEvent(Optional.of(tenant), Optional.empty(),
                    Optional.empty(), "client.phone_changed", ClientAccess.SUBJECT, Optional.of(id.value()),
                    PURPOSE + evidenceWamid, 1, now)).toList());
        }
        return changed;
    }
}
