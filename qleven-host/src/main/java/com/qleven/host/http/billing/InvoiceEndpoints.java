package com.qleven.host.http.billing;

import com.qleven.application.Qleven;
import com.qleven.application.billing.InvoicesService;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.Fee;
import com.qleven.domain.billing.Invoice;
import com.qleven.domain.billing.InvoiceAmounts;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.InvoiceNumber;
import com.qleven.domain.billing.InvoiceParty;
import com.qleven.domain.billing.InvoiceStatus;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.billing.InvoiceBodies.CreditLineBody;
import com.qleven.host.http.billing.InvoiceBodies.CreditNoteBody;
import com.qleven.host.http.billing.InvoiceBodies.DraftBody;
import com.qleven.host.http.billing.InvoiceBodies.LinesBody;
import com.qleven.host.http.billing.InvoiceBodies.SettingsBody;
import com.qleven.ports.billing.in.DraftInvoiceCommand;
import com.qleven.ports.billing.in.InvoiceView;
import com.qleven.ports.billing.in.SeriesCheck;
import com.qleven.ports.billing.out.Invoices;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invoices and credit notes: draft, change or delete a draft ({@code If-Match} optional), issue, read, list,
 * credit; the check of a series' chain; the center's billing settings. Money fields are
 * {@code {"amountMinor","currency"}} (API.md); a credit note's amounts are negative. Writes honour
 * {@code Idempotency-Key}, a replay reading the invoice again with the caller's rights.
 */
