package com.qleven.adapters.memory;

import com.qleven.ports.usecases.TenancyUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryTenancyUseCasesTest extends TenancyUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
