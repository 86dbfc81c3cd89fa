package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.HousekeepingUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotency and housekeeping on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresHousekeepingUseCasesTest extends HousekeepingUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
