package com.qleven.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.tenancy.Role;
import com.qleven.ports.tenancy.in.UserView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbedInMemoryTest {

    @Test
    void thePartnerScenarioRunsInMemory() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        var outcome = FrontDeskScenario.run(EmbedInMemory.core(), "ana@example.com",
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(outcome.receptionistRefused()).isTrue();
        assertThat(outcome.found().items()).extracting(c -> c.id()).containsExactly(outcome.client().id());
        assertThat(outcome.whatsappAllowed()).isTrue();
        assertThat(outcome.staff().items()).extracting(UserView::role)
                .containsExactly(Role.ADMINISTRATOR, Role.RECEPTIONIST);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("staff: receptionist Luis Pérez");
    }
}
