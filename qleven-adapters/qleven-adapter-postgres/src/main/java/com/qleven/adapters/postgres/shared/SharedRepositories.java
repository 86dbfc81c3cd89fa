package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.RateLimits;

/** Builds the PostgreSQL repositories of the shared out-ports; their classes stay package-private. */
public final class SharedRepositories {
    private SharedRepositories() {
    }

    public static Directory directory(PostgresTransactions tx) {
        return new PostgresDirectory(tx);
    }

    public static RateLimits rateLimits(PostgresTransactions tx) {
        return new PostgresRateLimits(tx);
    }

    public static DataKeys dataKeys(PostgresTransactions tx) {
        return new PostgresDataKeys(tx);
    }

    public static com.qleven.ports.shared.out.OperationalRecords operationalRecords(PostgresTransactions tx) {
        return new PostgresOperationalRecords(tx);
    }

    public static IdempotencyRecords idempotencyRecords(PostgresTransactions tx) {
        return new PostgresIdempotencyRecords(tx);
    }
}
