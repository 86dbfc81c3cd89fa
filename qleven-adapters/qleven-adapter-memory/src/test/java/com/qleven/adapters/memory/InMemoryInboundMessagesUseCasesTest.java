package com.qleven.adapters.memory;

import com.qleven.ports.usecases.InboundMessagesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryInboundMessagesUseCasesTest extends InboundMessagesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
