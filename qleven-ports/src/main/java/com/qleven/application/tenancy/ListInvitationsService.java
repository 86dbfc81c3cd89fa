package com.qleven.application.tenancy;

import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.in.ListInvitations;
import com.qleven.ports.tenancy.out.Invitations;
import java.time.Clock;
import java.time.Instant;

public final class ListInvitationsService implements ListInvitations {
    private final Transactions transactions;
    private final Invitations invitations;
    private final InvitationFields fields;
    private final Clock clock;

    public ListInvitationsService(Transactions transactions, Invitations invitations, FieldCipher cipher, Clock clock) {
        this.transactions = transactions;
        this.invitations = invitations;
        this.fields = new InvitationFields(cipher);
        this.clock = clock;
    }

    @Override
    public Page<InvitationView> pending(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.MANAGE_USERS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            var page = invitations.pending(tenant, now, request);
            fields.preload(page.items());
            return new Page<>(page.items().stream().map(s -> InvitationFields.view(fields.open(s), now)).toList(),
                    page.next());
        });
    }

    @Override
    public InvitationView get(Principal principal, InvitationId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.MANAGE_USERS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> invitations.byId(tenant, id)
                .map(s -> InvitationFields.view(fields.open(s), now))
                .orElseThrow(() -> new NotFoundException("invitation")));
    }
}
