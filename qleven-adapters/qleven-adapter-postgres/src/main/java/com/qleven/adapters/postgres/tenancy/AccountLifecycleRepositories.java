package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Invitations;

/** Builds the PostgreSQL repositories of the account lifecycle; their classes stay package-private. */
public final class AccountLifecycleRepositories {
    private AccountLifecycleRepositories() {
    }

    public static Invitations invitations(PostgresTransactions tx) {
        return new PostgresInvitations(tx);
    }

    public static AccountTokens accountTokens(PostgresTransactions tx) {
        return new PostgresAccountTokens(tx);
    }
}
