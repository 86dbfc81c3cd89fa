package com.qleven.adapters.memory;

import com.qleven.ports.usecases.AppointmentMessagesUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;

class InMemoryAppointmentMessagesUseCasesTest extends AppointmentMessagesUseCasesSuite {
    @Override
    protected UseCasesFixture fixture() {
        return InMemoryUseCases.FIXTURE;
    }
}
