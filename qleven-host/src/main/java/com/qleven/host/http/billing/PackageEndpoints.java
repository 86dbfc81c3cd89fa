package com.qleven.host.http.billing;

import com.qleven.application.Qleven;
import com.qleven.domain.billing.AllowanceUnit;
import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.billing.Entitlement;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.billing.InvoiceBodies.MoneyBody;
import com.qleven.host.http.billing.InvoiceEndpoints.MoneyAnswer;
import com.qleven.ports.billing.in.ClientPackageView;
import com.qleven.ports.billing.in.PackageCommand;
import com.qleven.ports.billing.in.PackageLiability;
import com.qleven.ports.billing.out.PrepaidPackage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Prepaid packages: the catalogue ({@code /v1/packages}: add, list, read, retire), a client's
 * packages ({@code /v1/clients/{id}/packages}: sell, list; {@code /v1/client-packages/{id}}: read,
 * refund the unused part), and the outstanding liability report. A package gives exactly one of
 * {@code sessions}, {@code credit} (money) or {@code allowance} ({@code {"unit","amount"}}); a
 * client package's {@code expiresAt} is the last local date of the center it is valid on.
 */
public final class PackageEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public PackageEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/packages", Route.Body.JSON, Permission.MANAGE_PACKAGES, Route.Replay.REREAD,
                        this::create),
                Route.get("/v1/packages", this::list),
                Route.get("/v1/packages/{id}", this::get),
                Route.action("/v1/packages/{id}/retire", Route.Body.NONE, Permission.MANAGE_PACKAGES,
                        Route.Replay.REREAD, request -> Response.ok(answer(qleven.billing()
                                .retirePackage(principal(request), id(request, "package", PackageId::new))))),
                Route.action("/v1/clients/{id}/packages", Route.Body.JSON, Permission.SELL_PACKAGES,
                        Route.Replay.REREAD, this::sell),
                Route.get("/v1/clients/{id}/packages", this::ofClient),
                Route.get("/v1/client-packages/{id}", request -> Response.ok(answer(qleven.billing()
                        .clientPackage(principal(request), id(request, "client package", ClientPackageId::new))))),
                Route.action("/v1/client-packages/{id}/refund", Route.Body.JSON, Permission.ISSUE_CREDIT_NOTES,
                        Route.Replay.REREAD, this::refund),
                Route.get("/v1/reports/package-liability", this::liability));
    }

    record AllowanceBody(String unit, Long amount) {
    }

    record PackageBody(String name, List<String> serviceIds, Long sessions, MoneyBody credit, AllowanceBody allowance,
                       MoneyBody price, Integer validityDays, String taxRate) {
    }

    record SellBody(String packageId) {
    }

    record RefundBody(String reason) {
    }

    record AllowanceAnswer(String unit, long amount) {
    }

    record PackageAnswer(String id, String name, List<String> serviceIds, String kind, Long sessions,
                         MoneyAnswer credit, AllowanceAnswer allowance, MoneyAnswer price, int validityDays,
                         String taxRate, String createdAt, String retiredAt) {
    }

    record PackagePage(List<PackageAnswer> items, String next) {
    }

    record RefundAnswer(String creditNoteId, MoneyAnswer amount, String refundedAt) {
    }

    record ClientPackageAnswer(String id, String packageId, String clientId, String name, String kind,
                               Long totalSessions, Long remainingSessions, MoneyAnswer totalCredit,
                               MoneyAnswer remainingCredit, AllowanceAnswer totalAllowance,
                               AllowanceAnswer remainingAllowance, MoneyAnswer price, MoneyAnswer unusedValue,
                               String expiresAt, String status, String invoiceId, RefundAnswer refund,
                               String soldAt) {
    }

    record ClientPackagePage(List<ClientPackageAnswer> items, String next) {
    }

    record LiabilityLine(String packageId, String name, String kind, long packagesSold, MoneyAnswer value) {
    }

    record LiabilityAnswer(String on, MoneyAnswer total, long packagesSold, List<LiabilityLine> packages) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response create(Request request) {
        Principal principal = principal(request);
        PackageBody body = request.body(PackageBody.class);
        BillingParse parse = new BillingParse();
        List<FieldError> errors = new ArrayList<>();
        List<ServiceId> services = new ArrayList<>();
        if (body.serviceIds() != null) {
            for (int i = 0; i < body.serviceIds().size(); i++) {
                String text = body.serviceIds().get(i);
                if (text == null) {
                    services.add(null);
                } else {
                    parse.id("serviceIds[" + i + "]", text, ServiceId::new).ifPresent(services::add);
                }
            }
        }
        Entitlement entitlement = entitlement(body, errors);
        Optional<Money> price = parse.money("price", body.price());
        errors.forEach(e -> parse.error(e.field(), e.message()));
        parse.check();
        PrepaidPackage created = qleven.billing().createPackage(principal, new PackageCommand(body.name(), services,
                entitlement, price.orElse(null), body.validityDays(), Optional.ofNullable(body.taxRate())));
        return Response.created("/v1/packages/" + created.id(), answer(created));
    }

    /** Exactly one of sessions, credit and allowance; the second one given is named, none left to the use case. */
    private static Entitlement entitlement(PackageBody body, List<FieldError> errors) {
        List<String> given = new ArrayList<>();
        if (body.sessions() != null) {
            given.add("sessions");
        }
        if (body.credit() != null) {
            given.add("credit");
        }
        if (body.allowance() != null) {
            given.add("allowance");
        }
        if (given.isEmpty()) {
            return null; // the use case names it with the body's other missing fields
        }
        if (given.size() > 1) {
            errors.add(new FieldError(given.get(1), "give exactly one of sessions, credit or allowance"));
            return null;
        }
        return attempt(errors, () -> switch (given.get(0)) {
            case "sessions" -> new Entitlement.Sessions(body.sessions());
            case "credit" -> new Entitlement.Credit(Money.parse(body.credit().amountMinor(), body.credit().currency(),
                    "credit"));
            default -> {
                AllowanceBody a = body.allowance();
                List<FieldError> missing = new ArrayList<>();
                if (a.unit() == null) {
                    missing.add(new FieldError("allowance.unit", "is required"));
                }
                if (a.amount() == null) {
                    missing.add(new FieldError("allowance.amount", "is required"));
                }
                if (!missing.isEmpty()) {
                    throw new ValidationException(missing);
                }
                yield new Entitlement.Allowance(AllowanceUnit.fromWire(a.unit(), "allowance.unit"), a.amount());
            }
        });
    }

    private static <T> T attempt(List<FieldError> errors, Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private Response list(Request request) {
        Principal principal = principal(request);
        boolean retired = request.query("includeRetired").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException("includeRetired", "must be true or false");
        }).orElse(false);
        Page<PrepaidPackage> page = qleven.billing().packages(principal, retired, request.page());
        return Response.ok(new PackagePage(page.items().stream().map(PackageEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response get(Request request) {
        return Response.ok(answer(qleven.billing().prepaidPackage(principal(request),
                id(request, "package", PackageId::new))));
    }

    private Response sell(Request request) {
        Principal principal = principal(request);
        ClientId client = id(request, "client", ClientId::new);
        SellBody body = request.body(SellBody.class);
        BillingParse parse = new BillingParse();
        Optional<PackageId> packageId = parse.id("packageId", body.packageId(), PackageId::new);
        parse.check();
        ClientPackageView sold = qleven.billing().sellPackage(principal, client, packageId.orElse(null));
        return Response.created("/v1/client-packages/" + sold.held().id(), answer(sold));
    }

    private Response ofClient(Request request) {
        Principal principal = principal(request);
        ClientId client = id(request, "client", ClientId::new);
        Page<ClientPackageView> page = qleven.billing().clientPackages(principal, client, request.page());
        return Response.ok(new ClientPackagePage(page.items().stream().map(PackageEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response refund(Request request) {
        Principal principal = principal(request);
        ClientPackageId id = id(request, "client package", ClientPackageId::new);
        RefundBody body = request.body(RefundBody.class);
        return Response.ok(answer(qleven.billing().refundPackage(principal, id, body.reason())));
    }

    private Response liability(Request request) {
        PackageLiability report = qleven.billing().packageLiability(principal(request));
        return Response.ok(new LiabilityAnswer(report.on().toString(), MoneyAnswer.of(report.total()),
                report.packagesSold(), report.packages().stream().map(l -> new LiabilityLine(l.packageId().toString(),
                l.name(), l.kind(), l.packagesSold(), MoneyAnswer.of(l.value()))).toList()));
    }

    static PackageAnswer answer(PrepaidPackage p) {
        Entitlement e = p.entitlement();
        return new PackageAnswer(p.id().toString(), p.name(), p.services().stream().map(ServiceId::toString).toList(),
                e.kind(), e instanceof Entitlement.Sessions s ? s.count() : null,
                e instanceof Entitlement.Credit c ? MoneyAnswer.of(c.amount()) : null, allowance(e),
                MoneyAnswer.of(p.price()), p.validityDays(), p.taxRate().orElse(null), instant(p.createdAt()),
                p.retiredAt().map(PackageEndpoints::instant).orElse(null));
    }

    static ClientPackageAnswer answer(ClientPackageView view) {
        ClientPackage p = view.held();
        Entitlement total = p.total();
        Entitlement left = p.remaining();
        return new ClientPackageAnswer(p.id().toString(), p.packageId().toString(), p.client().toString(), p.name(),
                total.kind(), sessions(total), sessions(left), credit(total), credit(left), allowance(total),
                allowance(left), MoneyAnswer.of(p.price()), MoneyAnswer.of(p.unusedValue()), p.expiresOn().toString(),
                view.state().wireName(), p.saleInvoice().toString(),
                p.refund().map(r -> new RefundAnswer(r.creditNote().toString(), MoneyAnswer.of(r.amount()),
                        instant(r.at()))).orElse(null),
                instant(p.soldAt()));
    }

    private static Long sessions(Entitlement e) {
        return e instanceof Entitlement.Sessions s ? s.count() : null;
    }

    private static MoneyAnswer credit(Entitlement e) {
        return e instanceof Entitlement.Credit c ? MoneyAnswer.of(c.amount()) : null;
    }

    private static AllowanceAnswer allowance(Entitlement e) {
        return e instanceof Entitlement.Allowance a ? new AllowanceAnswer(a.unit().wireName(), a.amount()) : null;
    }

    /** A malformed id names nothing: the same 404 as another center's id or none. */
    private static <T> T id(Request request, String what, Function<UUID, T> make) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> make.apply(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException(what));
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
