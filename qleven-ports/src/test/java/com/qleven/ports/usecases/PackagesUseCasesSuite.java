package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.domain.billing.Quantity;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.AllowanceUnit;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageState;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.ClientPackageView;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.in.PackageCommand;
import com.qleven.ports.billing.in.PackageLiability;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.PrepaidPackage;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.AppointmentView;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prepaid packages against every store, through the facade: the catalogue, a sale with its invoice
 * issued, redemption when a covered appointment is completed (and a draft invoice when nothing
 * redeems: none held, expired, used up, or the staff chose not to), allowance debits, exact pro-rata
 * refunds by credit note, the liability report, the export, and two completions racing for a last
 * session.
 */
public abstract class PackagesUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** Monday 1 March 2027, 09:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo from;
    private ExecutorService pool;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** A center, its staff, a client and two 60-minute services (45.00 and 30.00 EUR, 21 %). */
    private record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist,
                          ClientId client, ServiceId facial, ServiceId massage) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin").email(adminEmail)
                .password(PASSWORD).ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(adminEmail);
        Principal professional = staff(admin, "professional");
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("Lucía Fernández")
                .phone("600 111 222").build()).id();
        ServiceId facial = service(tenant, "Limpieza facial", 4500);
        ServiceId massage = service(tenant, "Masaje", 3000);
        hours(tenant, professional.userId());
        return new Center(tenant, admin, professional, staff(admin, "receptionist"), client, facial, massage);
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private ServiceId service(TenantId tenant, String name, long priceMinor) {
        ServiceId id = new ServiceId(UUID.randomUUID());
        Service service = new Service(id, name, 60, 0, 0, new Money(priceMinor, EUR), "21", false, Set.of(),
                Set.of(), true);
        inTenant(tenant, () -> store.scheduling().catalogue().addService(tenant, service));
        return id;
    }

    /** Every day 08:00–20:00. */
    private void hours(TenantId tenant, UserId member) {
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            entries.add(new WeeklyHours.Entry(day, "08:00", "20:00"));
        }
        inTenant(tenant, () -> store.scheduling().staffSchedules().putWeekly(tenant, member,
                WeeklyHours.parse(entries), NOW));
    }

    private void inTenant(TenantId tenant, Runnable work) {
        store.shared().transactions().inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    private static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    private static Money eur(long minor) {
        return new Money(minor, EUR);
    }

    private PrepaidPackage sessions(Center c, String name, long sessions, long priceMinor, int days,
                                    ServiceId... services) {
        return qleven.billing().createPackage(c.admin(), new PackageCommand(name, List.of(services),
                new Entitlement.Sessions(sessions), eur(priceMinor), days, Optional.empty()));
    }

    /** Booked, checked in and completed by the professional; the appointment's id. */
    private AppointmentId completed(Center c, ServiceId service, String localStart, boolean redeem) {
        AppointmentView booked = qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(c.client(),
                service, madrid(localStart), Optional.of(c.professional().userId())));
        qleven.scheduling().checkIn(c.receptionist(), booked.id());
        qleven.scheduling().complete(c.professional(), booked.id(), redeem);
        return booked.id();
    }

    private ClientPackageView held(Center c, ClientPackageId id) {
        return qleven.billing().clientPackage(c.admin(), id);
    }

    private List<InvoiceView> invoicesOf(Center c) {
        return qleven.billing().invoices(c.admin(), new Invoices.InvoiceFilter(Optional.of(c.client()),
                Optional.empty()), new PageRequest(200, Optional.empty())).items();
    }

    private Optional<InvoiceView> invoiceFor(Center c, AppointmentId appointment) {
        return invoicesOf(c).stream().filter(i -> i.appointment().equals(Optional.of(appointment))).findFirst();
    }

    /** The billing section of the client's export. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> exported(Center c) {
        return (Map<String, Object>) ((Map<String, Object>) qleven.privacy().export(c.admin(), c.client())
                .get("sections")).get("billing");
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    // --- catalogue --------------------------------------------------------------------------------

    @Test
    void administratorsSetUpPackagesOfTheirOwnServicesAndRetireThem() {
        Center c = center();
        Center other = center();
        PrepaidPackage tenFacials = sessions(c, "10 limpiezas", 10, 33333, 365, c.facial(), c.massage());
        assertThat(tenFacials.services()).containsExactly(c.facial(), c.massage());
        assertThat(qleven.billing().prepaidPackage(c.professional(), tenFacials.id())).isEqualTo(tenFacials);

        assertThat(catchThrowableOfType(() -> qleven.billing().createPackage(c.admin(), new PackageCommand("Otro",
                List.of(c.facial(), other.facial()), new Entitlement.Sessions(5), eur(100), 30, Optional.empty())),
                UnprocessableException.class).field()).isEqualTo("serviceIds[1]");
        assertThat(fields(catchThrowableOfType(() -> qleven.billing().createPackage(c.admin(), new PackageCommand(
                " ", List.of(), null, eur(-1), 0, Optional.empty())), ValidationException.class)))
                .containsExactly("name", "serviceIds", "sessions", "price.amountMinor", "validityDays");
        assertThat(fields(catchThrowableOfType(() -> qleven.billing().createPackage(c.admin(), new PackageCommand(
                "Crédito", List.of(c.facial()), new Entitlement.Credit(new Money(10000, Currency.getInstance("MAD"))),
                new Money(9000, Currency.getInstance("MAD")), 30, Optional.empty())), ValidationException.class)))
                .containsExactly("price.currency", "credit.currency");
        assertThat(catchThrowableOfType(() -> qleven.billing().createPackage(c.admin(), new PackageCommand("Otro",
                List.of(c.facial()), new Entitlement.Sessions(5), eur(100), 30, Optional.of("99"))),
                UnprocessableException.class).field()).isEqualTo("taxRate");
        assertThatThrownBy(() -> sessions(c, "Recepción", 5, 100, 30, c.facial()).id()
                .equals(qleven.billing().createPackage(c.receptionist(), new PackageCommand("x", List.of(c.facial()),
                        new Entitlement.Sessions(1), eur(1), 1, Optional.empty())).id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().prepaidPackage(other.admin(), tenFacials.id()))
                .isInstanceOf(NotFoundException.class);

        PrepaidPackage retired = qleven.billing().retirePackage(c.admin(), tenFacials.id());
        assertThat(retired.retiredAt()).contains(NOW);
        assertThatThrownBy(() -> qleven.billing().retirePackage(c.admin(), tenFacials.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.billing().packages(c.admin(), false, new PageRequest(50, Optional.empty())).items())
                .extracting(PrepaidPackage::name).containsExactly("Recepción");
        assertThat(qleven.billing().packages(c.admin(), true, new PageRequest(50, Optional.empty())).items())
                .extracting(PrepaidPackage::name).containsExactly("10 limpiezas", "Recepción");
        assertThat(catchThrowableOfType(() -> qleven.billing().sellPackage(c.receptionist(), c.client(),
                tenFacials.id()), UnprocessableException.class).field()).isEqualTo("packageId");
    }

    // --- selling ------------------------------------------------------------------------------------

    @Test
    void aPackageWhoseTaxRateWasRetiredIsNotSoldAndNothingIsWritten() {
        Center c = center();
        PrepaidPackage offer = qleven.billing().createPackage(c.admin(), new PackageCommand("5 masajes",
                List.of(c.facial()), new Entitlement.Sessions(5), eur(20000), 90, Optional.of("10")));
        qleven.billing().retireTaxRate(c.admin(), "10");
        UnprocessableException refused = catchThrowableOfType(() -> qleven.billing().sellPackage(c.receptionist(),
                c.client(), offer.id()), UnprocessableException.class);
        assertThat(refused.field()).isEqualTo("packageId");
        assertThat(qleven.billing().clientPackages(c.receptionist(), c.client(), new PageRequest(50, Optional.empty()))
                .items()).isEmpty();
    }


    @Test
    void aSaleIssuesItsInvoiceAndTheClientPackageIsValidUntilTheEndOfItsLocalDate() {
        Center c = center();
        PrepaidPackage offer = sessions(c, "10 limpiezas", 10, 33333, 30, c.facial());
        // 00:30 on Tuesday 2 March in Madrid, still Monday in UTC: the sale's local date is the 2nd.
        clock.set(Instant.parse("2027-03-01T23:30:00Z"));
        ClientPackageView sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id());

        assertThat(sold.held().expiresOn()).isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(sold.held().remaining()).isEqualTo(new Entitlement.Sessions(10));
        assertThat(sold.state()).isEqualTo(PackageState.ACTIVE);
        InvoiceView invoice = qleven.billing().invoice(c.admin(), sold.held().saleInvoice());
        assertThat(invoice.invoice().status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.invoice().kind()).isEqualTo(InvoiceKind.FULL);
        assertThat(invoice.invoice().number()).isPresent();
        assertThat(invoice.invoice().lines()).singleElement().satisfies(l -> {
            assertThat(l.description()).isEqualTo("10 limpiezas");
            assertThat(l.unitPrice()).isEqualTo(eur(33333));
            assertThat(l.taxRate().code()).isEqualTo("21"); // the first service's rate
        });
        // Prices include tax: 333.33 gross, of which 333.33 − 333.33 / 1.21 = 57.85 tax.
        assertThat(invoice.total()).isEqualTo(eur(33333));
        assertThat(invoice.taxTotal()).isEqualTo(eur(5785));
        assertThat(qleven.billing().clientPackages(c.professional(), c.client(), new PageRequest(50,
                Optional.empty())).items()).extracting(v -> v.held().id()).containsExactly(sold.held().id());

        assertThatThrownBy(() -> qleven.billing().sellPackage(c.professional(), c.client(), offer.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().sellPackage(c.receptionist(), new ClientId(UUID.randomUUID()),
                offer.id())).isInstanceOf(NotFoundException.class);
        assertThat(catchThrowableOfType(() -> qleven.billing().sellPackage(c.receptionist(), c.client(),
                new com.qleven.domain.billing.PackageId(UUID.randomUUID())), UnprocessableException.class).field())
                .isEqualTo("packageId");
        assertThat(invoicesOf(c)).hasSize(1);
    }

    // --- redemption on completion -------------------------------------------------------------------

    @Test
    void completingCoveredAppointmentsRedeemsSessionsFromThePackageExpiringFirst() {
        Center c = center();
        PrepaidPackage longer = sessions(c, "5 limpiezas (año)", 5, 20000, 365, c.facial());
        PrepaidPackage shorter = sessions(c, "3 limpiezas (mes)", 3, 12000, 30, c.facial());
        ClientPackageId year = qleven.billing().sellPackage(c.receptionist(), c.client(), longer.id()).held().id();
        ClientPackageId month = qleven.billing().sellPackage(c.receptionist(), c.client(), shorter.id()).held().id();

        AppointmentId first = completed(c, c.facial(), "2027-03-02T10:00", true);
        assertThat(held(c, month).held().remaining().units()).isEqualTo(2);
        assertThat(held(c, year).held().remaining().units()).isEqualTo(5);
        assertThat(invoiceFor(c, first)).isEmpty();

        // The staff choose not to redeem: the appointment is invoiced instead, the package untouched.
        AppointmentId notRedeemed = completed(c, c.facial(), "2027-03-02T11:00", false);
        assertThat(held(c, month).held().remaining().units()).isEqualTo(2);
        assertThat(invoiceFor(c, notRedeemed)).hasValueSatisfying(i -> {
            assertThat(i.invoice().status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(i.total()).isEqualTo(eur(4500));
        });

        // A service no package covers is invoiced.
        AppointmentId massage = completed(c, c.massage(), "2027-03-02T12:00", true);
        assertThat(invoiceFor(c, massage)).hasValueSatisfying(i -> assertThat(i.invoice().lines()).singleElement()
                .satisfies(l -> {
                    assertThat(l.description()).isEqualTo("Masaje");
                    assertThat(l.unitPrice()).isEqualTo(eur(3000));
                    assertThat(l.taxRate().code()).isEqualTo("21");
                }));

        completed(c, c.facial(), "2027-03-02T15:00", true);
        completed(c, c.facial(), "2027-03-02T16:00", true);
        ClientPackageView used = held(c, month);
        assertThat(used.held().remaining().units()).isZero();
        assertThat(used.state()).isEqualTo(PackageState.EXHAUSTED);
        // The short package is used up: the next one comes from the year's.
        AppointmentId fromYear = completed(c, c.facial(), "2027-03-02T17:00", true);
        assertThat(held(c, year).held().remaining().units()).isEqualTo(4);
        assertThat(invoiceFor(c, fromYear)).isEmpty();

        Map<String, Object> billing = exported(c);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> redemptions = (List<Map<String, Object>>) billing.get("packageRedemptions");
        assertThat(redemptions).hasSize(4).allSatisfy(r -> assertThat(r.get("units")).isEqualTo(1L));
        assertThat(redemptions).extracting(r -> r.get("clientPackageId"))
                .containsExactly(month.toString(), month.toString(), month.toString(), year.toString());
        assertThat(redemptions.get(0).get("appointmentId")).isEqualTo(first.toString());
        assertThat((List<?>) billing.get("packages")).hasSize(2);
    }

    @Test
    void oneAppointmentIsBilledOnce() {
        Center c = center();
        // Completed without a package: billing drafts its invoice; the desk's own second one is a 409.
        AppointmentId done = completed(c, c.facial(), "2027-03-02T10:00", true);
        InvoiceView drafted = invoiceFor(c, done).orElseThrow();
        DraftInvoiceCommand again = new DraftInvoiceCommand(c.client(), Optional.of(done), InvoiceKind.FULL,
                List.of(new InvoiceLineCommand("Limpieza facial", Quantity.ONE, eur(4500), "21", Optional.empty())),
                Optional.empty());
        ConflictException twice = catchThrowableOfType(() -> qleven.billing().draftInvoice(c.receptionist(), again),
                ConflictException.class);
        assertThat(twice.details()).containsEntry("field", "appointmentId")
                .containsEntry("invoiceId", drafted.invoice().id().toString());
        // Once that invoice is issued and credited whole, the appointment may be billed again.
        qleven.billing().issueInvoice(c.receptionist(), drafted.invoice().id());
        qleven.billing().creditNote(c.admin(), drafted.invoice().id(), true, List.of(), "Precio equivocado");
        assertThat(qleven.billing().draftInvoice(c.receptionist(), again).appointment()).contains(done);

        // Billed by the desk before the treatment: completing it drafts nothing more.
        AppointmentView booked = qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(c.client(),
                c.facial(), madrid("2027-03-02T12:00"), Optional.of(c.professional().userId())));
        qleven.billing().draftInvoice(c.receptionist(), new DraftInvoiceCommand(c.client(), Optional.of(booked.id()),
                InvoiceKind.FULL, again.lines(), Optional.empty()));
        qleven.scheduling().checkIn(c.receptionist(), booked.id());
        qleven.scheduling().complete(c.professional(), booked.id(), true);
        assertThat(invoicesOf(c).stream().filter(i -> i.appointment().equals(Optional.of(booked.id())))).hasSize(1);
    }

    @Test
    void anExpiredPackageRedeemsNothingAndTheAppointmentGetsADraftInvoice() {
        Center c = center();
        PrepaidPackage offer = sessions(c, "2 limpiezas", 2, 8000, 1, c.facial());
        ClientPackageId sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id()).held().id();
        assertThat(held(c, sold).held().expiresOn()).isEqualTo(LocalDate.parse("2027-03-02"));

        // The last valid day, late in the evening: redeemed.
        AppointmentId lastDay = completed(c, c.facial(), "2027-03-02T19:00", true);
        assertThat(invoiceFor(c, lastDay)).isEmpty();
        assertThat(held(c, sold).held().remaining().units()).isEqualTo(1);

        // The next morning it is expired: nothing redeemed, the appointment is invoiced.
        clock.set(madrid("2027-03-03T08:00"));
        AppointmentId afterExpiry = completed(c, c.facial(), "2027-03-03T10:00", true);
        ClientPackageView expired = held(c, sold);
        assertThat(expired.held().remaining().units()).isEqualTo(1);
        assertThat(expired.state()).isEqualTo(PackageState.EXPIRED);
        InvoiceView draft = invoiceFor(c, afterExpiry).orElseThrow();
        assertThat(draft.invoice().status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.invoice().lines()).singleElement().satisfies(l -> {
            assertThat(l.description()).isEqualTo("Limpieza facial");
            assertThat(l.unitPrice()).isEqualTo(eur(4500));
            assertThat(l.taxRate().code()).isEqualTo("21");
        });
        assertThatThrownBy(() -> qleven.billing().debitAllowance(c.admin(), sold, AllowanceUnit.SHOTS, 1,
                Optional.empty())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCreditIsDebitedByTheServicePriceWhileItCoversIt() {
        Center c = center();
        PrepaidPackage offer = qleven.billing().createPackage(c.admin(), new PackageCommand("Bono 100 €",
                List.of(c.facial(), c.massage()), new Entitlement.Credit(eur(10000)), eur(9000), 90, Optional.of("21")));
        ClientPackageId sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id()).held().id();
        completed(c, c.facial(), "2027-03-02T10:00", true);
        completed(c, c.facial(), "2027-03-02T11:00", true);
        assertThat(held(c, sold).held().remaining()).isEqualTo(new Entitlement.Credit(eur(1000)));
        // 10.00 left does not cover 30.00: invoiced, the credit kept.
        AppointmentId massage = completed(c, c.massage(), "2027-03-02T12:00", true);
        assertThat(invoiceFor(c, massage)).isPresent();
        assertThat(held(c, sold).held().remaining()).isEqualTo(new Entitlement.Credit(eur(1000)));
        // The refund of a credit is its unused part of the price: 90.00 × 10.00 / 100.00 = 9.00.
        ClientPackageView refunded = qleven.billing().refundPackage(c.admin(), sold, "Client moves away");
        assertThat(refunded.held().refund().orElseThrow().amount()).isEqualTo(eur(900));
    }

    @Test
    void anAllowanceIsDebitedByDeviceSessionsNeverBelowZero() {
        Center c = center();
        PrepaidPackage offer = qleven.billing().createPackage(c.admin(), new PackageCommand("Láser 1000 disparos",
                List.of(c.facial()), new Entitlement.Allowance(AllowanceUnit.SHOTS, 1000), eur(50000), 180,
                Optional.empty()));
        ClientPackageId sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id()).held().id();
        // Completing an appointment does not touch an allowance: the device's report debits it.
        AppointmentId appointment = completed(c, c.facial(), "2027-03-02T10:00", true);
        assertThat(invoiceFor(c, appointment)).isPresent();

        ClientPackageView after = qleven.billing().debitAllowance(c.professional(), sold, AllowanceUnit.SHOTS, 300,
                Optional.of(appointment));
        assertThat(after.held().remaining()).isEqualTo(new Entitlement.Allowance(AllowanceUnit.SHOTS, 700));
        assertThatThrownBy(() -> qleven.billing().debitAllowance(c.professional(), sold, AllowanceUnit.SHOTS, 701,
                Optional.empty())).isInstanceOf(ConflictException.class);
        assertThat(catchThrowableOfType(() -> qleven.billing().debitAllowance(c.professional(), sold,
                AllowanceUnit.PULSES, 1, Optional.empty()), UnprocessableException.class).field()).isEqualTo("unit");
        assertThat(fields(catchThrowableOfType(() -> qleven.billing().debitAllowance(c.professional(), sold,
                AllowanceUnit.SHOTS, 0, Optional.empty()), ValidationException.class))).containsExactly("amount");
        assertThat(held(c, sold).held().remaining()).isEqualTo(new Entitlement.Allowance(AllowanceUnit.SHOTS, 700));
        ClientPackageView empty = qleven.billing().debitAllowance(c.receptionist(), sold, AllowanceUnit.SHOTS, 700,
                Optional.empty());
        assertThat(empty.state()).isEqualTo(PackageState.EXHAUSTED);
        assertThatThrownBy(() -> qleven.billing().debitAllowance(c.professional(), sold, AllowanceUnit.SHOTS, 1,
                Optional.empty())).isInstanceOf(ConflictException.class);
    }

    // --- refunds ------------------------------------------------------------------------------------

    @Test
    void theUnusedSessionsAreRefundedExactlyByACreditNoteAgainstTheSaleInvoice() {
        Center c = center();
        PrepaidPackage offer = sessions(c, "10 limpiezas", 10, 33333, 365, c.facial());
        ClientPackageView sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id());
        completed(c, c.facial(), "2027-03-02T10:00", true);
        completed(c, c.facial(), "2027-03-02T11:00", true);
        completed(c, c.facial(), "2027-03-02T12:00", true);

        assertThatThrownBy(() -> qleven.billing().refundPackage(c.receptionist(), sold.held().id(), "Moves away"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fields(catchThrowableOfType(() -> qleven.billing().refundPackage(c.admin(), sold.held().id(),
                " "), ValidationException.class))).containsExactly("reason");

        ClientPackageView refunded = qleven.billing().refundPackage(c.admin(), sold.held().id(), "Moves away");
        // 7 of 10 sessions unused: 333.33 × 7 / 10 = 233.331, half up to the cent = 233.33.
        com.qleven.domain.billing.ClientPackage.Refund refund = refunded.held().refund().orElseThrow();
        assertThat(refund.amount()).isEqualTo(eur(23333));
        assertThat(refunded.state()).isEqualTo(PackageState.REFUNDED);
        assertThat(refunded.held().remaining().units()).isZero();
        InvoiceView note = qleven.billing().invoice(c.admin(), refund.creditNote());
        assertThat(note.invoice().kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.invoice().status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(note.invoice().corrects().orElseThrow().invoice()).isEqualTo(sold.held().saleInvoice());
        assertThat(note.invoice().lines()).singleElement().satisfies(l -> {
            assertThat(l.unitPrice()).isEqualTo(eur(23333));
            assertThat(l.taxRate().code()).isEqualTo("21");
        });
        assertThat(note.total()).isEqualTo(eur(-23333));
        InvoiceView sale = qleven.billing().invoice(c.admin(), sold.held().saleInvoice());
        assertThat(sale.credited()).isEqualTo(23333);

        assertThatThrownBy(() -> qleven.billing().refundPackage(c.admin(), sold.held().id(), "Again"))
                .isInstanceOf(ConflictException.class);
        // Closed: a covered completion is invoiced.
        AppointmentId after = completed(c, c.facial(), "2027-03-02T15:00", true);
        assertThat(invoiceFor(c, after)).isPresent();
    }

    @Test
    void aRefundRoundsHalfUpToTheMinorUnit() {
        Center c = center();
        PrepaidPackage three = sessions(c, "3 masajes", 3, 10000, 365, c.massage());
        ClientPackageView sold = qleven.billing().sellPackage(c.receptionist(), c.client(), three.id());
        completed(c, c.massage(), "2027-03-02T10:00", true);
        // 2 of 3 unused: 100.00 × 2 / 3 = 66.666…, half up = 66.67.
        assertThat(qleven.billing().refundPackage(c.admin(), sold.held().id(), "Allergy").held().refund()
                .orElseThrow().amount()).isEqualTo(eur(6667));
        ClientPackageView used = qleven.billing().sellPackage(c.receptionist(), c.client(),
                sessions(c, "1 masaje", 1, 3000, 365, c.massage()).id());
        completed(c, c.massage(), "2027-03-02T11:00", true);
        assertThat(held(c, used.held().id()).state()).isEqualTo(PackageState.EXHAUSTED);
        assertThatThrownBy(() -> qleven.billing().refundPackage(c.admin(), used.held().id(), "Nothing left"))
                .isInstanceOf(ConflictException.class);
    }

    // --- liability ------------------------------------------------------------------------------------

    @Test
    void theLiabilityIsTheUnusedValueOfThePackagesValidToday() {
        Center c = center();
        PrepaidPackage ten = sessions(c, "10 limpiezas", 10, 33333, 365, c.facial());
        PrepaidPackage shortOne = sessions(c, "3 masajes (1 día)", 3, 10000, 1, c.massage());
        PrepaidPackage credit = qleven.billing().createPackage(c.admin(), new PackageCommand("Bono",
                List.of(c.massage()), new Entitlement.Credit(eur(10000)), eur(10000), 365, Optional.empty()));
        ClientPackageId a = qleven.billing().sellPackage(c.receptionist(), c.client(), ten.id()).held().id();
        qleven.billing().sellPackage(c.receptionist(), c.client(), ten.id());
        ClientPackageId refunded = qleven.billing().sellPackage(c.receptionist(), c.client(), ten.id()).held().id();
        qleven.billing().sellPackage(c.receptionist(), c.client(), shortOne.id());
        qleven.billing().sellPackage(c.receptionist(), c.client(), credit.id());
        completed(c, c.facial(), "2027-03-02T10:00", true); // from a, the first sold of those expiring together
        qleven.billing().refundPackage(c.admin(), refunded, "Changed her mind");
        assertThat(held(c, a).held().remaining().units()).isEqualTo(9);
        assertThatThrownBy(() -> qleven.billing().packageLiability(c.receptionist()))
                .isInstanceOf(ForbiddenException.class);

        clock.set(madrid("2027-03-03T09:00")); // the one-day package expired last night
        PackageLiability report = qleven.billing().packageLiability(c.admin());
        // 333.33 × 9 / 10 = 299.997 → 300.00; 333.33 × 10 / 10 = 333.33; the credit 100.00 → 733.33.
        assertThat(report.on()).isEqualTo(LocalDate.parse("2027-03-03"));
        assertThat(report.total()).isEqualTo(eur(73333));
        assertThat(report.packagesSold()).isEqualTo(3);
        assertThat(report.packages()).extracting(PackageLiability.Line::packageId, PackageLiability.Line::packagesSold,
                PackageLiability.Line::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ten.id(), 2L, eur(63333)),
                org.assertj.core.groups.Tuple.tuple(credit.id(), 1L, eur(10000)));
    }

    // --- privacy ----------------------------------------------------------------------------------------

    @Test
    void anErasureKeepsThePackagesAsFinancialRecordsWithNothingPersonal() {
        Center c = center();
        PrepaidPackage offer = sessions(c, "5 limpiezas", 5, 20000, 365, c.facial());
        ClientPackageView sold = qleven.billing().sellPackage(c.receptionist(), c.client(), offer.id());
        completed(c, c.facial(), "2027-03-02T10:00", true);
        Map<String, Object> before = exported(c);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> packages = (List<Map<String, Object>>) before.get("packages");
        assertThat(packages).singleElement().satisfies(p -> {
            assertThat(p.get("name")).isEqualTo("5 limpiezas");
            assertThat(p.get("remaining")).isEqualTo(4L);
            assertThat(p.get("invoiceId")).isEqualTo(sold.held().saleInvoice().toString());
        });

        clock.set(madrid("2027-03-02T12:00")); // after the treatment
        var erasure = qleven.privacy().createRequest(c.admin(),
                com.qleven.ports.privacy.in.CreatePrivacyRequestCommand.parse(c.client().toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        // Kept: the package with its amounts and its link to the sale invoice, which stays issued
        // (restricted); its redemption too. They never held a name, a note or a contact.
        store.shared().transactions().inTenant(c.tenant(), () -> {
            var kept = store.billing().packages().clientPackage(c.tenant(), sold.held().id()).orElseThrow();
            assertThat(kept.remaining().units()).isEqualTo(4);
            assertThat(kept.price()).isEqualTo(eur(20000));
            assertThat(kept.name()).isEqualTo("5 limpiezas");
            assertThat(store.billing().packages().redemptionsOf(c.tenant(), c.client())).hasSize(1);
            var sale = store.billing().invoices().byId(c.tenant(), kept.saleInvoice()).orElseThrow();
            assertThat(sale.status()).isEqualTo(InvoiceStatus.ISSUED);
            assertThat(sale.restricted()).isTrue();
            return null;
        });
        // What the center still owes on it is still owed: the liability counts it.
        assertThat(qleven.billing().packageLiability(c.admin()).total()).isEqualTo(eur(16000));
    }

    @Test
    void aRestrictedClientsCompletionStandsAndItsInvoiceIsLeftToTheDesk() {
        Center c = center();
        AppointmentId done = qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(c.client(),
                c.facial(), madrid("2027-03-02T10:00"), Optional.of(c.professional().userId()))).id();
        qleven.scheduling().checkIn(c.receptionist(), done);
        // Restricted once booked and checked in (a restricted client is booked no more).
        var restriction = qleven.privacy().createRequest(c.admin(),
                com.qleven.ports.privacy.in.CreatePrivacyRequestCommand.parse(c.client().toString(), "restriction",
                        null));
        qleven.privacy().completeRequest(c.admin(), restriction.id(), "Restricted while disputed.");
        qleven.scheduling().complete(c.professional(), done, true);
        assertThat(qleven.scheduling().appointment(c.admin(), done).status())
                .isEqualTo(com.qleven.domain.scheduling.AppointmentStatus.COMPLETED);
        assertThat(invoiceFor(c, done)).isEmpty();
        qleven.audit().seal(Optional.of(c.tenant()));
        assertThat(store.shared().transactions().inTenant(c.tenant(), () -> store.audit().auditLog()
                .read(Optional.of(c.tenant()), 0, 1000)).stream().map(e -> e.event())
                .filter(e -> e.action().equals("invoice.deferred_restricted")).toList())
                .singleElement().satisfies(e -> assertThat(e.subjectId()).contains(done.value()));
    }

    // --- concurrency ------------------------------------------------------------------------------------

    @Test
    void twoCompletionsRacingForTheLastSessionRedeemItOnce() throws Exception {
        Center c = center();
        PrepaidPackage one = sessions(c, "1 limpieza", 1, 4000, 365, c.facial());
        ClientPackageId sold = qleven.billing().sellPackage(c.receptionist(), c.client(), one.id()).held().id();
        List<AppointmentId> appointments = new ArrayList<>();
        for (String start : List.of("2027-03-02T10:00", "2027-03-02T11:00")) {
            AppointmentView booked = qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(c.client(),
                    c.facial(), madrid(start), Optional.of(c.professional().userId())));
            qleven.scheduling().checkIn(c.receptionist(), booked.id());
            appointments.add(booked.id());
        }
        pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AppointmentView>> done = new ArrayList<>();
        for (AppointmentId id : appointments) {
            done.add(pool.submit(() -> {
                go.await();
                return qleven.scheduling().complete(c.professional(), id, true);
            }));
        }
        go.countDown();
        for (Future<AppointmentView> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(held(c, sold).held().remaining().units()).isZero();
        assertThat(appointments.stream().filter(id -> invoiceFor(c, id).isPresent()).count()).isEqualTo(1);
        Map<String, Object> billing = exported(c);
        assertThat((List<?>) billing.get("packageRedemptions")).hasSize(1);
    }
}
