package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.PackagesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prepaid packages on PostgreSQL, through the unprivileged role and row-level security: there two
 * completions racing for a last session really run at once, and the row lock orders them.
 */
class PostgresPackagesUseCasesTest extends PackagesUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
