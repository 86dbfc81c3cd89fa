package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.Fee;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.ServiceCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deposits asked by services and the center's fee policy against every store, through the facades:
 * a booking keeps its service's deposit; a no-show, or a staff cancellation inside the window,
 * drafts the fee the policy sets (fixed, or a percentage rounded half up) in the step's unit of work;
 * nothing otherwise; the desk waives a fee by deleting its draft.
 */
public abstract class DepositsAndFeesUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 1 March 2027, 09:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store, cipher(store)).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    /** A center with a 60-minute "Limpieza facial" at 45.25 € (21 %), a receptionist, a professional, a client. */
    private record Center(TenantId tenant, Principal admin, Principal receptionist, Principal professional,
                          ClientId client, ServiceId service) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build()).tenantId();
        Principal admin = signIn(adminEmail);
        Principal professional = staff(admin, "professional");
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Lucía Fernández")
                .phone("600 111 222").build()).id();
        ServiceId service = qleven.scheduling().createService(admin, ServiceCommand.builder().name("Limpieza facial")
                .durationMinutes(60).price(4525, "EUR").taxRate("21").build()).service().id();
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            entries.add(new WeeklyHours.Entry(day, "09:00", "19:00"));
        }
        store.shared().transactions().inTenant(tenant, () -> {
            store.scheduling().staffSchedules().putWeekly(tenant, professional.userId(), WeeklyHours.parse(entries),
                    NOW);
            return null;
        });
        return new Center(tenant, admin, staff(admin, "receptionist"), professional, client, service);
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    private AppointmentView book(Center c, ServiceId service, Instant start) {
        return qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(c.client(), service, start,
                Optional.of(c.professional().userId())));
    }

    private void policy(Center c, Optional<Fee> noShow, Optional<Fee> late) {
        qleven.billing().saveSettings(c.admin(), new BillingSettings(PriceBasis.TAX_INCLUDED, Optional.empty(),
                Optional.empty(), Optional.empty(), noShow, late));
    }

    private List<InvoiceView> invoicesOf(Center c) {
        return qleven.billing().invoices(c.admin(), new Invoices.InvoiceFilter(Optional.of(c.client()),
                Optional.empty()), PageRequest.first()).items();
    }

    private List<String> actions(TenantId tenant) {
        qleven.audit().seal(Optional.of(tenant));
        return store.shared().transactions().inTenant(tenant, () -> store.audit().auditLog()
                .read(Optional.of(tenant), 0, 1000)).stream().map(AuditEntry::event).map(e -> e.action()).toList();
    }

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    // --- fees -------------------------------------------------------------------------------------

    @Test
    void aNoShowUnderAFixedFeeDraftsThatInvoiceForTheClientLinkedToTheAppointment() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.empty());
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        clock.set(start.plus(Duration.ofMinutes(20)));

        qleven.scheduling().noShow(c.receptionist(), booked.id());

        List<InvoiceView> invoices = invoicesOf(c);
        assertThat(invoices).hasSize(1);
        InvoiceView fee = invoices.get(0);
        assertThat(fee.invoice().status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(fee.invoice().client()).isEqualTo(c.client());
        assertThat(fee.appointment()).contains(booked.id());
        assertThat(fee.invoice().lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("No-show fee — Limpieza facial");
            assertThat(line.quantity().text()).isEqualTo("1");
            assertThat(line.unitPrice()).isEqualTo(eur(1500));
            assertThat(line.taxRate().code()).isEqualTo("21");
        });
        // Prices include tax: 15.00 holds 1500 × 21 / 121 = 260.33… → 2.60 of tax.
        assertThat(fee.total()).isEqualTo(eur(1500));
        assertThat(fee.taxTotal()).isEqualTo(eur(260));
        assertThat(actions(c.tenant())).contains("appointment.no_show", "invoice.no_show_fee");
        // The desk issues it as any draft.
        assertThat(qleven.billing().issueInvoice(c.receptionist(), fee.invoice().id()).invoice().status())
                .isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aLateStaffCancellationUnderHalfThePriceDraftsHalfRoundedHalfUp() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.of(Fee.Percent.parse("50", "f")));
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        // The window is 24 hours: two hours before is late; staff may still cancel.
        clock.set(start.minus(Duration.ofHours(2)));

        qleven.scheduling().cancel(c.receptionist(), booked.id(), "Called in sick");

        InvoiceView fee = invoicesOf(c).get(0);
        assertThat(invoicesOf(c)).hasSize(1);
        // 50 % of 45.25 is 22.625: 22.63.
        assertThat(fee.total()).isEqualTo(eur(2263));
        assertThat(fee.invoice().lines()).singleElement().satisfies(line ->
                assertThat(line.description()).isEqualTo("Late cancellation fee — Limpieza facial"));
        assertThat(fee.appointment()).contains(booked.id());
        assertThat(actions(c.tenant())).contains("invoice.late_cancellation_fee");
    }

    @Test
    void aCancellationBeforeTheWindowChargesNothing() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.of(new Fee.Fixed(eur(1000))));
        Instant start = madrid("2027-03-04T10:00");
        AppointmentView booked = book(c, c.service(), start);
        clock.set(start.minus(Duration.ofHours(24)));

        qleven.scheduling().cancel(c.receptionist(), booked.id(), "Moved away");

        assertThat(invoicesOf(c)).isEmpty();
        assertThat(actions(c.tenant())).contains("appointment.cancel").doesNotContain("invoice.late_cancellation_fee");
    }

    @Test
    void withoutAPolicyNeitherANoShowNorALateCancellationChargesAnything() {
        Center c = center();
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView noShow = book(c, c.service(), start);
        AppointmentView late = book(c, c.service(), madrid("2027-03-02T12:00"));
        clock.set(start.plus(Duration.ofMinutes(30)));

        qleven.scheduling().noShow(c.receptionist(), noShow.id());
        qleven.scheduling().cancel(c.receptionist(), late.id(), "Stuck in traffic");

        assertThat(invoicesOf(c)).isEmpty();
        // A policy for one case charges nothing for the other.
        policy(c, Optional.empty(), Optional.of(new Fee.Fixed(eur(1000))));
        AppointmentView later = book(c, c.service(), madrid("2027-03-02T15:00"));
        clock.set(madrid("2027-03-02T15:10"));
        qleven.scheduling().noShow(c.receptionist(), later.id());
        assertThat(invoicesOf(c)).isEmpty();
    }

    @Test
    void completingOrConfirmingChargesNoFee() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.of(new Fee.Fixed(eur(1000))));
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        clock.set(start.minus(Duration.ofHours(1)));
        qleven.scheduling().confirm(c.receptionist(), booked.id());
        qleven.scheduling().checkIn(c.receptionist(), booked.id());
        qleven.scheduling().complete(c.receptionist(), booked.id());
        // No fee: the only invoice is the treatment's own, drafted on completion at the service's price.
        assertThat(invoicesOf(c)).singleElement().satisfies(i -> {
            assertThat(i.invoice().lines()).singleElement().satisfies(l ->
                    assertThat(l.description()).isEqualTo("Limpieza facial"));
            assertThat(i.total()).isEqualTo(eur(4525));
        });
    }

    @Test
    void aClientWhoseProcessingIsRestrictedIsChargedNoFeeAndTheNoShowStillHolds() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.empty());
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        store.shared().transactions().inTenant(c.tenant(), () -> {
            store.clients().clientRestrictions().restrict(c.tenant(), c.client(), Optional.empty(), null, NOW);
            return null;
        });
        clock.set(start.plus(Duration.ofMinutes(20)));

        qleven.scheduling().noShow(c.receptionist(), booked.id());

        assertThat(qleven.scheduling().appointment(c.receptionist(), booked.id()).status().wireName())
                .isEqualTo("no_show");
        assertThat(qleven.billing().invoices(c.admin(), Invoices.InvoiceFilter.all(), PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void aFeeIsWaivedByDeletingItsDraftAndAnIssuedInvoiceIsNeverDeleted() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.empty());
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView first = book(c, c.service(), start);
        AppointmentView second = book(c, c.service(), madrid("2027-03-02T12:00"));
        clock.set(madrid("2027-03-02T12:30"));
        qleven.scheduling().noShow(c.receptionist(), first.id());
        qleven.scheduling().noShow(c.receptionist(), second.id());
        List<InvoiceView> fees = invoicesOf(c);
        assertThat(fees).hasSize(2);
        InvoiceId waived = fees.get(0).invoice().id();
        InvoiceId kept = fees.get(1).invoice().id();

        assertThatThrownBy(() -> qleven.billing().discardDraft(c.professional(), waived, Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().discardDraft(c.receptionist(), waived, Optional.of(7L)))
                .isInstanceOf(PreconditionFailedException.class);
        qleven.billing().discardDraft(c.receptionist(), waived, Optional.of(1L));

        assertThat(invoicesOf(c)).extracting(v -> v.invoice().id()).containsExactly(kept);
        assertThatThrownBy(() -> qleven.billing().invoice(c.admin(), waived)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.billing().discardDraft(c.receptionist(), waived, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
        qleven.billing().issueInvoice(c.receptionist(), kept);
        assertThatThrownBy(() -> qleven.billing().discardDraft(c.admin(), kept, Optional.empty()))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.billing().invoice(c.admin(), kept).invoice().status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(actions(c.tenant())).contains("invoice.delete");
        // Another center's draft is not there.
        Center other = center();
        assertThatThrownBy(() -> qleven.billing().discardDraft(other.admin(), kept, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theFeePolicyIsReadBackAndAFixedFeeIsInTheCentersCurrency() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1500))), Optional.of(Fee.Percent.parse("12.5", "f")));
        BillingSettings read = qleven.billing().settings(c.receptionist());
        assertThat(read.noShowFee()).contains(new Fee.Fixed(eur(1500)));
        assertThat(read.lateCancellationFee()).contains(new Fee.Percent(new BigDecimal("12.5")));

        UnprocessableException wrong = catchThrowableOfType(() -> policy(c, Optional.empty(),
                Optional.of(new Fee.Fixed(new Money(1000, Currency.getInstance("MAD"))))),
                UnprocessableException.class);
        assertThat(wrong.field()).isEqualTo("lateCancellationFee.amount.currency");
        assertThat(qleven.billing().settings(c.admin())).isEqualTo(read);
        policy(c, Optional.empty(), Optional.empty());
        assertThat(qleven.billing().settings(c.admin()).noShowFee()).isEmpty();
    }

    // --- deposits ---------------------------------------------------------------------------------

    @Test
    void aBookingOfAServiceThatAsksADepositCarriesItAndKeepsItWhenTheServiceChanges() {
        Center c = center();
        ServiceId peel = qleven.scheduling().createService(c.admin(), ServiceCommand.builder().name("Peeling")
                .durationMinutes(30).price(8000, "EUR").deposit(2000, "EUR").taxRate("21").build()).service().id();
        assertThat(qleven.scheduling().service(c.receptionist(), peel).service().deposit()).contains(eur(2000));

        AppointmentView booked = book(c, peel, madrid("2027-03-02T10:00"));
        assertThat(booked.depositDue()).contains(eur(2000));
        assertThat(book(c, c.service(), madrid("2027-03-02T11:00")).depositDue()).isEmpty();

        qleven.scheduling().updateService(c.admin(), peel, ServiceCommand.builder().deposit(3000, "EUR").build(),
                Optional.empty());
        assertThat(qleven.scheduling().appointment(c.receptionist(), booked.id()).depositDue()).contains(eur(2000));
        assertThat(book(c, peel, madrid("2027-03-02T12:00")).depositDue()).contains(eur(3000));
        qleven.scheduling().updateService(c.admin(), peel, ServiceCommand.builder().noDeposit().build(),
                Optional.empty());
        assertThat(qleven.scheduling().service(c.admin(), peel).service().deposit()).isEmpty();
        assertThat(book(c, peel, madrid("2027-03-02T13:00")).depositDue()).isEmpty();
        assertThat(qleven.scheduling().appointment(c.receptionist(), booked.id()).depositDue()).contains(eur(2000));
    }

    @Test
    void aBadDepositIsRefusedNamingItsFieldAndWritesNothing() {
        Center c = center();
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().createService(c.admin(),
                ServiceCommand.builder().name("Peeling").durationMinutes(30).price(8000, "EUR")
                        .deposit(8001, "EUR").taxRate("21").build()), ValidationException.class)))
                .containsExactly("deposit.amountMinor");
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().createService(c.admin(),
                ServiceCommand.builder().name("Peeling").durationMinutes(30).price(8000, "EUR")
                        .deposit(100, "MAD").taxRate("21").build()), ValidationException.class)))
                .containsExactly("deposit.currency");
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().updateService(c.admin(), c.service(),
                java.util.Map.of("deposit", java.util.Map.of("amountMinor", 0, "currency", "EUR")), Optional.empty()),
                ValidationException.class))).containsExactly("deposit.amountMinor");
        // Lowering the price under the deposit names the deposit.
        qleven.scheduling().updateService(c.admin(), c.service(), ServiceCommand.builder().deposit(4000, "EUR").build(),
                Optional.empty());
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().updateService(c.admin(), c.service(),
                ServiceCommand.builder().price(3000, "EUR").build(), Optional.empty()), ValidationException.class)))
                .containsExactly("deposit.amountMinor");
        assertThat(qleven.scheduling().services(c.admin())).singleElement().satisfies(v -> {
            assertThat(v.service().price()).isEqualTo(eur(4525));
            assertThat(v.service().deposit()).contains(eur(4000));
        });
    }

    @Test
    void aNoShowOfAServiceWhoseRateWasRetiredIsChargedAtThatRate() {
        Center c = center();
        policy(c, Optional.of(Fee.Percent.parse("100", "f")), Optional.empty());
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        qleven.billing().retireTaxRate(c.admin(), "21");
        clock.set(start.plus(Duration.ofMinutes(5)));

        qleven.scheduling().noShow(c.receptionist(), booked.id());

        assertThat(invoicesOf(c)).singleElement().satisfies(fee -> {
            assertThat(fee.total()).isEqualTo(eur(4525));
            assertThat(fee.invoice().lines().get(0).taxRate().code()).isEqualTo("21");
        });
    }

    @Test
    void aProfessionalMarkingTheirOwnNoShowStillChargesThePolicysFee() {
        Center c = center();
        policy(c, Optional.of(new Fee.Fixed(eur(1000))), Optional.empty());
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.service(), start);
        clock.set(start.plus(Duration.ofMinutes(15)));
        UserId pro = c.professional().userId();
        assertThat(booked.professional()).isEqualTo(pro);

        qleven.scheduling().noShow(c.professional(), booked.id());

        assertThat(invoicesOf(c)).singleElement().satisfies(fee -> assertThat(fee.total()).isEqualTo(eur(1000)));
    }
}
