package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.GetClient;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads one client. A client whose processing is restricted (GDPR Art. 18) is refused to everyone
 * but the center's administrators, who see since when and why. The roles that handle possible
 * duplicates also see the other clients of its open flags (one statement more).
 */
public final class GetClientService implements GetClient {
    private final Transactions transactions;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final ClientDuplicates duplicates;
    private final ClientSeal seal;
    private final RestrictionSeal restrictions;
    private final AuditTrail audit;
    private final Clock clock;

    public GetClientService(Transactions transactions, Clients clients, ClientRestrictions clientRestrictions,
                            ClientDuplicates duplicates, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.duplicates = duplicates;
        this.seal = new ClientSeal(cipher);
        this.restrictions = new RestrictionSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ClientView get(Principal principal, ClientId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_CLIENTS);
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        boolean flags = Permissions.allows(principal.role(), Permission.MANAGE_CLIENT_DUPLICATES);
        return transactions.inTenant(tenant, () -> {
            StoredClient stored = clients.byId(tenant, id).orElseThrow(() -> new NotFoundException("client"));
            Optional<ClientRestrictions.Restriction> restriction = clientRestrictions.active(tenant, id);
            if (restriction.isPresent() && principal.role() != Role.ADMINISTRATOR) {
                // Refused before anything is opened: a restricted client is not processed for staff.
                throw ClientAccess.restricted();
            }
            // The client's key and the center's finance key in one read, when it has a billing identity.
            seal.preload(List.of(stored));
            ClientView view = ClientAccess.view(seal.open(stored, notes), notes)
                    .withRestriction(restriction.map(r -> restrictions.view(tenant, r)));
            if (flags) {
                view = view.withPossibleDuplicates(duplicates.naming(tenant, id).stream()
                        .filter(ClientDuplicates.Flag::isOpen).map(f -> f.otherThan(id)).distinct()
                        .sorted(Comparator.comparing(ClientId::value)).toList());
            }
            ClientAccess.record(audit, principal, "client.read", Optional.of(id.value()), 1, clock.instant());
            return view;
        });
    }
}
