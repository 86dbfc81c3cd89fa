package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.SchedulingCatalogueUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Settings, tax rates, catalogue and staff schedules on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresSchedulingCatalogueUseCasesTest extends SchedulingCatalogueUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
