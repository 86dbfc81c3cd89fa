package com.qleven.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.tenancy.in.UserView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbedOnPostgresTest {

    @Test
    void thePartnerScenarioRunsOnPostgresAndItsDataSurvivesANewStore() {
        PostgresSettings database = TestDatabases.newDatabase();
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "example test");
        PostgresSettings settings = EmbedOnPostgres.settings(database.jdbcUrl(), database.ownerUser(),
                database.ownerPassword(), keys);
        FrontDeskScenario.Outcome outcome;
        try (PostgresStore store = PostgresStore.open(settings)) {
            outcome = FrontDeskScenario.run(EmbedOnPostgres.core(store, keys), "ana@example.com",
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }
        assertThat(outcome.receptionistRefused()).isTrue();
        assertThat(outcome.found().items()).extracting(c -> c.id()).containsExactly(outcome.client().id());
        assertThat(outcome.whatsappAllowed()).isTrue();
        assertThat(outcome.staff().items()).extracting(UserView::role)
                .containsExactly(Role.ADMINISTRATOR, Role.RECEPTIONIST);

        try (PostgresStore reopened = PostgresStore.open(settings)) {
            var core = EmbedOnPostgres.core(reopened, keys);
            var token = core.tenancy().signIn(new com.qleven.ports.tenancy.in.SignInCommand("ana@example.com",
                    "a long admin passphrase", java.util.Optional.empty(),
                    com.qleven.ports.tenancy.in.ClientInfo.unknown())).token();
            assertThat(core.tenancy().me(core.tenancy().authenticate(token)).fullName()).isEqualTo("Ana López");
        }
    }
}
