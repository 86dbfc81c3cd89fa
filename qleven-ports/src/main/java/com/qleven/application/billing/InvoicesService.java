package com.qleven.application.billing;

import com.qleven.application.clients.BookableClients;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.ChargeLine;
import com.qleven.domain.billing.Fee;
import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceAmounts;
import com.qleven.domain.billing.InvoiceHash;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceParty;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.Quantity;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceLineCommand;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.in.SeriesCheck;
import com.qleven.ports.billing.out.BillingCenters;
import com.qleven.ports.billing.out.BillingCenters.BillingCenter;
import com.qleven.ports.billing.out.InvoiceDocument;
import com.qleven.ports.billing.out.InvoiceRenderer;
import com.qleven.ports.billing.out.InvoiceSeries;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.StoredInvoice;
import com.qleven.ports.billing.out.StoredTaxRate;
import com.qleven.ports.clients.in.InvoiceRecipient;
import com.qleven.ports.clients.in.InvoiceRecipients;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Invoices and credit notes: drafts made and changed by the desk, issued into the center's gapless
 * series with both parties frozen and the chain extended, read, listed, and corrected by credit
 * notes, which are issued at once. Each verb is one unit of work with its audit event; bad input is a
 * 400 naming the field and writes nothing.
 */
public final class InvoicesService {
    static final String SUBJECT = "invoice";
    static final String PURPOSE = "billing";
    private final Transactions transactions;
    private final BillingCenters centers;
    private final Invoices invoices;
    private final InvoiceSeries series;
    private final Payments payments;
    private final TaxRatesService taxRates;
    private final BookableClients clients;
    private final InvoiceRecipients recipients;
    private final InvoiceSeal seal;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Optional<InvoiceRenderer> renderer;
    private final Appointments appointments;

    InvoicesService(Transactions transactions, BillingCenters centers, Invoices invoices, InvoiceSeries series,
                    Payments payments, TaxRatesService taxRates, BookableClients clients, InvoiceRecipients recipients,
                    InvoiceSeal seal, AuditTrail audit, IdGenerator ids, Clock clock, Optional<InvoiceRenderer> renderer,
                    Appointments appointments) {
        this.transactions = transactions;
        this.centers = centers;
        this.invoices = invoices;
        this.series = series;
        this.payments = payments;
        this.taxRates = taxRates;
        this.clients = clients;
        this.recipients = recipients;
        this.seal = seal;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.renderer = renderer;
        this.appointments = appointments;
    }

