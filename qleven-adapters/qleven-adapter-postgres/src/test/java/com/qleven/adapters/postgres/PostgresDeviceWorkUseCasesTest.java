package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.ports.usecases.DeviceWorkUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Device commands, telemetry, maintenance and sessions on PostgreSQL, through the unprivileged role and row-level security. */
class PostgresDeviceWorkUseCasesTest extends DeviceWorkUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }

    @Override
    protected boolean locksRows() {
        return true;
    }
}
