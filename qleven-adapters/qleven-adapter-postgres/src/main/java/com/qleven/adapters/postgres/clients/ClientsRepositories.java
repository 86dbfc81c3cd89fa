package com.qleven.adapters.postgres.clients;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.clients.out.Clients;

/** Builds the PostgreSQL repository of the clients out-port; its class stays package-private. */
public final class ClientsRepositories {
    private ClientsRepositories() {
    }

    public static Clients clients(PostgresTransactions tx) {
        return new PostgresClients(tx);
    }

    public static com.qleven.ports.clients.out.ClientRestrictions clientRestrictions(PostgresTransactions tx) {
        return new PostgresClientRestrictions(tx);
    }

    public static com.qleven.ports.clients.out.ClientDuplicates clientDuplicates(PostgresTransactions tx) {
        return new PostgresClientDuplicates(tx);
    }
}
