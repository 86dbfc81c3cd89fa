package com.qleven.adapters.memory;

import com.qleven.ports.usecases.PackagesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryPackagesUseCasesTest extends PackagesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
