package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.GetUser;
import com.qleven.ports.tenancy.in.UserView;

public final class GetUserService implements GetUser {
    private final QlevenStore store;
    private final AccountFields fields;

    public GetUserService(QlevenStore store, FieldCipher cipher) {
        this.store = store;
        this.fields = new AccountFields(cipher);
    }

    @Override
    public UserView get(Principal principal, UserId user) {
        Permissions.require(principal, Permission.VIEW_USERS);
        TenantId tenant = principal.requireTenant();
        return store.transactions().inTenant(tenant, () -> store.memberships().find(tenant, user)
                .flatMap(m -> store.accounts().byId(user).map(a -> Users.view(fields.open(a), m)))
                .orElseThrow(() -> new NotFoundException("user")));
    }
}
