package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.SessionGate;
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

    /**
     * The gate that opens a request's unit of work in one statement; {@code memberships} must be
     * {@link #memberships}'s (it keeps the caller's membership for the rest of the unit), and
     * {@code directory} and {@code sessions} serve a unit opened inside a global one.
     */
    public static SessionGate sessionGate(PostgresTransactions tx, Directory directory, Sessions sessions,
                                          Memberships memberships) {
        if (!(memberships instanceof PostgresMemberships postgres)) {
            throw new IllegalArgumentException("the gate needs this adapter's memberships");
        }
        return new PostgresSessionGate(tx, postgres, SessionGate.composed(tx, directory, sessions, memberships));
    }
}
