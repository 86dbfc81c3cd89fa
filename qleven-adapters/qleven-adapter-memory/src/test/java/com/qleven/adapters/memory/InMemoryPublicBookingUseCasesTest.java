package com.qleven.adapters.memory;

import com.qleven.ports.usecases.PublicBookingUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryPublicBookingUseCasesTest extends PublicBookingUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
