package com.qleven.adapters.memory;

import com.qleven.ports.usecases.PrivacyRequestsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryPrivacyRequestsUseCasesTest extends PrivacyRequestsUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
