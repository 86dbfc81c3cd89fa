package com.qleven.adapters.memory;

import com.qleven.ports.usecases.MessageRecipientsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryMessageRecipientsUseCasesTest extends MessageRecipientsUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
