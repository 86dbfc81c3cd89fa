package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresUseCases;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.usecases.PaymentUseCasesSuite;
import com.qleven.ports.usecases.UseCasesFixture;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payments, refunds, deposits and the cash report on PostgreSQL, through the unprivileged role and
 * row-level security; and the books append-only in the database itself (V28's trigger).
 */
class PostgresPaymentUseCasesTest extends PaymentUseCasesSuite {
    @RegisterExtension
    static final PostgresUseCases DB = new PostgresUseCases();

    @Override
    protected UseCasesFixture fixture() {
        return DB.fixture();
    }

    private <T> T sql(TenantId tenant, Function<Handle, T> work) {
        PostgresTransactions tx = (PostgresTransactions) store.shared().transactions();
        return tx.inTenant(tenant, () -> tx.withHandle("test", work));
    }

    @Test
    void aRecordedPaymentCannotBeChangedNorDeletedEvenBySqlThatSkipsTheRepository() {
        Center c = center();
        InvoiceId id = issued(c, 10000);
        Payment paid = qleven.billing().recordPayment(c.desk(), id, pay(PaymentMethod.CASH, 4000)).payment();
        Payment deposit = qleven.billing().takeDeposit(c.desk(), booked(c), pay(PaymentMethod.CARD, 1000));

        for (String change : java.util.List.of("UPDATE payments SET amount_minor = 1 WHERE id = ?",
                "UPDATE payments SET method = 'card' WHERE id = ?",
                "UPDATE payments SET reference = 'x' WHERE id = ?",
                "DELETE FROM payments WHERE id = ?")) {
            assertThatThrownBy(() -> sql(c.tenant(), h -> h.execute(change, paid.id().value()))).as(change)
                    .hasStackTraceContaining("append-only");
        }
        assertThatThrownBy(() -> sql(c.tenant(), h -> h.execute(
                "UPDATE payments SET invoice_id = ?, amount_minor = 5 WHERE id = ?", id.value(), deposit.id().value())))
                .as("applying a deposit changes nothing else").hasStackTraceContaining("append-only");
        // Applying a deposit to an invoice is the one change, once.
        int applied = sql(c.tenant(), h -> h.execute("UPDATE payments SET invoice_id = ? WHERE id = ?", id.value(),
                deposit.id().value()));
        assertThat(applied).isEqualTo(1);
        InvoiceId other = issued(c, 500);
        assertThatThrownBy(() -> sql(c.tenant(), h -> h.execute("UPDATE payments SET invoice_id = ? WHERE id = ?",
                other.value(), deposit.id().value()))).hasStackTraceContaining("append-only");
        assertThat(qleven.billing().payments(c.admin(), id)).extracting(p -> p.amount().amountMinor())
                .containsExactly(4000L, 1000L);
        // TRUNCATE is not even granted to the pool's role.
        assertThatThrownBy(() -> sql(c.tenant(), h -> h.execute("TRUNCATE payments")))
                .hasStackTraceContaining("permission denied");
    }
}
