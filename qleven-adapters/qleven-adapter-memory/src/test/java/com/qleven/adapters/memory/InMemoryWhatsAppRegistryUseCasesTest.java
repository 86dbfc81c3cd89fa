package com.qleven.adapters.memory;

import com.qleven.ports.usecases.UseCasesFixture;
import com.qleven.ports.usecases.WhatsAppRegistryUseCasesSuite;

class InMemoryWhatsAppRegistryUseCasesTest extends WhatsAppRegistryUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
