package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.DepositsAndFeesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deposits and the fee policy on PostgreSQL (V30), through the unprivileged role and row-level security. */
class PostgresDepositsAndFeesUseCasesTest extends DepositsAndFeesUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
