package com.qleven.adapters.postgres.consent;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.consent.out.ConsentLedger;

/** Builds the PostgreSQL repository of the consent ledger; its class stays package-private. */
public final class ConsentRepositories {
    private ConsentRepositories() {
    }

    public static ConsentLedger consentLedger(PostgresTransactions tx) {
        return new PostgresConsentLedger(tx);
    }
}
