package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientNames;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.SearchClients;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks clients up through keyed indexes only: the HMAC of the phone in E.164 (read with the
 * center's country as default), of the normalised email, or of each typed name part's beginning.
 * Candidates found by name are confirmed on the decrypted name, since the index keeps at most the
 * first 12 characters of a part.
 */
public final class SearchClientsService implements SearchClients {
    private final Transactions transactions;
    private final Centers centers;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final ClientSeal seal;
    private final RestrictionSeal restrictions;
    private final PhoneNumbers phones;
    private final AuditTrail audit;
    private final Clock clock;

    public SearchClientsService(Transactions transactions, Centers centers, Clients clients,
                                ClientRestrictions clientRestrictions, FieldCipher cipher, PhoneNumbers phones,
                                AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.centers = centers;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.seal = new ClientSeal(cipher);
        this.restrictions = new RestrictionSeal(cipher);
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<ClientView> search(Principal principal, ClientSearch search, PageRequest request) {
        Required.field(search, "search");
        Required.field(request, "request");
        Permissions.require(principal, Permission.VIEW_CLIENTS);
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        // Checked before the unit of work: a name no index can look up is the caller's mistake.
        Set<String> nameTokens = search instanceof ClientSearch.ByName byName
                ? ClientNames.searchTokens(byName.typed()) : Set.of();
        return transactions.inTenant(tenant, () -> {
            Page<StoredClient> found;
            if (search instanceof ClientSearch.ByPhone byPhone) {
                Center center = ClientAccess.center(centers, tenant);
                PhoneNumber phone = phones.parse("phone", byPhone.typed(), center.profile().country());
                found = clients.byPhone(tenant, seal.phoneIndex(tenant, phone), request);
            } else if (search instanceof ClientSearch.ByEmail byEmail) {
                found = clients.byEmail(tenant, seal.emailIndex(tenant, byEmail.email()), request);
            } else {
                found = clients.byNameTokens(tenant, seal.nameTokens(tenant, nameTokens), request);
            }
            ClientAccess.Visible visible = ClientAccess.visible(clientRestrictions, principal, tenant, found.items());
            seal.preload(visible.clients());
            List<Client> clients = visible.clients().stream().map(stored -> seal.open(stored, notes)).toList();
            if (search instanceof ClientSearch.ByName byName) {
                clients = clients.stream().filter(c -> ClientNames.matches(byName.typed(), c.fullName())).toList();
            }
            Page<ClientView> views = new Page<>(clients.stream().map(c -> ClientAccess.view(c, notes)
                    .withRestriction(Optional.ofNullable(visible.restrictions().get(c.id()))
                            .map(r -> restrictions.view(tenant, r)))).toList(), found.next());
            ClientAccess.recordShown(audit, principal, "client.search",
                    views.items().stream().map(ClientView::id).toList(), clock.instant());
            return views;
        });
    }
}
