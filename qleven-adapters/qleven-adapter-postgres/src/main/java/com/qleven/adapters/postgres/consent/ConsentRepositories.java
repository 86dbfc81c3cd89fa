package com.qleven.adapters.postgres.consent;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.consent.out.ConsentLedger;

/** Builds the PostgreSQL repositories of the consent ledger, the centers' purposes and their notice texts; their classes stay package-private. */
public final class ConsentRepositories {
    private ConsentRepositories() {
    }

    public static ConsentLedger consentLedger(PostgresTransactions tx) {
        return new PostgresConsentLedger(tx);
    }

    public static com.qleven.ports.consent.out.ConsentPurposes consentPurposes(PostgresTransactions tx) {
        return new PostgresConsentPurposes(tx);
    }

    public static com.qleven.ports.consent.out.ConsentNotices consentNotices(PostgresTransactions tx) {
        return new PostgresConsentNotices(tx);
    }
}
