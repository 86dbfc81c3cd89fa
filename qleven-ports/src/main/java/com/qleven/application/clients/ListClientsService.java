package com.qleven.application.clients;

import com.qleven.application.QlevenStore;
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
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public final class ListClientsService implements ListClients {
    private final QlevenStore store;
    private final ClientSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    public ListClientsService(QlevenStore store, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.store = store;
        this.seal = new ClientSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<ClientView> list(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.VIEW_CLIENTS);
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        return store.transactions().inTenant(tenant, () -> {
            Page<StoredClient> page = store.clients().list(tenant, request);
            List<StoredClient> visible = ClientAccess.unlessRestricted(store, principal, tenant, page.items());
            Page<ClientView> views = new Page<>(visible.stream()
                    .map(stored -> ClientAccess.view(seal.open(stored, notes), notes)).toList(), page.next());
            ClientAccess.record(audit, principal, "client.list", Optional.empty(), views.items().size(),
                    clock.instant());
            return views;
        });
    }
}
