package com.qleven.adapters.memory;

import com.qleven.ports.usecases.PaymentUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryPaymentUseCasesTest extends PaymentUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
