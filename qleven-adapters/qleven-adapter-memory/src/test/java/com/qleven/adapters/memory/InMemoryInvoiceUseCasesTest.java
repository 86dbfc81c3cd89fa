package com.qleven.adapters.memory;

import com.qleven.ports.usecases.InvoiceUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryInvoiceUseCasesTest extends InvoiceUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
