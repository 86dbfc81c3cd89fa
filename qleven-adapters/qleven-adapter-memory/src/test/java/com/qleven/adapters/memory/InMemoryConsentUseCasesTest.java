package com.qleven.adapters.memory;

import com.qleven.ports.usecases.ConsentUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryConsentUseCasesTest extends ConsentUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
