package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.UnitOfWorkCipherSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cipher within units of work on PostgreSQL, through the unprivileged role. */
class PostgresUnitOfWorkCipherTest extends UnitOfWorkCipherSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
