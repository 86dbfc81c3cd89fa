package com.qleven.adapters.memory;

import com.qleven.ports.usecases.CalendarFeedUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryCalendarFeedUseCasesTest extends CalendarFeedUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
