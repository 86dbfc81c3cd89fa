package com.qleven.adapters.memory;

import com.qleven.ports.usecases.AuditUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryAuditUseCasesTest extends AuditUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
