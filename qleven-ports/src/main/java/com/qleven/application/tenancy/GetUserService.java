package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.GetUser;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Memberships;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public final class GetUserService implements GetUser {
    private final Transactions transactions;
    private final Accounts accounts;
    private final Memberships memberships;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final AuditTrail audit;
    private final Clock clock;

    public GetUserService(Transactions transactions, Accounts accounts, Memberships memberships, FieldCipher cipher,
                          AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.memberships = memberships;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserView get(Principal principal, UserId user) {
        Required.field(user, "user");
        Permissions.require(principal, Permission.VIEW_USERS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            // A pending member is shown as typed: the account is not even read.
            UserView view = memberships.find(tenant, user)
                    .flatMap(m -> m.pending()
                            ? memberships.typed(tenant, List.of(user)).stream().findFirst()
                                    .map(t -> Users.view(Users.openTyped(cipher, m, t), m))
                            : accounts.byId(user).map(a -> Users.view(fields.open(a), m)))
                    .orElseThrow(() -> new NotFoundException("user"));
            audit.record(AuditEvent.by(principal, "account.read", "account", Optional.of(user.value()),
                    "member details", 1, clock.instant()));
            return view;
        });
    }
}
