package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;

/**
 * Builds the PostgreSQL repositories of the tenancy out-ports; their classes stay package-private.
 * Each statement on a center's table also filters by {@code tenant_id}, on top of row-level
 * security; a call made outside any unit of work runs in a short one for the center it names.
 */
public final class TenancyRepositories {
    private TenancyRepositories() {
    }

    public static Centers centers(PostgresTransactions tx) {
        return new PostgresCenters(tx);
    }

    public static Accounts accounts(PostgresTransactions tx) {
        return new PostgresAccounts(tx);
    }

    public static Memberships memberships(PostgresTransactions tx) {
        return new PostgresMemberships(tx);
    }

    public static Sessions sessions(PostgresTransactions tx) {
        return new PostgresSessions(tx);
    }
}