    /** A new draft in the center's currency and price basis; the client must be the center's and not restricted. */
    public InvoiceView draft(Principal principal, DraftInvoiceCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.MANAGE_INVOICES);
        TenantId tenant = principal.requireTenant();
        if (command.client() == null) {
            throw new ValidationException("clientId", "is required");
        }
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            BillingCenter center = center(tenant);
            StoredInvoice stored = draftIn(tenant, center, command, now);
            record(principal, "invoice.create", stored.id(), now);
            return seal.view(tenant, stored);
        });
    }

    /**
     * Adds a draft inside the caller's unit: checks the client, resolves the lines' rates, seals it.
     * Other billing verbs (a package sold, an appointment completed) draft through here.
     */
    StoredInvoice draftIn(TenantId tenant, BillingCenter center, DraftInvoiceCommand command, Instant now) {
        clients.require(tenant, command.client(), "clientId").requireProcessable();
        List<ChargeLine> lines = resolve(tenant, command.lines());
        // The appointment billed must be this client's at this center (another center's reads as none).
        command.appointment().ifPresent(a -> appointments.byId(tenant, a)
                .filter(found -> found.client().equals(command.client()))
                .orElseThrow(() -> new UnprocessableException("appointmentId",
                        "is not an appointment of this client at this center")));
        // One appointment, one bill: a second would charge the client twice for one treatment.
        command.appointment().flatMap(a -> invoices.billing(tenant, a)).ifPresent(existing -> {
            throw new ConflictException("the appointment is billed already: delete that draft or credit that invoice"
                    + " first", Map.of("field", "appointmentId", "invoiceId", existing.toString()));
        });
        return draftLinesIn(tenant, center, command, lines, now);
    }

    /**
     * Adds a draft of lines the caller resolved itself (their rates found, the client checked), with
     * {@code command}'s client, appointment, kind and discount; its lines are ignored.
     */
    StoredInvoice draftLinesIn(TenantId tenant, BillingCenter center, DraftInvoiceCommand command,
                               List<ChargeLine> lines, Instant now) {
        Invoice draft = Invoice.draft(new InvoiceId(ids.next()), command.kind(), command.client(),
                center.settings().priceBasis(), center.profile().currency(), lines,
                command.discount().orElse(null), now);
        StoredInvoice stored = seal.seal(tenant, draft, command.appointment(), 0, 0, false, 1);
        invoices.add(tenant, stored);
        return stored;
    }

    /** Replaces a draft's lines and discount; an issued invoice is a 409, a stale version a 412. */
    public InvoiceView changeDraft(Principal principal, InvoiceId id, List<InvoiceLineCommand> lines,
                                   Optional<Money> discount, Optional<Long> expectedVersion) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.MANAGE_INVOICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            requireVersion(stored, expectedVersion);
            Invoice changed = seal.open(tenant, stored).withLines(resolve(tenant, lines), discount.orElse(null), now);
            StoredInvoice next = seal.seal(tenant, changed, stored.appointment(), stored.paid(), stored.credited(),
                    stored.restricted(), stored.version() + 1);
            if (!invoices.updateDraft(tenant, next, stored.version())) {
                throw changedMeanwhile();
            }
            record(principal, "invoice.update", id, now);
            return seal.view(tenant, next);
        });
    }

    /**
     * Deletes a draft and its lines (a fee staff waive, a draft made by mistake), only if it still has
     * {@code expectedVersion} when one is given (412 otherwise); an issued invoice is a 409: it is
     * never deleted, a credit note corrects it.
     */
    public void discardDraft(Principal principal, InvoiceId id, Optional<Long> expectedVersion) {
        Required.field(id, "id");
        Required.field(expectedVersion, "expectedVersion");
        Permissions.require(principal, Permission.MANAGE_INVOICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            if (stored.status() == InvoiceStatus.ISSUED) {
                throw new ConflictException("an issued invoice is never deleted: correct it with a credit note",
                        Map.of("field", "status", "status", stored.status().wireName()));
            }
            requireVersion(stored, expectedVersion);
            if (!invoices.discardDraft(tenant, id, stored.version())) {
                throw changedMeanwhile();
            }
            record(principal, "invoice.delete", id, now);
            return null;
        });
    }

    /**
     * Issues the draft: the next number of its series (no gap, no duplicate, also concurrently), the
     * center's legal identity and the client's billing identity frozen on it, chained to the series'
     * last invoice. Issuing it again is a 409.
     */
    public InvoiceView issue(Principal principal, InvoiceId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.ISSUE_INVOICES);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            if (stored.status() == InvoiceStatus.ISSUED) {
                throw new ConflictException("this invoice is issued already",
                        Map.of("field", "status", "status", stored.status().wireName()));
            }
            StoredInvoice issued = issueIn(tenant, center(tenant), stored, now);
            record(principal, "invoice.issue", id, now);
            return seal.view(tenant, issued);
        });
    }

    /**
     * Issues a stored draft inside the caller's unit; the caller has checked it is a draft. An invoice
     * of an appointment takes the deposits taken against it as paid (as far as they fit its total).
     */
    StoredInvoice issueIn(TenantId tenant, BillingCenter center, StoredInvoice stored, Instant now) {
        String country = center.profile().country();
        center.settings().missingForIssue(country).ifPresent(e -> {
            throw new ConflictException(e.message(), Map.of("field", e.field()));
        });
        InvoiceRecipient recipient = recipients.recipient(tenant, stored.client());
        if (recipient.restricted()) {
            throw new ConflictException("the client's processing is restricted (GDPR Art. 18): no invoice is issued"
                    + " to them until an administrator lifts the restriction", Map.of("restricted", true));
        }
        Invoice draft = seal.open(tenant, stored);
        InvoiceSeries.Place place = series.next(tenant,
                InvoiceNumber.seriesOf(draft.kind(), now, center.profile().timeZone()));
        InvoiceParty seller = center.settings().seller(center.profile().name(), center.profile().address(),
                center.profile().taxId(), country);
        List<InvoiceParty.Identifier> buyerIds = recipient.taxId().stream()
                .map(t -> new InvoiceParty.Identifier(BillingSettings.taxIdLabel(country), t)).toList();
        InvoiceParty buyer = new InvoiceParty(recipient.name(), recipient.address(),
                draft.kind() == InvoiceKind.SIMPLIFIED ? List.of() : buyerIds);
        Invoice issued = draft.issue(place.number(), now, seller, buyer, place.previousHash());
        StoredInvoice next = seal.seal(tenant, issued, stored.appointment(), stored.paid(), stored.credited(),
                stored.restricted(), stored.version() + 1);
        if (!invoices.issue(tenant, next, stored.version())) {
            throw changedMeanwhile();
        }
        if (stored.appointment().isPresent() && issued.kind() != InvoiceKind.CREDIT_NOTE) {
            long applied = payments.applyDeposits(tenant, stored.appointment().get(), stored.id(),
                    Math.max(0, next.balance()));
            if (applied > 0) {
                next = paidMore(next, applied);
            }
        }
        return next;
    }

    /** {@code stored} as the store now has it after {@link Payments#applyDeposits} settled it. */
    private static StoredInvoice paidMore(StoredInvoice s, long applied) {
        return new StoredInvoice(s.id(), s.kind(), s.status(), s.client(), s.appointment(), s.basis(), s.currency(),
                s.discount(), s.lines(), s.net(), s.tax(), s.gross(), s.issue(), s.corrects(), s.paid() + applied,
                s.credited(), s.restricted(), s.createdAt(), s.updatedAt(), s.version() + 1);
    }

    public InvoiceView get(Principal principal, InvoiceId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_INVOICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            record(principal, "invoice.read", id, clock.instant());
            return seal.view(tenant, stored);
        });
    }

    /**
     * The issued invoice laid out as PDF: read and audited in one unit, rendered after it, so no
     * connection waits on the layout. A draft has no number to print: 409.
     */
    public byte[] pdf(Principal principal, InvoiceId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_INVOICES);
        InvoiceRenderer writer = renderer.orElseThrow(() -> new IllegalStateException(
                "no invoice renderer: give Qleven.builder().invoiceRenderer(new OpenPdfInvoiceRenderer(clock))"));
        TenantId tenant = principal.requireTenant();
        InvoiceDocument document = transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            if (stored.status() != InvoiceStatus.ISSUED) {
                throw new ConflictException("a draft has no PDF: issue it first",
                        Map.of("field", "status", "status", stored.status().wireName()));
            }
            InvoiceView view = seal.view(tenant, stored);
            record(principal, "invoice.pdf", id, clock.instant());
            BillingCenter center = center(tenant);
            return InvoicePrint.document(view, center.locale().orElseGet(() -> com.qleven.domain.shared.CountryLocales
                    .of(center.profile().country())),
                    center.profile().timeZone());
        });
        return writer.pdf(document);
    }

    /** The invoices the filter selects, newest first, a page per statement. */
    public Page<InvoiceView> list(Principal principal, Invoices.InvoiceFilter filter, PageRequest page) {
        Permissions.require(principal, Permission.VIEW_INVOICES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<StoredInvoice> found = invoices.list(tenant, filter, page);
            seal.preload(found.items());
            audit.record(AuditEvent.by(principal, "invoice.list", SUBJECT, Optional.empty(), PURPOSE,
                    found.items().size(), clock.instant()));
            return new Page<>(found.items().stream().map(s -> seal.view(tenant, s)).toList(), found.next());
        });
    }

    /**
     * A credit note for the whole issued invoice ({@code full}) or for some of its lines (each the
     * index of one of its lines and a quantity up to that line's), issued at once into the credit-note
     * series. A partial line takes back its share of the line's discounts, rounded half up. What the
     * credit notes of an invoice take back never exceeds its total (409).
     */
    public InvoiceView creditNote(Principal principal, InvoiceId id, boolean full, List<CreditLine> lines,
                                  String reason) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.ISSUE_CREDIT_NOTES);
        TenantId tenant = principal.requireTenant();
        if (full == (lines != null && !lines.isEmpty())) {
            throw new ValidationException(full ? "lines" : "full", "give either \"full\": true or the lines to credit");
        }
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            StoredInvoice stored = load(tenant, id);
            Invoice original = seal.open(tenant, stored);
            InvoiceId noteId = new InvoiceId(ids.next());
            Invoice note;
            if (full) {
                if (stored.credited() > 0) {
                    throw new ConflictException("this invoice is partly credited already: credit the rest by lines",
                            Map.of("field", "full", "credited", stored.credited()));
                }
                note = original.fullCreditNote(noteId, reason, now);
            } else {
                note = original.creditNote(noteId, creditLines(original, lines), null, reason, now);
            }
            StoredInvoice credit = issueCreditNote(tenant, center(tenant), stored, note, now);
            record(principal, "invoice.credit_note", noteId, now);
            return seal.view(tenant, credit);
        });
    }

    /**
     * Adds and issues a credit note of {@code stored} inside the caller's unit, and settles both: the
     * part of the credit that the invoice still owed is applied to it (the note is settled by that
     * much), and the rest, which the client had paid, moves from the invoice's payments to the note,
     * whose balance is then what the center owes back until a refund is paid against it. So after a
     * full credit note the invoice's balance is zero whether it was paid or not.
     */
    StoredInvoice issueCreditNote(TenantId tenant, BillingCenter center, StoredInvoice stored, Invoice note,
                                  Instant now) {
        long credit = note.amounts().gross().amountMinor();
        if (stored.credited() + credit > stored.gross()) {
            throw new ConflictException("the credit notes of an invoice cannot take back more than its total",
                    Map.of("field", "lines", "total", stored.gross(), "credited", stored.credited()));
        }
        long applied = Math.min(credit, Math.max(0, stored.balance()));
        long refundable = credit - applied;
        StoredInvoice draft = seal.seal(tenant, note, stored.appointment(), -applied, 0, false, 1);
        invoices.add(tenant, draft);
        StoredInvoice issued = issueIn(tenant, center, draft, now);
        if (!invoices.settle(tenant, stored.id(), -refundable, credit, stored.version())) {
            throw changedMeanwhile();
        }
        return issued;
    }

    /** One line to credit: the index of the invoice's line and how much of it. */
    public record CreditLine(Integer line, Quantity quantity) {
    }

    private static List<ChargeLine> creditLines(Invoice original, List<CreditLine> lines) {
        InvoiceAmounts amounts = original.amounts();
        List<FieldError> errors = new ArrayList<>();
        List<ChargeLine> credited = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CreditLine c = lines.get(i);
            String at = "lines[" + i + "]";
            if (c == null || c.line() == null || c.line() < 0 || c.line() >= original.lines().size()) {
                errors.add(new FieldError(at + ".line", "must be the index of one of the invoice's lines, 0 to "
                        + (original.lines().size() - 1)));
                continue;
            }
            InvoiceAmounts.Line line = amounts.lines().get(c.line());
            BigDecimal whole = line.charge().quantity().value();
            Quantity q = c.quantity() == null ? line.charge().quantity() : c.quantity();
            if (q.value().compareTo(whole) > 0) {
                errors.add(new FieldError(at + ".quantity", "must not exceed the line's quantity, "
                        + line.charge().quantity().text()));
                continue;
            }
            long discounts = line.lineDiscount().amountMinor() + line.invoiceDiscount().amountMinor();
            long share = new BigDecimal(discounts).multiply(q.value()).divide(whole, 0, RoundingMode.HALF_UP)
                    .longValueExact();
            ChargeLine charge = line.charge();
            credited.add(new ChargeLine(charge.description(), q, charge.unitPrice(), charge.taxRate(),
                    new Money(share, charge.unitPrice().currency())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return credited;
    }

    /**
     * Checks the chain of one series: places 1..n with no gap, each invoice's hash recomputed from its
     * content and its predecessor's. Administrators (who hold the credit-note permission) run it.
     */
    public SeriesCheck verify(Principal principal, InvoiceNumber.Series which) {
        Required.field(which, "series");
        Permissions.require(principal, Permission.ISSUE_CREDIT_NOTES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            List<StoredInvoice> all = invoices.series(tenant, which);
            seal.preload(all);
            String previous = InvoiceHash.GENESIS;
            long expected = 1;
            for (StoredInvoice s : all) {
                Invoice invoice = seal.open(tenant, s);
                Invoice.Issue issue = invoice.issue().orElseThrow();
                String at = issue.number().text();
                if (issue.number().sequence() != expected) {
                    return new SeriesCheck(which, all.size(), false, Optional.of(at),
                            Optional.of("a gap: place " + expected + " is missing"));
                }
                if (!issue.previousHash().equals(previous)) {
                    return new SeriesCheck(which, all.size(), false, Optional.of(at),
                            Optional.of("it does not chain to the invoice before it"));
                }
                if (!InvoiceHash.of(previous, invoice.canonicalText()).equals(issue.hash())) {
                    return new SeriesCheck(which, all.size(), false, Optional.of(at),
                            Optional.of("its content does not match its hash"));
                }
                previous = issue.hash();
                expected++;
            }
            audit.record(AuditEvent.by(principal, "invoice.verify", SUBJECT, Optional.empty(), PURPOSE, all.size(),
                    clock.instant()));
            return new SeriesCheck(which, all.size(), true, Optional.empty(), Optional.empty());
        });
    }

    /** The center's billing settings, the defaults until saved. */
    public BillingSettings settings(Principal principal) {
        Permissions.require(principal, Permission.VIEW_BILLING_SETTINGS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> center(tenant).settings());
    }

    /** Replaces the center's billing settings (administrators); what is issued already keeps what it printed. */
    public BillingSettings saveSettings(Principal principal, BillingSettings settings) {
        Required.field(settings, "body");
        Permissions.require(principal, Permission.MANAGE_BILLING_SETTINGS);
        TenantId tenant = principal.requireTenant();
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            if (hasFixedFee(settings)) {
                requireCurrency(center(tenant).profile().currency(), settings);
            }
            centers.save(tenant, settings, now);
            audit.record(AuditEvent.by(principal, "billing_settings.update", "billing_settings", Optional.empty(),
                    PURPOSE, 1, now));
            return settings;
        });
    }

    private static boolean hasFixedFee(BillingSettings settings) {
        return settings.noShowFee().filter(Fee.Fixed.class::isInstance).isPresent()
                || settings.lateCancellationFee().filter(Fee.Fixed.class::isInstance).isPresent();
    }

    /** A fixed fee is charged in the center's currency: another is a 422 naming the fee's currency. */
    private static void requireCurrency(Currency currency, BillingSettings settings) {
        Map<String, Optional<Fee>> fees = new LinkedHashMap<>();
        fees.put("noShowFee", settings.noShowFee());
        fees.put("lateCancellationFee", settings.lateCancellationFee());
        fees.forEach((field, fee) -> {
            if (fee.isPresent() && fee.get() instanceof Fee.Fixed fixed && !fixed.amount().currency().equals(currency)) {
                throw new UnprocessableException(field + ".amount.currency",
                        "must be the center's currency, " + currency.getCurrencyCode());
            }
        });
    }

    /** Resolves each line's rate among the center's offered rates; every bad line named at once. */
    List<ChargeLine> resolve(TenantId tenant, List<InvoiceLineCommand> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new ValidationException("lines", "an invoice needs at least one line");
        }
        if (lines.size() > Invoice.MAX_LINES) {
            throw new ValidationException("lines", "an invoice holds at most " + Invoice.MAX_LINES + " lines");
        }
        Map<String, TaxRate> offered = taxRates.offered(tenant).stream()
                .collect(Collectors.toMap(r -> r.rate().code(), StoredTaxRate::rate));
        List<FieldError> errors = new ArrayList<>();
        List<ChargeLine> resolved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineCommand line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            String description = line.description() == null ? "" : line.description().strip();
            if (description.isEmpty() || description.length() > 500) {
                errors.add(new FieldError(at + ".description", "must be 1 to 500 characters"));
            }
            TaxRate rate = line.taxRate() == null ? null : offered.get(line.taxRate());
            if (rate == null) {
                errors.add(new FieldError(at + ".taxRate", line.taxRate() == null ? "is required"
                        : "is not one of the center's tax rates in use (GET /v1/tax-rates)"));
            }
            if (line.quantity() == null) {
                errors.add(new FieldError(at + ".quantity", "is required"));
            }
            if (line.unitPrice() == null) {
                errors.add(new FieldError(at + ".unitPrice", "is required"));
            }
            if (errors.isEmpty()) {
                resolved.add(new ChargeLine(description, line.quantity(), line.unitPrice(), rate,
                        line.discount().orElse(Money.zero(line.unitPrice().currency()))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return resolved;
    }

    BillingCenter center(TenantId tenant) {
        return centers.byId(tenant)
                .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is not stored"));
    }

    /** The invoice that bills the appointment now (a draft, or issued and not wholly credited), if any. */
    Optional<InvoiceId> billing(TenantId tenant, AppointmentId appointment) {
        return invoices.billing(tenant, appointment);
    }

    StoredInvoice load(TenantId tenant, InvoiceId id) {
        return invoices.byId(tenant, id).orElseThrow(() -> new NotFoundException("invoice"));
    }

    private static void requireVersion(StoredInvoice stored, Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != stored.version()) {
            throw new com.qleven.domain.shared.PreconditionFailedException("the invoice changed since it was read");
        }
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("the invoice changed meanwhile; read it again");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Principal principal, String action, InvoiceId id, Instant at) {
        audit.record(AuditEvent.by(principal, action, SUBJECT, Optional.of(id.value()), PURPOSE, 1, at));
    }
}
