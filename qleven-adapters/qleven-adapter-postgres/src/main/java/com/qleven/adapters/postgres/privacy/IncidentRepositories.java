package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.Incidents;

/** Builds the PostgreSQL repositories of the incident register, notices, sub-processors and policy versions; their classes stay package-private. */
public final class IncidentRepositories {
    private IncidentRepositories() {
    }

    public static Incidents incidents(PostgresTransactions tx) {
        return new PostgresIncidents(tx);
    }

    public static CenterNotifications centerNotifications(PostgresTransactions tx) {
        return new PostgresCenterNotifications(tx);
    }

    public static com.qleven.ports.privacy.out.Subprocessors subprocessors(PostgresTransactions tx) {
        return new PostgresSubprocessors(tx);
    }

    public static com.qleven.ports.privacy.out.PolicyVersions policyVersions(PostgresTransactions tx) {
        return new PostgresPolicyVersions(tx);
    }
}
