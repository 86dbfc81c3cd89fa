package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.AccountLifecycleUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account lifecycle on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresAccountLifecycleUseCasesTest extends AccountLifecycleUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
