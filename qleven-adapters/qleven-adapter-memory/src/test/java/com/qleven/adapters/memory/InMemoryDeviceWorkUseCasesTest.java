package com.qleven.adapters.memory;

import com.qleven.ports.usecases.DeviceWorkUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryDeviceWorkUseCasesTest extends DeviceWorkUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
