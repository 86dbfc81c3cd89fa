package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.ListUsers;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.StoredAccount;
import com.qleven.ports.tenancy.out.TypedMember;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class ListUsersService implements ListUsers {
    private final Transactions transactions;
    private final Accounts accounts;
    private final Memberships memberships;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final AuditTrail audit;
    private final Clock clock;

    public ListUsersService(Transactions transactions, Accounts accounts, Memberships memberships, FieldCipher cipher,
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
    public Page<UserView> list(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.VIEW_USERS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<Membership> page = memberships.list(tenant, request);
            // Pending members are shown as typed: their accounts are not even read.
            Map<UserId, StoredAccount> accounts = this.accounts
                    .byIds(page.items().stream().filter(m -> !m.pending()).map(Membership::userId).toList()).stream()
                    .collect(Collectors.toMap(StoredAccount::id, Function.identity()));
            Map<UserId, TypedMember> typed = memberships
                    .typed(tenant, page.items().stream().filter(Membership::pending).map(Membership::userId).toList())
                    .stream().collect(Collectors.toMap(TypedMember::userId, Function.identity()));
            cipher.preload(Stream.concat(
                    accounts.values().stream().flatMap(a -> Stream.of(a.fullName(), a.email(), a.phone())),
                    typed.values().stream().flatMap(t -> Stream.of(t.fullName(), t.email(), t.phone())))
                    .toList());
            List<UserView> items = page.items().stream()
                    .filter(m -> m.pending() ? typed.containsKey(m.userId()) : accounts.containsKey(m.userId()))
                    .map(m -> m.pending()
                            ? Users.view(Users.openTyped(cipher, m, typed.get(m.userId())), m)
                            : Users.view(fields.open(accounts.get(m.userId())), m))
                    .toList();
            audit.record(AuditEvent.by(principal, "account.list", "account", Optional.empty(), "member list",
                    items.size(), clock.instant()));
            return new Page<>(items, page.next());
        });
    }
}