public final class InvoiceEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public InvoiceEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/invoices", Route.Body.JSON, Permission.VIEW_INVOICES, Route.Replay.REREAD,
                        this::draft),
                Route.get("/v1/invoices", this::list),
                Route.get("/v1/invoices/{id}", this::get),
                new Route("PATCH", "/v1/invoices/{id}", Route.Body.JSON, this::changeDraft),
                new Route("DELETE", "/v1/invoices/{id}", Route.Body.NONE, this::discardDraft),
                Route.action("/v1/invoices/{id}/issue", Route.Body.NONE, Permission.VIEW_INVOICES,
                        Route.Replay.REREAD, this::issue),
                Route.action("/v1/invoices/{id}/credit-notes", Route.Body.JSON, Permission.VIEW_INVOICES,
                        Route.Replay.REREAD, this::creditNote),
                Route.get("/v1/invoice-series/{series}/verify", this::verify),
                Route.get("/v1/billing-settings", this::settings),
                new Route("PUT", "/v1/billing-settings", Route.Body.JSON, this::saveSettings));
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response draft(Request request) {
        Principal principal = principal(request);
        DraftBody body = request.body(DraftBody.class);
        BillingParse parse = new BillingParse();
        Optional<ClientId> client = parse.id("clientId", body.clientId(), ClientId::new);
        Optional<AppointmentId> appointment = parse.id("appointmentId", body.appointmentId(), AppointmentId::new);
        InvoiceKind kind = InvoiceKind.FULL;
        if (body.kind() != null) {
            try {
                kind = InvoiceKind.fromWire(body.kind(), "kind");
                if (kind == InvoiceKind.CREDIT_NOTE) {
                    parse.error("kind", "must be full or simplified: a credit note is made from an issued invoice");
                }
            } catch (ValidationException e) {
                parse.error("kind", "must be full or simplified");
            }
        }
        var lines = parse.lines(body.lines());
        Optional<Money> discount = parse.money("discount", body.discount());
        parse.check();
        InvoiceView created = qleven.billing().draftInvoice(principal,
                new DraftInvoiceCommand(client.orElse(null), appointment, kind, lines, discount));
        return Response.created("/v1/invoices/" + created.invoice().id(), answer(created))
                .withHeader("ETag", etag(created));
    }

    private Response changeDraft(Request request) {
        Principal principal = principal(request);
        InvoiceId id = id(request);
        LinesBody body = request.body(LinesBody.class);
        BillingParse parse = new BillingParse();
        var lines = parse.lines(body.lines());
        Optional<Money> discount = parse.money("discount", body.discount());
        parse.check();
        InvoiceView changed = qleven.billing().changeDraft(principal, id, lines, discount, request.ifMatchVersion());
        return Response.ok(answer(changed)).withHeader("ETag", etag(changed));
    }

    /** Deletes a draft (a fee waived); {@code If-Match} optional, an issued invoice a 409. */
    private Response discardDraft(Request request) {
        qleven.billing().discardDraft(principal(request), id(request), request.ifMatchVersion());
        return Response.noContent();
    }

    private Response issue(Request request) {
        InvoiceView issued = qleven.billing().issueInvoice(principal(request), id(request));
        return Response.ok(answer(issued)).withHeader("ETag", etag(issued));
    }

    private Response creditNote(Request request) {
        Principal principal = principal(request);
        InvoiceId id = id(request);
        CreditNoteBody body = request.body(CreditNoteBody.class);
        BillingParse parse = new BillingParse();
        List<InvoicesService.CreditLine> lines = new ArrayList<>();
        if (body.lines() != null) {
            for (int i = 0; i < body.lines().size(); i++) {
                CreditLineBody line = body.lines().get(i);
                if (line == null) {
                    parse.error("lines[" + i + "]", "must be an object");
                    continue;
                }
                lines.add(new InvoicesService.CreditLine(line.line(),
                        parse.quantity("lines[" + i + "].quantity", line.quantity())));
            }
        }
        parse.check();
        InvoiceView note = qleven.billing().creditNote(principal, id, Boolean.TRUE.equals(body.full()), lines,
                body.reason());
        return Response.created("/v1/invoices/" + note.invoice().id(), answer(note)).withHeader("ETag", etag(note));
    }

    /** The invoice as JSON, or with {@code Accept: application/pdf} the issued invoice's PDF. */
    private Response get(Request request) {
        if (request.header("Accept").map(a -> a.contains("application/pdf")).orElse(false)) {
            byte[] pdf = qleven.billing().invoicePdf(principal(request), id(request));
            return Response.bytes(200, "application/pdf", pdf)
                    .withHeader("Content-Disposition", "inline; filename=\"invoice.pdf\"");
        }
        InvoiceView view = qleven.billing().invoice(principal(request), id(request));
        return Response.ok(answer(view)).withHeader("ETag", etag(view));
    }

    private Response list(Request request) {
        Principal principal = principal(request);
        BillingParse parse = new BillingParse();
        Optional<ClientId> client = parse.id("clientId", request.query("clientId").orElse(null), ClientId::new);
        Optional<InvoiceStatus> status = request.query("status").map(s -> switch (s) {
            case "draft" -> InvoiceStatus.DRAFT;
            case "issued" -> InvoiceStatus.ISSUED;
            default -> {
                parse.error("status", "must be draft or issued");
                yield null;
            }
        });
        parse.check();
        Page<InvoiceView> page = qleven.billing().invoices(principal, new Invoices.InvoiceFilter(client, status),
                request.page());
        return Response.ok(new InvoicePage(page.items().stream().map(InvoiceEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    /** {@code /v1/invoice-series/F2027/verify}: the kind's letter and the year. */
    private Response verify(Request request) {
        Principal principal = principal(request);
        String text = request.pathParam("series").orElse("");
        InvoiceNumber.Series series;
        try {
            series = InvoiceNumber.parse(text + "-000001", "series").series();
        } catch (ValidationException e) {
            throw new NotFoundException("invoice series");
        }
        SeriesCheck check = qleven.billing().verifySeries(principal, series);
        return Response.ok(new SeriesAnswer(text, check.count(), check.verified(), check.brokenAt().orElse(null),
                check.reason().orElse(null)));
    }

    private Response settings(Request request) {
        return Response.ok(settingsAnswer(qleven.billing().settings(principal(request))));
    }

    private Response saveSettings(Request request) {
        Principal principal = principal(request);
        SettingsBody body = request.body(SettingsBody.class);
        if (body.priceBasis() == null) {
            throw new ValidationException("priceBasis", "is required");
        }
        BillingParse parse = new BillingParse();
        Optional<Fee> noShowFee = parse.fee("noShowFee", body.noShowFee());
        Optional<Fee> lateCancellationFee = parse.fee("lateCancellationFee", body.lateCancellationFee());
        parse.check();
        BillingSettings settings = new BillingSettings(PriceBasis.fromWire(body.priceBasis(), "priceBasis"),
                Optional.ofNullable(body.legalName()), Optional.ofNullable(body.ice()),
                Optional.ofNullable(body.ifNumber()), noShowFee, lateCancellationFee);
        return Response.ok(settingsAnswer(qleven.billing().saveSettings(principal, settings)));
    }

    record MoneyAnswer(long amountMinor, String currency) {
        static MoneyAnswer of(Money money) {
            return new MoneyAnswer(money.amountMinor(), money.currency().getCurrencyCode());
        }

        static MoneyAnswer of(long amountMinor, Money like) {
            return new MoneyAnswer(amountMinor, like.currency().getCurrencyCode());
        }
    }

    record LineAnswer(String description, String quantity, MoneyAnswer unitPrice, String taxRate,
                      MoneyAnswer discount, MoneyAnswer net, MoneyAnswer tax, MoneyAnswer total) {
    }

    record TaxAnswer(String taxRate, String rate, boolean exempt, String legalMention, MoneyAnswer net,
                     MoneyAnswer tax, MoneyAnswer total) {
    }

    record IdentifierAnswer(String label, String value) {
    }

    record PartyAnswer(String name, String address, List<IdentifierAnswer> identifiers) {
    }

    record CorrectsAnswer(String id, String number, String reason) {
    }

    record InvoiceAnswer(String id, String kind, String status, String number, String clientId, String appointmentId,
                         String currency, boolean pricesIncludeTax, List<LineAnswer> lines, MoneyAnswer discount,
                         List<TaxAnswer> taxes, MoneyAnswer net, MoneyAnswer taxTotal, MoneyAnswer total,
                         MoneyAnswer paid, MoneyAnswer credited, MoneyAnswer balance, String issuedAt,
                         PartyAnswer seller, PartyAnswer buyer, CorrectsAnswer corrects, String previousHash,
                         String hash, boolean restricted, String createdAt, String updatedAt, long version) {
    }

    record InvoicePage(List<InvoiceAnswer> items, String next) {
    }

    record SeriesAnswer(String series, long count, boolean verified, String brokenAt, String reason) {
    }

    /** A fee as sent: {@code amount} or {@code percent}, the other null. */
    record FeeAnswer(MoneyAnswer amount, String percent) {
        static FeeAnswer of(Fee fee) {
            return fee instanceof Fee.Fixed fixed ? new FeeAnswer(MoneyAnswer.of(fixed.amount()), null)
                    : new FeeAnswer(null, ((Fee.Percent) fee).text());
        }
    }

    record SettingsAnswer(String priceBasis, String legalName, String ice, String ifNumber, FeeAnswer noShowFee,
                          FeeAnswer lateCancellationFee) {
    }

    private static SettingsAnswer settingsAnswer(BillingSettings s) {
        return new SettingsAnswer(s.priceBasis().wireName(), s.legalName().orElse(null), s.ice().orElse(null),
                s.ifNumber().orElse(null), s.noShowFee().map(FeeAnswer::of).orElse(null),
                s.lateCancellationFee().map(FeeAnswer::of).orElse(null));
    }

    /** An invoice as JSON; a credit note's amounts carry its sign (negative), line by line too. */
    static InvoiceAnswer answer(InvoiceView view) {
        Invoice invoice = view.invoice();
        InvoiceAmounts amounts = view.amounts();
        int sign = invoice.sign();
        Money zero = Money.zero(invoice.currency());
        List<LineAnswer> lines = amounts.lines().stream().map(l -> new LineAnswer(l.charge().description(),
                l.charge().quantity().text(), MoneyAnswer.of(l.charge().unitPrice()), l.charge().taxRate().code(),
                MoneyAnswer.of(sign * (l.lineDiscount().amountMinor() + l.invoiceDiscount().amountMinor()), zero),
                MoneyAnswer.of(sign * l.net().amountMinor(), zero), MoneyAnswer.of(sign * l.tax().amountMinor(), zero),
                MoneyAnswer.of(sign * l.gross().amountMinor(), zero))).toList();
        List<TaxAnswer> taxes = amounts.byRate().stream().map(r -> new TaxAnswer(r.rate().code(), r.rate().rateText(),
                r.rate().exempt(), r.rate().legalMention(), MoneyAnswer.of(sign * r.net().amountMinor(), zero),
                MoneyAnswer.of(sign * r.tax().amountMinor(), zero),
                MoneyAnswer.of(sign * r.gross().amountMinor(), zero))).toList();
        return new InvoiceAnswer(invoice.id().toString(), invoice.kind().wireName(), invoice.status().wireName(),
                invoice.number().map(InvoiceNumber::text).orElse(null), invoice.client().toString(),
                view.appointment().map(AppointmentId::toString).orElse(null), invoice.currency().getCurrencyCode(),
                invoice.basis() == PriceBasis.TAX_INCLUDED, lines, MoneyAnswer.of(invoice.discount()), taxes,
                MoneyAnswer.of(sign * amounts.net().amountMinor(), zero), MoneyAnswer.of(view.taxTotal()),
                MoneyAnswer.of(view.total()), MoneyAnswer.of(view.paidMoney()),
                MoneyAnswer.of(view.credited(), zero), MoneyAnswer.of(view.balance()),
                invoice.issue().map(i -> instant(i.issuedAt())).orElse(null),
                invoice.issue().map(i -> party(i.seller())).orElse(null),
                invoice.issue().map(i -> party(i.buyer())).orElse(null),
                invoice.corrects().map(c -> new CorrectsAnswer(c.invoice().toString(), c.number().text(), c.reason()))
                        .orElse(null),
                invoice.issue().map(Invoice.Issue::previousHash).orElse(null),
                invoice.issue().map(Invoice.Issue::hash).orElse(null), view.restricted(),
                instant(invoice.createdAt()), instant(invoice.updatedAt()), view.version());
    }

    private static PartyAnswer party(InvoiceParty party) {
        return new PartyAnswer(party.name(), party.address(), party.identifiers().stream()
                .map(i -> new IdentifierAnswer(i.label(), i.value())).toList());
    }

    /** A malformed id names no invoice: the same 404 as another center's id or none. */
    static InvoiceId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new InvoiceId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("invoice"));
    }

    private static String etag(InvoiceView view) {
        return "\"" + view.version() + "\"";
    }


    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
