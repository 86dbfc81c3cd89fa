package com.qleven.adapters.memory;

import com.qleven.ports.usecases.ClientsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryClientsUseCasesTest extends ClientsUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
