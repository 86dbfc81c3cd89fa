package com.qleven.adapters.memory;

import com.qleven.ports.usecases.DevicesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryDevicesUseCasesTest extends DevicesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
