package com.qleven.adapters.memory;

import com.qleven.ports.usecases.DepositsAndFeesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryDepositsAndFeesUseCasesTest extends DepositsAndFeesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
