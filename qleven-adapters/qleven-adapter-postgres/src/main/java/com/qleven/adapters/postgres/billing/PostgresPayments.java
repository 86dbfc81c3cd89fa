package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.billing.out.Payments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Payments, refunds and deposits in {@code payments} (V28), under row-level security; every call is
 * one statement. The V28 trigger keeps the table append-only (but applying a deposit to an invoice),
 * whatever this class is asked.
 */
final class PostgresPayments implements Payments {
    private static final String COLUMNS = "id, kind, invoice_id, appointment_id, method, amount_minor, currency,"
            + " reference, provider, recorded_at, recorded_by";
    private static final RowMapper<Payment> PAYMENT = (rs, ctx) -> payment(rs);
    private final PostgresTransactions tx;

    PostgresPayments(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, Payment payment) {
        tx.withHandle(Optional.of(tenant), "record a payment", h -> h.createUpdate("""
                        INSERT INTO public.payments (tenant_id, id, kind, invoice_id, appointment_id, method,
                            amount_minor, currency, reference, provider, recorded_at, recorded_by)
                        VALUES (:tenant, :id, :kind, :invoice, :appointment, :method, :amount, :currency, :reference,
                            :provider, :recordedAt, :recordedBy)""")
                .bind("tenant", tenant.value())
                .bind("id", payment.id().value())
                .bind("kind", payment.kind().wireName())
                .bind("invoice", payment.invoice().map(InvoiceId::value).orElse(null))
                .bind("appointment", payment.appointment().map(AppointmentId::value).orElse(null))
                .bind("method", payment.method().wireName())
                .bind("amount", payment.amount().amountMinor())
                .bind("currency", payment.amount().currency().getCurrencyCode())
                .bind("reference", payment.reference().orElse(null))
                .bind("provider", payment.provider())
                .bind("recordedAt", payment.recordedAt())
                .bind("recordedBy", payment.recordedBy().value())
                .execute());
    }

    @Override
    public List<Payment> ofInvoice(TenantId tenant, InvoiceId invoice) {
        return tx.withHandle(Optional.of(tenant), "list an invoice's payments", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.payments WHERE tenant_id = :tenant"
                                + " AND invoice_id = :invoice ORDER BY recorded_at, id")
                .bind("tenant", tenant.value())
                .bind("invoice", invoice.value())
                .map(PAYMENT)
                .list());
    }

    @Override
    public List<Payment> depositsOf(TenantId tenant, AppointmentId appointment) {
        return tx.withHandle(Optional.of(tenant), "list an appointment's deposits", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.payments WHERE tenant_id = :tenant"
                                + " AND appointment_id = :appointment AND kind = 'deposit' ORDER BY recorded_at, id")
                .bind("tenant", tenant.value())
                .bind("appointment", appointment.value())
                .map(PAYMENT)
                .list());
    }

    /**
     * The running sum (oldest first) picks the deposits that fit; the rows are locked by the
     * {@code UPDATE}, and the invoice is settled by the same statement, so the deposits and the
     * invoice's paid amount never disagree.
     */
    @Override
    public long applyDeposits(TenantId tenant, AppointmentId appointment, InvoiceId invoice, long upTo) {
        return tx.withHandle(Optional.of(tenant), "apply an appointment's deposits", h -> h.createQuery("""
                        WITH unapplied AS (
                            SELECT id, sum(amount_minor) OVER (ORDER BY recorded_at, id) AS running
                            FROM public.payments
                            WHERE tenant_id = :tenant AND appointment_id = :appointment AND kind = 'deposit'
                              AND invoice_id IS NULL),
                        applied AS (
                            UPDATE public.payments p SET invoice_id = :invoice
                            FROM unapplied u
                            WHERE p.tenant_id = :tenant AND p.id = u.id AND u.running <= :upTo
                            RETURNING p.amount_minor),
                        total AS (SELECT coalesce(sum(amount_minor), 0)::bigint AS amount FROM applied),
                        settled AS (
                            UPDATE public.invoices i SET paid_minor = i.paid_minor + total.amount,
                                version = i.version + 1
                            FROM total
                            WHERE i.tenant_id = :tenant AND i.id = :invoice AND total.amount > 0
                            RETURNING i.id)
                        SELECT total.amount FROM total""")
                .bind("tenant", tenant.value())
                .bind("appointment", appointment.value())
                .bind("invoice", invoice.value())
                .bind("upTo", upTo)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<CashRow> cash(TenantId tenant, Instant from, Instant to) {
        return tx.withHandle(Optional.of(tenant), "sum a day's payments", h -> h.createQuery("""
                        SELECT method, kind, count(*) AS n, sum(amount_minor)::bigint AS total
                        FROM public.payments
                        WHERE tenant_id = :tenant AND recorded_at >= :from AND recorded_at < :to
                        GROUP BY method, kind""")
                .bind("tenant", tenant.value())
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new CashRow(PaymentMethod.fromWire(rs.getString("method"), "method"),
                        PaymentKind.fromWire(rs.getString("kind")), rs.getLong("n"), rs.getLong("total")))
                .list());
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        UUID invoice = (UUID) rs.getObject("invoice_id");
        UUID appointment = (UUID) rs.getObject("appointment_id");
        return new Payment(new PaymentId(Sql.uuid(rs, "id")), PaymentKind.fromWire(rs.getString("kind")),
                Optional.ofNullable(invoice).map(InvoiceId::new),
                Optional.ofNullable(appointment).map(AppointmentId::new),
                PaymentMethod.fromWire(rs.getString("method"), "method"),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                Optional.ofNullable(rs.getString("reference")), rs.getString("provider"),
                Sql.instant(rs, "recorded_at"), new UserId(Sql.uuid(rs, "recorded_by")));
    }
}
