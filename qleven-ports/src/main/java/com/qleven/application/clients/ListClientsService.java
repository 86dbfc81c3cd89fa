package com.qleven.application.clients;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.ListClients;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Optional;

public final class ListClientsService implements ListClients {
    private final Transactions transactions;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final ClientSeal seal;
    private final RestrictionSeal restrictions;
    private final AuditTrail audit;
    private final Clock clock;

    public ListClientsService(Transactions transactions, Clients clients, ClientRestrictions clientRestrictions,
                              FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.seal = new ClientSeal(cipher);
        this.restrictions = new RestrictionSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<ClientView> list(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.VIEW_CLIENTS);
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        return transactions.inTenant(tenant, () -> {
            Page<StoredClient> page = clients.list(tenant, request);
            ClientAccess.Visible visible = ClientAccess.visible(clientRestrictions, principal, tenant, page.items());
            seal.preload(visible.clients());
            Page<ClientView> views = new Page<>(visible.clients().stream()
                    .map(stored -> ClientAccess.view(seal.open(stored, notes), notes)
                            .withRestriction(Optional.ofNullable(visible.restrictions().get(stored.id()))
                                    .map(r -> restrictions.view(tenant, r))))
                    .toList(), page.next());
            ClientAccess.recordShown(audit, principal, "client.list",
                    views.items().stream().map(ClientView::id).toList(), clock.instant());
            return views;
        });
    }
}
