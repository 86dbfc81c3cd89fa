package com.qleven.adapters.memory;

import com.qleven.ports.usecases.PolicyVersionUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryPolicyVersionUseCasesTest extends PolicyVersionUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
