package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.GetProfile;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Memberships;
import java.time.Clock;
import java.util.Optional;

public final class GetProfileService implements GetProfile {
    private final Transactions transactions;
    private final Accounts accounts;
    private final Memberships memberships;
    private final AccountFields fields;
    private final AuditTrail audit;
    private final Clock clock;

    public GetProfileService(Transactions transactions, Accounts accounts, Memberships memberships, FieldCipher cipher,
                             AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.memberships = memberships;
        this.fields = new AccountFields(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserView me(Principal principal) {
        Permissions.require(principal, Permission.VIEW_OWN_PROFILE);
        if (principal.tenantId().isEmpty()) {
            return transactions.global(() -> Users.operatorView(account(principal)));
        }
        var tenant = principal.tenantId().get();
        return transactions.inTenant(tenant, () -> Users.view(account(principal),
                memberships.find(tenant, principal.userId()).orElseThrow(UnauthenticatedException::new)));
    }

    /** Reads the caller's own account and records the read in the caller's chain. */
    private Account account(Principal principal) {
        Account account = accounts.byId(principal.userId()).map(fields::open)
                .orElseThrow(UnauthenticatedException::new);
        audit.record(AuditEvent.by(principal, "account.read", "account", Optional.of(principal.userId().value()),
                "own profile", 1, clock.instant()));
        return account;
    }
}
