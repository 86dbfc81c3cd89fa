package com.qleven.application.tenancy;

import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.tenancy.in.UserView;
import java.util.Optional;

/** Builds the views of accounts that the use cases answer. */
final class Users {
    private Users() {
    }

    static UserView view(Account account, Membership membership) {
        return new UserView(account.id(), Optional.of(membership.tenantId()), membership.role(),
                account.person().fullName(), account.person().email().value(),
                account.person().phone().map(p -> p.e164()), account.ageConfirmedAt(), membership.createdAt(),
                membership.active());
    }

    static UserView operatorView(Account account) {
        return new UserView(account.id(), Optional.empty(), Role.OPERATOR, account.person().fullName(),
                account.person().email().value(), account.person().phone().map(p -> p.e164()),
                account.ageConfirmedAt(), account.createdAt(), true);
    }
}
