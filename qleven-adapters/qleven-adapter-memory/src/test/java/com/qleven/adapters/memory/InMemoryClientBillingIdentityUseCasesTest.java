package com.qleven.adapters.memory;

import com.qleven.ports.usecases.ClientBillingIdentityUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryClientBillingIdentityUseCasesTest extends ClientBillingIdentityUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
