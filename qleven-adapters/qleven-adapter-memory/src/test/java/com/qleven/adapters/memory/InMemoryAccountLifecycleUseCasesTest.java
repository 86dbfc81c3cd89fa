package com.qleven.adapters.memory;

import com.qleven.ports.usecases.AccountLifecycleUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryAccountLifecycleUseCasesTest extends AccountLifecycleUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
