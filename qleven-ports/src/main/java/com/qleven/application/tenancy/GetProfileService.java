package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.GetProfile;
import com.qleven.ports.tenancy.in.UserView;

public final class GetProfileService implements GetProfile {
    private final QlevenStore store;
    private final AccountFields fields;

    public GetProfileService(QlevenStore store, FieldCipher cipher) {
        this.store = store;
        this.fields = new AccountFields(cipher);
    }

    @Override
    public UserView me(Principal principal) {
        Permissions.require(principal, Permission.VIEW_OWN_PROFILE);
        if (principal.tenantId().isEmpty()) {
            return store.transactions().global(() -> Users.operatorView(account(principal)));
        }
        var tenant = principal.tenantId().get();
        return store.transactions().inTenant(tenant, () -> Users.view(account(principal),
                store.memberships().find(tenant, principal.userId()).orElseThrow(UnauthenticatedException::new)));
    }

    private Account account(Principal principal) {
        return store.accounts().byId(principal.userId()).map(fields::open).orElseThrow(UnauthenticatedException::new);
    }
}
