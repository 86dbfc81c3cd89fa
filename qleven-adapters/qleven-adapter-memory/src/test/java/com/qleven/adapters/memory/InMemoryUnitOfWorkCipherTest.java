package com.qleven.adapters.memory;

import com.qleven.ports.usecases.UnitOfWorkCipherSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryUnitOfWorkCipherTest extends UnitOfWorkCipherSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
