package com.qleven.adapters.memory;

import com.qleven.ports.usecases.HousekeepingUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryHousekeepingUseCasesTest extends HousekeepingUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
