package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.MailOutbox;

/** Builds the PostgreSQL mail outbox; its class stays package-private. */
public final class MailRepositories {
    private MailRepositories() {
    }

    public static MailOutbox mailOutbox(PostgresTransactions tx) {
        return new PostgresMailOutbox(tx);
    }
}
