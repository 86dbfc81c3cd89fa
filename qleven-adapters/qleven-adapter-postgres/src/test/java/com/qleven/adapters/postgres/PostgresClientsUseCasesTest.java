package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.ClientsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client use cases on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresClientsUseCasesTest extends ClientsUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
