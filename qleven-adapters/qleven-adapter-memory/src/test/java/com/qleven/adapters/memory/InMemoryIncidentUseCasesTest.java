package com.qleven.adapters.memory;

import com.qleven.ports.usecases.IncidentUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryIncidentUseCasesTest extends IncidentUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
