package com.qleven.application.billing;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentId;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.CashReport;
import com.qleven.ports.billing.in.PaymentCommand;
import com.qleven.ports.billing.in.PaymentReceipt;
import com.qleven.ports.billing.out.BillingCenters.BillingCenter;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.billing.out.PaymentProvider;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payments of issued invoices, refunds against credit notes, deposits taken against booked
 * appointments, and the day's cash report. The money moves through the {@link PaymentProvider} (by
 * default the desk's word); each verb is one unit of work with its audit event: the movement is
 * recorded and the invoice's paid amount changes together, or neither. Bad input is named and writes
 * nothing; paying more than is due is a 422 naming {@code amount}.
 */
public final class PaymentsService {
    private static final String SUBJECT = "payment";
    /** Where a deposit may still be taken: the appointment is ahead, or the client is in the center. */
    private static final Set<AppointmentStatus> DEPOSIT_TAKEN_WHEN =
            Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN);
    private final Transactions transactions;
    private final InvoicesService invoicing;
    private final Invoices invoices;
    private final Payments payments;
    private final Appointments appointments;
    private final PaymentProvider provider;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    PaymentsService(Transactions transactions, InvoicesService invoicing, Invoices invoices, Payments payments,
                    Appointments appointments, PaymentProvider provider, AuditTrail audit, IdGenerator ids,
                    Clock clock) {
        this.transactions = transactions;
        this.invoicing = invoicing;
        this.invoices = invoices;
        this.payments = payments;
        this.appointments = appointments;
        this.provider = provider;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * On an issued invoice, a payment of up to its balance; on an issued credit note, a refund of up
     * to what it leaves to give back (its negative balance), which also needs
     * {@link Permission#ISSUE_CREDIT_NOTES}. A draft is a 409 (issue it first); another currency than
     * the invoice's is a 400 naming {@code amount.currency}; more than is due a 422 naming
     * {@code amount}. Partial payments add up; the answer carries the new balance.
     */
    public PaymentReceipt pay(Principal principal, InvoiceId id, PaymentCommand command) {
        Required.field(id, "id");
        Required.field(command, "body");
        Permissions.require(principal, Permission.RECORD_PAYMENTS);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredInvoice stored = invoicing.load(tenant, id);
            if (stored.status() == InvoiceStatus.DRAFT) {
                throw new ConflictException("a draft is not paid: issue it first",
                        Map.of("field", "status", "status", stored.status().wireName()));
            }
            boolean refund = stored.kind() == InvoiceKind.CREDIT_NOTE;
            if (refund) {
                Permissions.require(principal, Permission.ISSUE_CREDIT_NOTES);
            }
            requireCurrency(command.amount(), stored.currency());
            long amount = command.amount().amountMinor();
            long due = refund ? -stored.balance() : stored.balance();
            if (amount > due) {
                throw new UnprocessableException("amount", refund
                        ? "is more than the credit note leaves to refund: " + Math.max(0, due) + " (minor units)"
                        : "is more than the balance due: " + Math.max(0, due) + " (minor units)");
            }
            PaymentKind kind = refund ? PaymentKind.REFUND : PaymentKind.PAYMENT;
            Payment payment = settle(tenant, principal, kind, command, Optional.of(id), Optional.empty(),
                    refund ? -amount : amount, stored.currency(), now);
            if (!invoices.settle(tenant, id, payment.amount().amountMinor(), 0, stored.version())) {
                throw new ConflictException("the invoice changed meanwhile; read it again");
            }
            record(principal, refund ? "payment.refund" : "payment.record", payment, now);
            return new PaymentReceipt(payment,
                    new Money(stored.balance() - payment.amount().amountMinor(), stored.currency()));
        });
    }

    /**
     * The payments and refunds of an invoice or credit note and the deposits applied to it, in the
     * order money moved; another center's invoice is a 404.
     */
    public List<Payment> paymentsOf(Principal principal, InvoiceId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_INVOICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            invoicing.load(tenant, id);
            List<Payment> found = payments.ofInvoice(tenant, id);
            audit.record(AuditEvent.by(principal, "payment.list", SUBJECT, Optional.of(id.value()),
                    InvoicesService.PURPOSE, found.size(), clock.instant()));
            return found;
        });
    }

    /**
     * A deposit taken against an appointment that is booked, confirmed or checked in (another state
     * is a 409 naming {@code status}), in the center's currency. Issuing the appointment's invoice
     * later applies it as paid ({@link InvoicesService#issueIn}).
     */
    public Payment takeDeposit(Principal principal, AppointmentId id, PaymentCommand command) {
        Required.field(id, "id");
        Required.field(command, "body");
        Permissions.require(principal, Permission.RECORD_PAYMENTS);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredAppointment appointment = appointment(tenant, id);
            if (!DEPOSIT_TAKEN_WHEN.contains(appointment.status())) {
                throw new ConflictException("a deposit is taken against a booked, confirmed or checked-in"
                        + " appointment", Map.of("field", "status", "status", appointment.status().wireName()));
            }
            Currency currency = invoicing.center(tenant).profile().currency();
            requireCurrency(command.amount(), currency);
            Payment deposit = settle(tenant, principal, PaymentKind.DEPOSIT, command, Optional.empty(),
                    Optional.of(id), command.amount().amountMinor(), currency, now);
            record(principal, "payment.deposit", deposit, now);
            return deposit;
        });
    }

    /** The deposits taken against an appointment, applied to its invoice or not; another center's is a 404. */
    public List<Payment> deposits(Principal principal, AppointmentId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_INVOICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            appointment(tenant, id);
            List<Payment> found = payments.depositsOf(tenant, id);
            audit.record(AuditEvent.by(principal, "payment.deposits", SUBJECT, Optional.of(id.value()),
                    InvoicesService.PURPOSE, found.size(), clock.instant()));
            return found;
        });
    }

    /**
     * The cash report of one local day of the center: per method, the day's payments, refunds and
     * deposits (counts and sums), and the totals; summed by the store in one statement.
     */
    public CashReport cashReport(Principal principal, LocalDate date) {
        if (date == null) {
            throw new ValidationException("date", "is required (YYYY-MM-DD)");
        }
        Permissions.require(principal, Permission.VIEW_CASH_REPORT);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            BillingCenter center = invoicing.center(tenant);
            ZoneId zone = center.profile().timeZone();
            Currency currency = center.profile().currency();
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            Map<PaymentMethod, Map<PaymentKind, CashReport.Tally>> cells = new EnumMap<>(PaymentMethod.class);
            for (Payments.CashRow row : payments.cash(tenant, from, to)) {
                cells.computeIfAbsent(row.method(), m -> new EnumMap<>(PaymentKind.class))
                        .merge(row.kind(), new CashReport.Tally(row.count(), new Money(row.sum(), currency)),
                                CashReport.Tally::plus);
            }
            CashReport.Tally none = new CashReport.Tally(0, Money.zero(currency));
            List<CashReport.Method> methods = new ArrayList<>();
            CashReport.Tally total = none;
            for (PaymentMethod method : PaymentMethod.values()) {
                Map<PaymentKind, CashReport.Tally> of = cells.getOrDefault(method, Map.of());
                CashReport.Tally paid = of.getOrDefault(PaymentKind.PAYMENT, none);
                CashReport.Tally refunded = of.getOrDefault(PaymentKind.REFUND, none);
                CashReport.Tally deposited = of.getOrDefault(PaymentKind.DEPOSIT, none);
                CashReport.Tally all = paid.plus(refunded).plus(deposited);
                methods.add(new CashReport.Method(method, paid, refunded, deposited, all));
                total = total.plus(all);
            }
            audit.record(AuditEvent.by(principal, "cash_report.read", "cash_report", Optional.empty(),
                    InvoicesService.PURPOSE, (int) Math.min(Integer.MAX_VALUE, total.count()), clock.instant()));
            return new CashReport(date, zone, from, to, methods, total);
        });
    }

    /** Asks the provider, then records what it accepted; a decline is a 422 and records nothing. */
    private Payment settle(TenantId tenant, Principal principal, PaymentKind kind, PaymentCommand command,
                           Optional<InvoiceId> invoice, Optional<AppointmentId> appointment, long signedAmount,
                           Currency currency, Instant now) {
        PaymentId id = new PaymentId(ids.next());
        PaymentProvider.Outcome outcome = provider.settle(tenant, new PaymentProvider.Request(id, kind,
                command.method(), new Money(Math.abs(signedAmount), currency), command.reference()));
        if (outcome instanceof PaymentProvider.Outcome.Declined declined) {
            throw new UnprocessableException("method", "the payment was declined: " + declined.reason());
        }
        PaymentProvider.Outcome.Accepted accepted = (PaymentProvider.Outcome.Accepted) outcome;
        Payment payment = new Payment(id, kind, invoice, appointment, command.method(),
                new Money(signedAmount, currency), accepted.reference(), accepted.provider(), now,
                principal.userId());
        payments.add(tenant, payment);
        return payment;
    }

    private StoredAppointment appointment(TenantId tenant, AppointmentId id) {
        return appointments.byId(tenant, id).orElseThrow(() -> new NotFoundException("appointment"));
    }

    private static void requireCurrency(Money amount, Currency currency) {
        if (!amount.currency().equals(currency)) {
            throw new ValidationException("amount.currency", "must be the center's currency, "
                    + currency.getCurrencyCode());
        }
    }

    private void record(Principal principal, String action, Payment payment, Instant at) {
        audit.record(AuditEvent.by(principal, action, SUBJECT, Optional.of(payment.id().value()),
                InvoicesService.PURPOSE, 1, at));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
