package com.qleven.adapters.memory;

import com.qleven.ports.usecases.MissingFieldsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryMissingFieldsUseCasesTest extends MissingFieldsUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
