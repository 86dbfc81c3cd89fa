package com.qleven.adapters.memory;

import com.qleven.ports.usecases.CampaignsUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryCampaignsUseCasesTest extends CampaignsUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
