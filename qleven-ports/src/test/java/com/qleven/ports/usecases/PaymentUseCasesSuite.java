package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentKind;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.CashReport;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.in.PaymentCommand;
import com.qleven.ports.billing.in.PaymentReceipt;
import com.qleven.ports.billing.out.Payment;
import com.qleven.ports.billing.out.PaymentProvider;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payments, refunds, deposits and the cash report against every store, through
 * {@code qleven.billing()}: partial payments to a zero balance, overpayment and other bad input that
 * write nothing, card numbers kept out of the books, refunds against a credit note, deposits applied
 * when the appointment's invoice is issued, the cash report of a local day, other centers' ids.
 */
public abstract class PaymentUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    protected QlevenStore store;
    protected Qleven qleven;
    private MutableClock clock;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(madrid("2026-06-15T09:00"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store, cipher(store)).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    protected record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, ClientId client) {
    }

    protected Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1, Madrid").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD)
                .ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(adminEmail);
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("José Núñez")
                .phone("600 111 222").build()).id();
        return new Center(tenant, admin, staff(admin, "receptionist"), staff(admin, "professional"), client);
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private static Instant madrid(String local) {
        return LocalDateTime.parse(local).atZone(MADRID).toInstant();
    }

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    protected static PaymentCommand pay(PaymentMethod method, long minor) {
        return new PaymentCommand(method, eur(minor), Optional.empty());
    }

    private InvoiceView draft(Center c, Optional<AppointmentId> appointment, long price) {
        return qleven.billing().draftInvoice(c.desk(), new DraftInvoiceCommand(c.client(), appointment,
                InvoiceKind.FULL, List.of(new InvoiceLineCommand("Limpieza facial", Quantity.parse("1", "quantity"),
                        eur(price), "21", Optional.empty())), Optional.empty()));
    }

    /** An issued invoice of {@code price} (prices include tax, so the total is the price). */
    protected InvoiceId issued(Center c, long price) {
        return qleven.billing().issueInvoice(c.desk(), draft(c, Optional.empty(), price).invoice().id())
                .invoice().id();
    }

    private InvoiceView invoice(Center c, InvoiceId id) {
        return qleven.billing().invoice(c.admin(), id);
    }

    protected AppointmentId booked(Center c) {
        ServiceId service = new ServiceId(UUID.randomUUID());
        store.shared().transactions().inTenant(c.tenant(), () -> {
            store.scheduling().catalogue().addService(c.tenant(), new Service(service, "Limpieza facial", 60, 0, 0,
                    eur(10000), "21", false, Set.of(), Set.of(), true));
            List<WeeklyHours.Entry> week = new ArrayList<>();
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
                week.add(new WeeklyHours.Entry(day, "09:00", "19:00"));
            }
            store.scheduling().staffSchedules().putWeekly(c.tenant(), c.professional().userId(),
                    WeeklyHours.parse(week), clock.instant());
            return null;
        });
        return qleven.scheduling().book(c.desk(), new BookAppointmentCommand(c.client(), service,
                madrid("2026-06-16T10:00"), Optional.of(c.professional().userId()))).id();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void partialPaymentsAddUpToAZeroBalance() {
        Center c = center();
        InvoiceId id = issued(c, 10000);

        PaymentReceipt first = qleven.billing().recordPayment(c.desk(), id, pay(PaymentMethod.CASH, 3000));
        assertThat(first.balance()).isEqualTo(eur(7000));
        assertThat(first.payment().kind()).isEqualTo(PaymentKind.PAYMENT);
        assertThat(first.payment().amount()).isEqualTo(eur(3000));
        assertThat(first.payment().provider()).isEqualTo("manual");
        assertThat(first.payment().recordedBy()).isEqualTo(c.desk().userId());
        clock.advance(java.time.Duration.ofMinutes(1));
        PaymentReceipt second = qleven.billing().recordPayment(c.desk(), id,
                new PaymentCommand(PaymentMethod.CARD, eur(2500), Optional.of(" AUTH 0042A7 ")));
        assertThat(second.balance()).isEqualTo(eur(4500));
        assertThat(second.payment().reference()).contains("AUTH 0042A7");
        clock.advance(java.time.Duration.ofMinutes(1));
        PaymentReceipt last = qleven.billing().recordPayment(c.desk(), id,
                new PaymentCommand(PaymentMethod.BANK_TRANSFER, eur(4500), Optional.of("ES-TRF-2026-0615-889")));
        assertThat(last.balance()).isEqualTo(eur(0));

        InvoiceView paid = invoice(c, id);
        assertThat(paid.balance()).isEqualTo(eur(0));
        assertThat(paid.paidMoney()).isEqualTo(eur(10000));
        assertThat(qleven.billing().payments(c.desk(), id)).extracting(p -> p.method(), p -> p.amount().amountMinor())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaymentMethod.CASH, 3000L),
                        org.assertj.core.groups.Tuple.tuple(PaymentMethod.CARD, 2500L),
                        org.assertj.core.groups.Tuple.tuple(PaymentMethod.BANK_TRANSFER, 4500L));
        // Nothing more is due: one more cent is paying more than the balance.
        UnprocessableException more = catchThrowableOfType(() -> qleven.billing().recordPayment(c.desk(), id,
                pay(PaymentMethod.CASH, 1)), UnprocessableException.class);
        assertThat(more.field()).isEqualTo("amount");
        assertThat(events(c)).contains("payment.record");
    }

    @Test
    void payingMoreThanTheBalanceIsRefusedAndWritesNothing() {
        Center c = center();
        InvoiceId id = issued(c, 10000);
        qleven.billing().recordPayment(c.desk(), id, pay(PaymentMethod.CASH, 4000));
        long version = invoice(c, id).version();

        UnprocessableException over = catchThrowableOfType(() -> qleven.billing().recordPayment(c.desk(), id,
                pay(PaymentMethod.CARD, 6001)), UnprocessableException.class);
        assertThat(over.field()).isEqualTo("amount");
        assertThat(over.getMessage()).contains("6000");
        assertThat(qleven.billing().payments(c.desk(), id)).hasSize(1);
        assertThat(invoice(c, id).paidMoney()).isEqualTo(eur(4000));
        assertThat(invoice(c, id).version()).isEqualTo(version);
        assertThat(qleven.billing().cashReport(c.admin(), LocalDate.parse("2026-06-15")).total().count())
                .isEqualTo(1);
    }

    @Test
    void badAmountsCurrenciesAndCardNumbersAreNamedAndWriteNothing() {
        Center c = center();
        InvoiceId id = issued(c, 10000);

        ValidationException usd = catchThrowableOfType(() -> qleven.billing().recordPayment(c.desk(), id,
                new PaymentCommand(PaymentMethod.CASH, new Money(1000, Currency.getInstance("USD")),
                        Optional.empty())), ValidationException.class);
        assertThat(fields(usd)).containsExactly("amount.currency");
        assertThat(fields(catchThrowableOfType(() -> pay(PaymentMethod.CASH, 0), ValidationException.class)))
                .containsExactly("amount.amountMinor");
        assertThat(fields(catchThrowableOfType(() -> pay(PaymentMethod.CASH, -500), ValidationException.class)))
                .containsExactly("amount.amountMinor");
        assertThat(fields(catchThrowableOfType(() -> new PaymentCommand(null, null, Optional.empty()),
                ValidationException.class))).containsExactlyInAnyOrder("method", "amount");
        for (String card : List.of("4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111",
                "auth 5500 0000 0000 0004", "378282246310005")) {
            ValidationException e = catchThrowableOfType(() -> new PaymentCommand(PaymentMethod.CARD, eur(100),
                    Optional.of(card)), ValidationException.class);
            assertThat(e).as(card).isNotNull();
            assertThat(fields(e)).as(card).containsExactly("reference");
        }
        // Digits that fail the Luhn check, or are too long for a card, are references like any other.
        assertThat(new PaymentCommand(PaymentMethod.CARD, eur(100), Optional.of("4111111111111112")).reference())
                .contains("4111111111111112");
        assertThat(new PaymentCommand(PaymentMethod.BANK_TRANSFER, eur(100),
                Optional.of("ES7921000813610123456789")).reference()).contains("ES7921000813610123456789");
        assertThat(fields(catchThrowableOfType(() -> new PaymentCommand(PaymentMethod.CASH, eur(1),
                Optional.of("x".repeat(65))), ValidationException.class))).containsExactly("reference");

        assertThat(qleven.billing().payments(c.desk(), id)).isEmpty();
        assertThat(invoice(c, id).paidMoney()).isEqualTo(eur(0));
    }

    @Test
    void aDraftIsNotPaidAndOtherCentersInvoicesAreNotFound() {
        Center c = center();
        InvoiceId draft = draft(c, Optional.empty(), 5000).invoice().id();
        ConflictException conflict = catchThrowableOfType(() -> qleven.billing().recordPayment(c.desk(), draft,
                pay(PaymentMethod.CASH, 100)), ConflictException.class);
        assertThat(conflict.getMessage()).contains("issue it first");
        assertThat(qleven.billing().payments(c.desk(), draft)).isEmpty();

        Center other = center();
        InvoiceId theirs = issued(other, 5000);
        assertThatThrownBy(() -> qleven.billing().recordPayment(c.desk(), theirs, pay(PaymentMethod.CASH, 100)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.billing().payments(c.admin(), theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.billing().recordPayment(c.desk(), new InvoiceId(UUID.randomUUID()),
                pay(PaymentMethod.CASH, 100))).isInstanceOf(NotFoundException.class);
        assertThat(qleven.billing().payments(other.admin(), theirs)).isEmpty();
        // A professional does not take money.
        assertThatThrownBy(() -> qleven.billing().recordPayment(other.professional(), theirs,
                pay(PaymentMethod.CASH, 100))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().cashReport(other.professional(), LocalDate.parse("2026-06-15")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aRefundAgainstTheFullCreditNoteOfAPaidInvoiceBringsBothBalancesToZero() {
        Center c = center();
        InvoiceId id = issued(c, 10000);
        qleven.billing().recordPayment(c.desk(), id, pay(PaymentMethod.CARD, 10000));
        InvoiceView note = qleven.billing().creditNote(c.admin(), id, true, List.of(), "Tratamiento no realizado");
        InvoiceId noteId = note.invoice().id();
        assertThat(note.balance()).as("what the center owes back").isEqualTo(eur(-10000));
        assertThat(invoice(c, id).balance()).isEqualTo(eur(0));

        // Money back is for administrators.
        assertThatThrownBy(() -> qleven.billing().recordPayment(c.desk(), noteId, pay(PaymentMethod.CARD, 100)))
                .isInstanceOf(ForbiddenException.class);
        UnprocessableException tooMuch = catchThrowableOfType(() -> qleven.billing().recordPayment(c.admin(),
                noteId, pay(PaymentMethod.CARD, 10001)), UnprocessableException.class);
        assertThat(tooMuch.field()).isEqualTo("amount");

        PaymentReceipt part = qleven.billing().recordPayment(c.admin(), noteId, pay(PaymentMethod.CARD, 4000));
        assertThat(part.payment().kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(part.payment().amount()).isEqualTo(eur(-4000));
        assertThat(part.balance()).isEqualTo(eur(-6000));
        PaymentReceipt rest = qleven.billing().recordPayment(c.admin(), noteId, pay(PaymentMethod.CASH, 6000));
        assertThat(rest.balance()).isEqualTo(eur(0));

        assertThat(invoice(c, noteId).balance()).isEqualTo(eur(0));
        assertThat(invoice(c, id).balance()).isEqualTo(eur(0));
        assertThat(qleven.billing().payments(c.admin(), noteId)).extracting(p -> p.amount().amountMinor())
                .containsExactly(-4000L, -6000L);
        assertThatThrownBy(() -> qleven.billing().recordPayment(c.admin(), noteId, pay(PaymentMethod.CASH, 1)))
                .isInstanceOf(UnprocessableException.class);
        assertThat(events(c)).contains("payment.refund");
    }

    @Test
    void aDepositTakenAtBookingCountsAsPaidWhenTheAppointmentsInvoiceIsIssued() {
        Center c = center();
        AppointmentId appointment = booked(c);

        Payment deposit = qleven.billing().takeDeposit(c.desk(), appointment,
                new PaymentCommand(PaymentMethod.CARD, eur(2000), Optional.of("AUTH 77X")));
        assertThat(deposit.kind()).isEqualTo(PaymentKind.DEPOSIT);
        assertThat(deposit.invoice()).isEmpty();
        assertThat(deposit.appointment()).contains(appointment);
        clock.advance(java.time.Duration.ofMinutes(5));
        qleven.billing().takeDeposit(c.desk(), appointment, pay(PaymentMethod.CASH, 1000));
        assertThat(qleven.billing().deposits(c.desk(), appointment)).extracting(p -> p.amount().amountMinor())
                .containsExactly(2000L, 1000L);

        InvoiceView draft = draft(c, Optional.of(appointment), 10000);
        assertThat(draft.balance()).as("a draft owes its total: deposits apply when it is issued")
                .isEqualTo(eur(10000));
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft.invoice().id());
        assertThat(issued.paidMoney()).isEqualTo(eur(3000));
        assertThat(issued.balance()).isEqualTo(eur(7000));
        InvoiceView read = invoice(c, issued.invoice().id());
        assertThat(read.balance()).isEqualTo(eur(7000));
        assertThat(read.version()).isEqualTo(issued.version());
        assertThat(qleven.billing().deposits(c.desk(), appointment))
                .allSatisfy(d -> assertThat(d.invoice()).contains(issued.invoice().id()));
        assertThat(qleven.billing().payments(c.desk(), issued.invoice().id())).extracting(Payment::kind)
                .containsExactly(PaymentKind.DEPOSIT, PaymentKind.DEPOSIT);

        PaymentReceipt rest = qleven.billing().recordPayment(c.desk(), issued.invoice().id(),
                pay(PaymentMethod.CASH, 7000));
        assertThat(rest.balance()).isEqualTo(eur(0));
        assertThat(events(c)).contains("payment.deposit");
    }

    @Test
    void aDepositThatWouldOverpayTheInvoiceStaysUnapplied() {
        Center c = center();
        AppointmentId appointment = booked(c);
        qleven.billing().takeDeposit(c.desk(), appointment, pay(PaymentMethod.CASH, 3000));
        clock.advance(java.time.Duration.ofMinutes(1));
        qleven.billing().takeDeposit(c.desk(), appointment, pay(PaymentMethod.CASH, 3000));

        InvoiceView issued = qleven.billing().issueInvoice(c.desk(),
                draft(c, Optional.of(appointment), 5000).invoice().id());
        assertThat(issued.paidMoney()).isEqualTo(eur(3000));
        assertThat(issued.balance()).isEqualTo(eur(2000));
        assertThat(qleven.billing().deposits(c.desk(), appointment)).extracting(d -> d.invoice().isPresent())
                .containsExactly(true, false);
    }

    @Test
    void depositsNeedAnOpenAppointmentOfTheCenterInItsCurrency() {
        Center c = center();
        AppointmentId appointment = booked(c);
        ValidationException usd = catchThrowableOfType(() -> qleven.billing().takeDeposit(c.desk(), appointment,
                new PaymentCommand(PaymentMethod.CASH, new Money(100, Currency.getInstance("MAD")), Optional.empty())),
                ValidationException.class);
        assertThat(fields(usd)).containsExactly("amount.currency");
        assertThatThrownBy(() -> qleven.billing().takeDeposit(c.desk(), new AppointmentId(UUID.randomUUID()),
                pay(PaymentMethod.CASH, 100))).isInstanceOf(NotFoundException.class);
        Center other = center();
        assertThatThrownBy(() -> qleven.billing().takeDeposit(other.desk(), appointment,
                pay(PaymentMethod.CASH, 100))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.billing().deposits(other.admin(), appointment))
                .isInstanceOf(NotFoundException.class);

        qleven.scheduling().cancel(c.desk(), appointment, "client called");
        ConflictException cancelled = catchThrowableOfType(() -> qleven.billing().takeDeposit(c.desk(), appointment,
                pay(PaymentMethod.CASH, 100)), ConflictException.class);
        assertThat(cancelled.getMessage()).contains("booked");
        assertThat(qleven.billing().deposits(c.desk(), appointment)).isEmpty();
    }

    @Test
    void theCashReportSumsTheLocalDayPerMethodExactly() {
        Center c = center();
        Center other = center();
        // 23:30 in Madrid the day before: 21:30 UTC, inside the UTC day of the 15th's neighbour but not the local 15th.
        clock.set(madrid("2026-06-14T23:30"));
        InvoiceId late = issued(c, 50000);
        qleven.billing().recordPayment(c.desk(), late, pay(PaymentMethod.CASH, 1111));

        clock.set(madrid("2026-06-15T00:00"));
        InvoiceId a = issued(c, 20000);
        qleven.billing().recordPayment(c.desk(), a, pay(PaymentMethod.CASH, 1234));
        clock.set(madrid("2026-06-15T12:00"));
        qleven.billing().recordPayment(c.desk(), a, pay(PaymentMethod.CARD, 5000));
        qleven.billing().recordPayment(c.desk(), a, pay(PaymentMethod.BANK_TRANSFER, 3333));
        AppointmentId appointment = booked(c);
        qleven.billing().takeDeposit(c.desk(), appointment, pay(PaymentMethod.CARD, 2500));
        InvoiceId b = issued(c, 7000);
        qleven.billing().recordPayment(c.desk(), b, pay(PaymentMethod.CARD, 7000));
        InvoiceId note = qleven.billing().creditNote(c.admin(), b, true, List.of(), "Error").invoice().id();
        clock.set(madrid("2026-06-15T23:59:59"));
        qleven.billing().recordPayment(c.admin(), note, pay(PaymentMethod.CARD, 700));
        clock.set(madrid("2026-06-16T00:00"));
        qleven.billing().recordPayment(c.admin(), note, pay(PaymentMethod.CASH, 6300));
        // Another center's money is its own.
        clock.set(madrid("2026-06-15T10:00"));
        qleven.billing().recordPayment(other.desk(), issued(other, 9000), pay(PaymentMethod.CASH, 9000));

        CashReport day = qleven.billing().cashReport(c.desk(), LocalDate.parse("2026-06-15"));
        assertThat(day.from()).isEqualTo(Instant.parse("2026-06-14T22:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-06-15T22:00:00Z"));
        assertThat(day.methods()).extracting(CashReport.Method::method)
                .containsExactly(PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER);
        CashReport.Method cash = day.methods().get(0);
        assertThat(cash.payments()).isEqualTo(new CashReport.Tally(1, eur(1234)));
        assertThat(cash.refunds()).isEqualTo(new CashReport.Tally(0, eur(0)));
        assertThat(cash.total()).isEqualTo(new CashReport.Tally(1, eur(1234)));
        CashReport.Method card = day.methods().get(1);
        assertThat(card.payments()).isEqualTo(new CashReport.Tally(2, eur(12000)));
        assertThat(card.refunds()).isEqualTo(new CashReport.Tally(1, eur(-700)));
        assertThat(card.deposits()).isEqualTo(new CashReport.Tally(1, eur(2500)));
        assertThat(card.total()).isEqualTo(new CashReport.Tally(4, eur(13800)));
        CashReport.Method transfer = day.methods().get(2);
        assertThat(transfer.total()).isEqualTo(new CashReport.Tally(1, eur(3333)));
        assertThat(day.total()).isEqualTo(new CashReport.Tally(6, eur(1234 + 13800 + 3333)));

        CashReport before = qleven.billing().cashReport(c.admin(), LocalDate.parse("2026-06-14"));
        assertThat(before.total()).isEqualTo(new CashReport.Tally(1, eur(1111)));
        assertThat(before.methods().get(0).payments()).isEqualTo(new CashReport.Tally(1, eur(1111)));
        CashReport after = qleven.billing().cashReport(c.admin(), LocalDate.parse("2026-06-16"));
        assertThat(after.total()).isEqualTo(new CashReport.Tally(1, eur(-6300)));
        assertThat(qleven.billing().cashReport(c.admin(), LocalDate.parse("2026-06-17")).total())
                .isEqualTo(new CashReport.Tally(0, eur(0)));
        assertThat(events(c)).contains("cash_report.read");
    }

    @Test
    void theProviderIsAskedForEachMovementAndADeclineRecordsNothing() {
        List<PaymentProvider.Request> asked = new ArrayList<>();
        boolean[] decline = {false};
        qleven = core(store, cipher(store)).clock(clock).signupsPerAddressPerHour(1000)
                .paymentProvider((tenant, request) -> {
                    asked.add(request);
                    return decline[0] ? new PaymentProvider.Outcome.Declined("insufficient funds")
                            : new PaymentProvider.Outcome.Accepted("gateway", Optional.of("gw-" + request.id()));
                }).build();
        Center c = center();
        InvoiceId id = issued(c, 10000);

        PaymentReceipt paid = qleven.billing().recordPayment(c.desk(), id,
                new PaymentCommand(PaymentMethod.CARD, eur(4000), Optional.of("AUTH 1")));
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(paid.payment().id());
            assertThat(r.kind()).isEqualTo(PaymentKind.PAYMENT);
            assertThat(r.amount()).isEqualTo(eur(4000));
            assertThat(r.reference()).contains("AUTH 1");
        });
        assertThat(paid.payment().provider()).isEqualTo("gateway");
        assertThat(paid.payment().reference()).contains("gw-" + paid.payment().id());

        decline[0] = true;
        UnprocessableException declined = catchThrowableOfType(() -> qleven.billing().recordPayment(c.desk(), id,
                pay(PaymentMethod.CARD, 1000)), UnprocessableException.class);
        assertThat(declined.field()).isEqualTo("method");
        assertThat(declined.getMessage()).contains("insufficient funds");
        assertThat(qleven.billing().payments(c.desk(), id)).hasSize(1);
        assertThat(invoice(c, id).balance()).isEqualTo(eur(6000));

        // A refund asks for a positive amount, its direction in its kind.
        decline[0] = false;
        InvoiceId note = qleven.billing().creditNote(c.admin(), id, true, List.of(), "Error").invoice().id();
        qleven.billing().recordPayment(c.admin(), note, pay(PaymentMethod.CARD, 4000));
        assertThat(asked.get(asked.size() - 1).kind()).isEqualTo(PaymentKind.REFUND);
        assertThat(asked.get(asked.size() - 1).amount()).isEqualTo(eur(4000));
    }

    private List<String> events(Center c) {
        qleven.audit().seal(Optional.of(c.tenant()));
        return store.shared().transactions().inTenant(c.tenant(), () -> store.audit().auditLog()
                .read(Optional.of(c.tenant()), 0, 1000)).stream().map(AuditEntry::event)
                .map(e -> e.action()).toList();
    }
}
