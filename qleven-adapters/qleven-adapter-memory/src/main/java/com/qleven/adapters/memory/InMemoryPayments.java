package com.qleven.adapters.memory;

import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.StoredInvoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Payments in memory, append-only as in PostgreSQL: a payment is added once and never changes, but an
 * unapplied deposit is applied to an invoice once (with the invoice settled in the same step).
 */
final class InMemoryPayments implements Payments {
    private record Key(TenantId tenant, java.util.UUID id) {
    }

    private static final Comparator<Payment> MONEY_ORDER = Comparator.comparing(Payment::recordedAt)
            .thenComparing(p -> p.id().value(), InMemoryStore::compareAsPostgres);
    private final InMemoryTransactions tx;
    private final Invoices invoices;
    private final Map<Key, Payment> rows = new LinkedHashMap<>();

    InMemoryPayments(InMemoryTransactions tx, Invoices invoices) {
        this.tx = tx;
        this.invoices = invoices;
    }

    @Override
    public void add(TenantId tenant, Payment payment) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, payment.id().value());
            if (rows.containsKey(key)) {
                throw new IllegalStateException("a payment is recorded once");
            }
            tx.put(rows, key, payment);
        });
    }

    @Override
    public List<Payment> ofInvoice(TenantId tenant, InvoiceId invoice) {
        return select(tenant, p -> p.invoice().filter(invoice::equals).isPresent());
    }

    @Override
    public List<Payment> depositsOf(TenantId tenant, AppointmentId appointment) {
        return select(tenant, p -> p.kind() == PaymentKind.DEPOSIT
                && p.appointment().filter(appointment::equals).isPresent());
    }

    @Override
    public long applyDeposits(TenantId tenant, AppointmentId appointment, InvoiceId invoice, long upTo) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            long applied = 0;
            for (Payment deposit : select(tenant, p -> p.kind() == PaymentKind.DEPOSIT && p.invoice().isEmpty()
                    && p.appointment().filter(appointment::equals).isPresent())) {
                // as the PostgreSQL statement: a running sum, oldest first, stopping at the first that overpays
                if (applied + deposit.amount().amountMinor() > upTo) {
                    break;
                }
                applied += deposit.amount().amountMinor();
                tx.put(rows, new Key(tenant, deposit.id().value()), deposit.appliedTo(invoice));
            }
            if (applied > 0) {
                StoredInvoice row = invoices.byId(tenant, invoice)
                        .orElseThrow(() -> new IllegalStateException("no invoice " + invoice));
                if (!invoices.settle(tenant, invoice, applied, 0, row.version())) {
                    throw new IllegalStateException("the invoice " + invoice + " could not be settled");
                }
            }
            return applied;
        });
    }

    @Override
    public List<CashRow> cash(TenantId tenant, Instant from, Instant to) {
        Map<Group, long[]> groups = new LinkedHashMap<>();
        for (Payment p : select(tenant, p -> !p.recordedAt().isBefore(from) && p.recordedAt().isBefore(to))) {
            long[] cell = groups.computeIfAbsent(new Group(p.method(), p.kind()), k -> new long[2]);
            cell[0]++;
            cell[1] = Math.addExact(cell[1], p.amount().amountMinor());
        }
        List<CashRow> result = new ArrayList<>();
        groups.forEach((g, v) -> result.add(new CashRow(g.method(), g.kind(), v[0], v[1])));
        return result;
    }

    private record Group(PaymentMethod method, PaymentKind kind) {
    }

    private List<Payment> select(TenantId tenant, Predicate<Payment> which) {
        return tx.within(() -> !tx.visible(tenant) ? List.<Payment>of() : rows.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(which)
                .sorted(MONEY_ORDER)
                .toList());
    }
}
