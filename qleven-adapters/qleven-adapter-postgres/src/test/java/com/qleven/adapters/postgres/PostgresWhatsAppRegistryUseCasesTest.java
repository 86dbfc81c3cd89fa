package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.UseCasesFixture;
import com.qleven.ports.usecases.WhatsAppRegistryUseCasesSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The messaging verbs other parts of messaging call, on PostgreSQL through the unprivileged role. */
class PostgresWhatsAppRegistryUseCasesTest extends WhatsAppRegistryUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }
}
