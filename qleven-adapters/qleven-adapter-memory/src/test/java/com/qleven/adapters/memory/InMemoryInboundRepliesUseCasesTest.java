package com.qleven.adapters.memory;

import com.qleven.ports.usecases.InboundRepliesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryInboundRepliesUseCasesTest extends InboundRepliesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
