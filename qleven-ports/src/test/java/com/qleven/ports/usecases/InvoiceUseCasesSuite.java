package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.InvoiceHash;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceParty;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.application.billing.InvoicesService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices against every store, through {@code qleven.billing()}: hand-worked tax and rounding, the
 * gapless series and its chain (also under 50 concurrent issuers), credit notes that reverse exactly,
 * immutability once issued, bad input that writes nothing, permissions, the series year in the
 * center's zone, Morocco's identifiers, and invoices that outlive the client's erasure.
 */
public abstract class InvoiceUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Currency EUR = Currency.getInstance("EUR");

    private QlevenStore store;
    private Qleven qleven;
    private MutableClock clock;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-06-15T09:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store, cipher(store)).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, ClientId client) {
    }

    private Center center(String country, String zone, String currency) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1, Madrid").taxId("B12345678").country(country)
                .timeZone(zone).currency(currency).fullName("Ana Admin").email(adminEmail).password(PASSWORD)
                .ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(adminEmail);
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder().fullName("José Núñez")
                .phone("600 111 222").billingIdentity("José Núñez García", "Calle Luna 3, Madrid", "12345678Z")
                .build()).id();
        return new Center(tenant, admin, staff(admin, "receptionist"), staff(admin, "professional"), client);
    }

    private Center center() {
        return center("ES", "Europe/Madrid", "EUR");
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private static InvoiceLineCommand line(String description, String quantity, long price, String rate) {
        return new InvoiceLineCommand(description, Quantity.parse(quantity, "quantity"), new Money(price, EUR), rate,
                Optional.empty());
    }

    /** Four lines at three rates (prices include tax), worked by hand in {@link #taxAndRoundingAsWorkedByHand}. */
    private static List<InvoiceLineCommand> fourLines() {
        return List.of(line("Limpieza facial", "1", 6000, "21"), line("Manicura", "2", 1550, "21"),
                line("Crema hidratante", "0.5", 3333, "10"), line("Consulta médica", "1", 5000, "exempt"));
    }

    private InvoiceView draft(Center c, List<InvoiceLineCommand> lines) {
        return qleven.billing().draftInvoice(c.desk(), new DraftInvoiceCommand(c.client(), Optional.empty(),
                InvoiceKind.FULL, lines, Optional.empty()));
    }

    private int invoiceCount(Center c) {
        return qleven.billing().invoices(c.admin(), Invoices.InvoiceFilter.all(), new PageRequest(200, Optional.empty()))
                .items().size();
    }

    @Test
    void taxAndRoundingAsWorkedByHand() {
        Center c = center();
        InvoiceView view = draft(c, fourLines());

        // 60.00 incl. 21 %: tax 6000×21/121 = 1041.32 → 1041. 2 × 15.50 = 31.00: 3100×21/121 = 538.02 → 538.
        // 0.5 × 33.33 = 16.665 → 16.67 (half up): 1667×10/110 = 151.545 → 152. 50.00 exempt: no tax.
        assertThat(view.amounts().lines()).extracting(l -> l.tax().amountMinor()).containsExactly(1041L, 538L, 152L, 0L);
        assertThat(view.amounts().lines()).extracting(l -> l.gross().amountMinor())
                .containsExactly(6000L, 3100L, 1667L, 5000L);
        assertThat(view.amounts().byRate()).extracting(r -> r.rate().code(), r -> r.net().amountMinor(),
                        r -> r.tax().amountMinor(), r -> r.gross().amountMinor())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("21", 7521L, 1579L, 9100L),
                        org.assertj.core.groups.Tuple.tuple("10", 1515L, 152L, 1667L),
                        org.assertj.core.groups.Tuple.tuple("exempt", 5000L, 0L, 5000L));
        assertThat(view.total()).isEqualTo(new Money(15767, EUR));
        assertThat(view.taxTotal()).isEqualTo(new Money(1731, EUR));
        assertThat(view.balance()).isEqualTo(new Money(15767, EUR));
        assertThat(view.invoice().status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(view.invoice().basis()).isEqualTo(PriceBasis.TAX_INCLUDED);
        // The exempt line carries its legal mention for the printed invoice.
        assertThat(view.amounts().byRate().get(2).rate().legalMention()).contains("exenta");
        // What was stored reads back the same.
        assertThat(qleven.billing().invoice(c.desk(), view.invoice().id()).amounts()).isEqualTo(view.amounts());
    }

    @Test
    void pricesBeforeTaxAddTheTaxPerLine() {
        Center c = center();
        qleven.billing().saveSettings(c.admin(), new BillingSettings(PriceBasis.TAX_EXCLUDED, Optional.empty(),
                Optional.empty(), Optional.empty()));
        InvoiceView view = draft(c, List.of(line("Peeling", "3", 1999, "21"), line("Sérum", "1", 1005, "10")));
        // 3 × 19.99 = 59.97 + 21 % = 12.5937 → 12.59; 10.05 + 10 % = 1.005 → 1.01 (half up).
        assertThat(view.amounts().lines()).extracting(l -> l.tax().amountMinor()).containsExactly(1259L, 101L);
        assertThat(view.total()).isEqualTo(new Money(5997 + 1259 + 1005 + 101, EUR));
    }

    @Test
    void issuingNumbersTheSeriesWithNoGapAndChainsIt() {
        Center c = center();
        List<InvoiceView> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(qleven.billing().issueInvoice(c.desk(), draft(c, fourLines()).invoice().id()));
        }
        assertThat(issued).extracting(v -> v.invoice().number().orElseThrow().text())
                .containsExactly("F2026-000001", "F2026-000002", "F2026-000003");
        assertThat(issued.get(0).invoice().issue().orElseThrow().previousHash()).isEqualTo(InvoiceHash.GENESIS);
        assertThat(issued.get(1).invoice().issue().orElseThrow().previousHash())
                .isEqualTo(issued.get(0).invoice().issue().orElseThrow().hash());
        var check = qleven.billing().verifySeries(c.admin(), new InvoiceNumber.Series(InvoiceKind.FULL, 2026));
        assertThat(check.verified()).isTrue();
        assertThat(check.count()).isEqualTo(3);

        // The parties are frozen on it: the center's identity and the client's billing identity.
        Invoice issue = issued.get(0).invoice().issue().map(Invoice::new).orElseThrow();
        assertThat(issue.seller()).isEqualTo(new InvoiceParty("Clínica Sol", "Calle Mayor 1, Madrid",
                List.of(new InvoiceParty.Identifier("NIF", "B12345678"))));
        assertThat(issue.buyer()).isEqualTo(new InvoiceParty("José Núñez García", "Calle Luna 3, Madrid",
                List.of(new InvoiceParty.Identifier("NIF", "12345678Z"))));
        // Read back, it is the same invoice, and its number is the series' last place.
        assertThat(qleven.billing().invoice(c.admin(), issued.get(2).invoice().id()).invoice())
                .isEqualTo(issued.get(2).invoice());
    }

    /** Wraps an issue for readable assertions. */
    private record Invoice(com.qleven.domain.billing.Invoice.Issue issue) {
        InvoiceParty seller() {
            return issue.seller();
        }

        InvoiceParty buyer() {
            return issue.buyer();
        }
    }

    @Test
    void anIssuedInvoiceNeverChanges() {
        Center c = center();
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft(c, fourLines()).invoice().id());
        var id = issued.invoice().id();

        ConflictException edit = catchThrowableOfType(ConflictException.class, () -> qleven.billing()
                .changeDraft(c.desk(), id, List.of(line("Otra cosa", "1", 100, "21")), Optional.empty(),
                        Optional.empty()));
        assertThat(edit.details()).containsEntry("field", "status");
        assertThatThrownBy(() -> qleven.billing().issueInvoice(c.desk(), id)).isInstanceOf(ConflictException.class);
        assertThat(qleven.billing().invoice(c.admin(), id).invoice()).isEqualTo(issued.invoice());
        assertThat(qleven.billing().verifySeries(c.admin(), new InvoiceNumber.Series(InvoiceKind.FULL, 2026))
                .count()).isEqualTo(1);
    }

    @Test
    void aDraftChangesUntilItIsIssuedAndAStaleVersionIsRefused() {
        Center c = center();
        InvoiceView draft = draft(c, fourLines());
        InvoiceView changed = qleven.billing().changeDraft(c.desk(), draft.invoice().id(),
                List.of(line("Limpieza facial", "2", 6000, "21")), Optional.of(new Money(1000, EUR)),
                Optional.of(draft.version()));
        assertThat(changed.total()).isEqualTo(new Money(11000, EUR));
        assertThat(changed.version()).isEqualTo(draft.version() + 1);
        assertThat(qleven.billing().invoice(c.desk(), draft.invoice().id()).invoice().lines()).hasSize(1);
        assertThatThrownBy(() -> qleven.billing().changeDraft(c.desk(), draft.invoice().id(),
                List.of(line("X", "1", 100, "21")), Optional.empty(), Optional.of(draft.version())))
                .isInstanceOf(com.qleven.domain.shared.PreconditionFailedException.class);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Center c = center();
        ValidationException rate = catchThrowableOfType(ValidationException.class,
                () -> draft(c, List.of(line("Masaje", "1", 4000, "21"), line("Masaje", "1", 4000, "7.5"))));
        assertThat(rate.errors()).extracting(FieldError::field).containsExactly("lines[1].taxRate");

        ValidationException currency = catchThrowableOfType(ValidationException.class, () -> draft(c, List.of(
                new InvoiceLineCommand("Masaje", Quantity.ONE, new Money(4000, Currency.getInstance("MAD")), "21",
                        Optional.empty()))));
        assertThat(currency.errors()).extracting(FieldError::field).containsExactly("lines[0].unitPrice.currency");

        ValidationException negative = catchThrowableOfType(ValidationException.class,
                () -> draft(c, List.of(line("Masaje", "1", -1, "21"))));
        assertThat(negative.errors()).extracting(FieldError::field).containsExactly("lines[0].unitPrice.amountMinor");

        ValidationException empty = catchThrowableOfType(ValidationException.class, () -> draft(c, List.of()));
        assertThat(empty.errors()).extracting(FieldError::field).containsExactly("lines");

        ValidationException description = catchThrowableOfType(ValidationException.class,
                () -> draft(c, List.of(line("  ", "1", 100, "21"))));
        assertThat(description.errors()).extracting(FieldError::field).containsExactly("lines[0].description");

        ValidationException discount = catchThrowableOfType(ValidationException.class, () -> qleven.billing()
                .draftInvoice(c.desk(), new DraftInvoiceCommand(c.client(), Optional.empty(), InvoiceKind.FULL,
                        List.of(line("Masaje", "1", 4000, "21")), Optional.of(new Money(4001, EUR)))));
        assertThat(discount.errors()).extracting(FieldError::field).containsExactly("discount.amountMinor");

        UnprocessableException stranger = catchThrowableOfType(UnprocessableException.class, () -> qleven.billing()
                .draftInvoice(c.desk(), new DraftInvoiceCommand(new ClientId(UUID.randomUUID()), Optional.empty(),
                        InvoiceKind.FULL, fourLines(), Optional.empty())));
        assertThat(stranger.field()).isEqualTo("clientId");

        assertThat(invoiceCount(c)).isZero();
    }

    @Test
    void aFullCreditNoteReversesItsInvoiceExactly() {
        Center c = center();
        InvoiceView invoice = qleven.billing().issueInvoice(c.desk(), qleven.billing().draftInvoice(c.desk(),
                new DraftInvoiceCommand(c.client(), Optional.empty(), InvoiceKind.FULL, fourLines(),
                        Optional.of(new Money(777, EUR)))).invoice().id());
        InvoiceView note = qleven.billing().creditNote(c.admin(), invoice.invoice().id(), true, List.of(),
                "Tratamiento no realizado");

        assertThat(note.invoice().kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.invoice().number().orElseThrow().text()).isEqualTo("R2026-000001");
        assertThat(note.total().amountMinor()).isEqualTo(-invoice.total().amountMinor());
        assertThat(note.taxTotal().amountMinor()).isEqualTo(-invoice.taxTotal().amountMinor());
        assertThat(note.amounts().byRate()).isEqualTo(invoice.amounts().byRate());
        assertThat(note.amounts().lines()).extracting(l -> l.gross())
                .isEqualTo(invoice.amounts().lines().stream().map(l -> l.gross()).toList());
        assertThat(note.invoice().corrects().orElseThrow().number()).isEqualTo(invoice.invoice().number().orElseThrow());
        // The invoice was unpaid: the credit settles it, and the note owes nothing back.
        assertThat(qleven.billing().invoice(c.admin(), invoice.invoice().id()).balance().amountMinor()).isZero();
        assertThat(note.balance().amountMinor()).isZero();
        // Nothing is left to credit.
        assertThatThrownBy(() -> qleven.billing().creditNote(c.admin(), invoice.invoice().id(), false,
                List.of(new InvoicesService.CreditLine(0, Quantity.ONE)), "again"))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.billing().verifySeries(c.admin(), new InvoiceNumber.Series(InvoiceKind.CREDIT_NOTE, 2026))
                .verified()).isTrue();
    }

    @Test
    void aPartialCreditNoteTakesBackItsShareOfTheDiscounts() {
        Center c = center();
        InvoiceView invoice = qleven.billing().issueInvoice(c.desk(), qleven.billing().draftInvoice(c.desk(),
                new DraftInvoiceCommand(c.client(), Optional.empty(), InvoiceKind.FULL,
                        List.of(line("Sesión láser", "3", 10000, "21"), line("Crema", "1", 2000, "10")),
                        Optional.of(new Money(3200, EUR)))).invoice().id());
        // The 32.00 discount spreads 30000:2000 → 30.00 and 2.00; one of three sessions takes back 10.00.
        InvoiceView note = qleven.billing().creditNote(c.admin(), invoice.invoice().id(), false,
                List.of(new InvoicesService.CreditLine(0, Quantity.ONE)), "Una sesión no realizada");
        assertThat(note.total()).isEqualTo(new Money(-9000, EUR));
        assertThat(qleven.billing().invoice(c.admin(), invoice.invoice().id()).balance())
                .isEqualTo(new Money(32000 - 3200 - 9000, EUR));

        ValidationException tooMany = catchThrowableOfType(ValidationException.class, () -> qleven.billing()
                .creditNote(c.admin(), invoice.invoice().id(), false,
                        List.of(new InvoicesService.CreditLine(1, Quantity.parse("2", "q")),
                                new InvoicesService.CreditLine(5, Quantity.ONE)), "x"));
        assertThat(tooMany.errors()).extracting(FieldError::field)
                .containsExactly("lines[0].quantity", "lines[1].line");
    }

    @Test
    void whoMayDoWhat() {
        Center c = center();
        assertThatThrownBy(() -> qleven.billing().draftInvoice(c.professional(), new DraftInvoiceCommand(c.client(),
                Optional.empty(), InvoiceKind.FULL, fourLines(), Optional.empty())))
                .isInstanceOf(ForbiddenException.class);
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft(c, fourLines()).invoice().id());
        assertThatThrownBy(() -> qleven.billing().invoice(c.professional(), issued.invoice().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().creditNote(c.desk(), issued.invoice().id(), true, List.of(), "x"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.billing().saveSettings(c.desk(), BillingSettings.defaults()))
                .isInstanceOf(ForbiddenException.class);
        // Another center's invoice does not exist for this one.
        Center other = center();
        assertThatThrownBy(() -> qleven.billing().invoice(other.admin(), issued.invoice().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.billing().issueInvoice(other.admin(), issued.invoice().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(invoiceCount(other)).isZero();
    }

    @Test
    void theSeriesYearIsTheCentersLocalYear() {
        Center c = center();
        InvoiceView draft = draft(c, fourLines());
        // 23:30 UTC on 31 December is 00:30 on 1 January in Madrid: the new year's series.
        clock.set(Instant.parse("2026-12-31T23:30:00Z"));
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft.invoice().id());
        assertThat(issued.invoice().number().orElseThrow().text()).isEqualTo("F2027-000001");
    }

    @Test
    void aMoroccanInvoiceCarriesTheIceAndTheIf() {
        Center c = center("MA", "Africa/Casablanca", "MAD");
        var id = qleven.billing().draftInvoice(c.desk(), new DraftInvoiceCommand(c.client(), Optional.empty(),
                InvoiceKind.FULL, List.of(new InvoiceLineCommand("Hammam", Quantity.ONE,
                        new Money(25000, Currency.getInstance("MAD")), "20", Optional.empty())), Optional.empty()))
                .invoice().id();
        ConflictException noIce = catchThrowableOfType(ConflictException.class,
                () -> qleven.billing().issueInvoice(c.desk(), id));
        assertThat(noIce.details()).containsEntry("field", "ice");

        qleven.billing().saveSettings(c.admin(), new BillingSettings(PriceBasis.TAX_INCLUDED,
                Optional.of("Sol Beauté SARL"), Optional.of("001525478000036"), Optional.of("40123456")));
        var issue = qleven.billing().issueInvoice(c.desk(), id).invoice().issue().orElseThrow();
        assertThat(issue.seller().name()).isEqualTo("Sol Beauté SARL");
        assertThat(issue.seller().identifiers()).extracting(InvoiceParty.Identifier::label)
                .containsExactly("RC", "ICE", "IF");
    }

    @Test
    void aSimplifiedInvoiceLeavesTheBuyersTaxIdOut() {
        Center c = center();
        var id = qleven.billing().draftInvoice(c.desk(), new DraftInvoiceCommand(c.client(), Optional.empty(),
                InvoiceKind.SIMPLIFIED, fourLines(), Optional.empty())).invoice().id();
        var issued = qleven.billing().issueInvoice(c.desk(), id).invoice();
        assertThat(issued.number().orElseThrow().text()).isEqualTo("S2026-000001");
        assertThat(issued.issue().orElseThrow().buyer().identifiers()).isEmpty();
    }

    @Test
    void fiftyConcurrentIssuersGetFiftyConsecutiveNumbers() throws Exception {
        Center c = center();
        List<com.qleven.domain.billing.InvoiceId> drafts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drafts.add(draft(c, List.of(line("Sesión " + i, "1", 1000 + i, "21"))).invoice().id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> issuers = drafts.stream().<Callable<String>>map(id -> () ->
                    qleven.billing().issueInvoice(c.desk(), id).invoice().number().orElseThrow().text()).toList();
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(issuers)) {
                numbers.add(f.get());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                expected.add(String.format("F2026-%06d", i));
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
        var check = qleven.billing().verifySeries(c.admin(), new InvoiceNumber.Series(InvoiceKind.FULL, 2026));
        assertThat(check.verified()).isTrue();
        assertThat(check.count()).isEqualTo(50);
    }

    @Test
    void aCentersFirstInvoicesAtOnceSeedItsTaxRatesOnce() throws Exception {
        Center c = center();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<InvoiceView>> drafts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                drafts.add(() -> draft(c, fourLines()));
            }
            for (Future<InvoiceView> f : pool.invokeAll(drafts)) {
                assertThat(f.get().total()).isEqualTo(new Money(15767, EUR));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(qleven.billing().taxRates(c.admin(), true)).extracting(r -> r.rate().code())
                .containsExactlyInAnyOrder("21", "10", "4", "exempt");
    }

    @Test
    void afterAnErasureTheInvoicesRemainWithTheirNumbersTotalsAndBillingIdentity() {
        Center c = center();
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft(c, fourLines()).invoice().id());
        InvoiceView leftDraft = draft(c, fourLines());

        var erasure = qleven.privacy().createRequest(c.admin(), CreatePrivacyRequestCommand.parse(c.client().toString(),
                "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        InvoiceView kept = qleven.billing().invoice(c.admin(), issued.invoice().id());
        assertThat(kept.invoice().number()).isEqualTo(issued.invoice().number());
        assertThat(kept.total()).isEqualTo(issued.total());
        assertThat(kept.invoice().issue().orElseThrow().buyer().name()).isEqualTo("José Núñez García");
        assertThat(kept.restricted()).isTrue();
        assertThatThrownBy(() -> qleven.billing().invoice(c.admin(), leftDraft.invoice().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.billing().verifySeries(c.admin(), new InvoiceNumber.Series(InvoiceKind.FULL, 2026))
                .verified()).isTrue();
    }

    @Test
    void theExportListsTheClientsInvoices() {
        Center c = center();
        InvoiceView issued = qleven.billing().issueInvoice(c.desk(), draft(c, fourLines()).invoice().id());
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) qleven.privacy()
                .export(c.admin(), c.client()).get("sections")).get("billing");
        assertThat(section.toString()).contains("F2026-000001", "Limpieza facial", "15767");
        assertThat(issued.total().amountMinor()).isEqualTo(15767);
    }
}
