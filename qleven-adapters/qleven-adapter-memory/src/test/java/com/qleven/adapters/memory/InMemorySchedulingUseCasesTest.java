package com.qleven.adapters.memory;

import com.qleven.ports.usecases.SchedulingUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemorySchedulingUseCasesTest extends SchedulingUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
