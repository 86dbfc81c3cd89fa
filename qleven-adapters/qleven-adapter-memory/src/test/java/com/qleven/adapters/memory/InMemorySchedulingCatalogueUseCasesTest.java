package com.qleven.adapters.memory;

import com.qleven.ports.usecases.SchedulingCatalogueUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemorySchedulingCatalogueUseCasesTest extends SchedulingCatalogueUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
