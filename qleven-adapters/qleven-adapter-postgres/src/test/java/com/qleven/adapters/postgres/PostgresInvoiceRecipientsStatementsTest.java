package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.InvoiceRecipient;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.usecases.UseCasesFixture;
import com.qleven.ports.usecases.UseCasesSuiteBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What billing pays to read an invoice's recipient inside its own unit of work: one statement of
 * the store (the client's row with its restriction) and one read of the keys it decrypts with (the
 * center's finance key and the client's own, together), none of them once the unit holds the keys.
 */
class PostgresInvoiceRecipientsStatementsTest extends UseCasesSuiteBase {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();
    /** The statements sent on this thread while a test counts; null when it does not. */
    private static final ThreadLocal<List<String>> SENT = new ThreadLocal<>();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }

    @BeforeAll
    static void countStatements() {
        DB.store().instrument(jdbi -> jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                List<String> sent = SENT.get();
                if (sent != null) {
                    sent.add(context.getRenderedSql().replaceAll("\\s+", " "));
                }
            }
        }));
    }

    private List<String> sentBy(Runnable work) {
        List<String> sent = new ArrayList<>();
        SENT.set(sent);
        try {
            work.run();
        } finally {
            SENT.remove();
        }
        return sent;
    }

    @Test
    void aRecipientCostsTheClientsRowAndOneReadOfItsKeys() {
        Qleven qleven = core(DB.store()).clock(new MutableClock(Instant.parse("2026-03-29T08:00:00Z")))
                .signupsPerAddressPerHour(1000).build();
        ClientInfo from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder().centerName("Clínica").address("Calle 1")
                .taxId("B1").country("ES").timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin")
                .email(email).password("correct horse battery").ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = qleven.tenancy().authenticate(qleven.tenancy().signIn(
                new SignInCommand(email, "correct horse battery", Optional.empty(), from)).token());
        ClientId addressOnly = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Marta Soler")
                .billingIdentity(null, "Rue 5, Rabat", "ICE 0012").build()).id();
        ClientId plain = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Pau Roig").build())
                .id();

        List<InvoiceRecipient> read = new ArrayList<>();
        List<String> sent = sentBy(() -> DB.store().shared().transactions().inTenant(tenant, () -> {
            read.add(qleven.clients().invoiceRecipients().recipient(tenant, addressOnly));
            read.add(qleven.clients().invoiceRecipients().recipient(tenant, addressOnly));
            return null;
        }));

        assertThat(read).extracting(InvoiceRecipient::name).containsExactly("Marta Soler", "Marta Soler");
        assertThat(sent.stream().filter(s -> s.contains("set_config"))).hasSize(1);
        assertThat(sent.stream().filter(s -> s.contains("public.clients"))).as(String.join("\n", sent)).hasSize(2);
        assertThat(sent.stream().filter(s -> s.contains("keystore."))).as("both keys in one read, once per unit")
                .hasSize(1);
        assertThat(sent).as(String.join("\n", sent)).hasSize(4);

        List<String> plainSent = sentBy(() -> DB.store().shared().transactions().inTenant(tenant,
                () -> qleven.clients().invoiceRecipients().recipient(tenant, plain)));
        assertThat(plainSent).as(String.join("\n", plainSent)).hasSize(3);
    }
}
