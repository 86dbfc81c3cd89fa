package com.qleven.adapters.postgres.privacy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.privacy.out.PrivacyRequests;

/** Builds the PostgreSQL repositories of data-subject requests and suppressions; their classes stay package-private. */
public final class PrivacyRequestRepositories {
    private PrivacyRequestRepositories() {
    }

    public static PrivacyRequests privacyRequests(PostgresTransactions tx) {
        return new PostgresPrivacyRequests(tx);
    }

    public static com.qleven.ports.privacy.out.Suppressions suppressions(PostgresTransactions tx) {
        return new PostgresSuppressions(tx);
    }
}
