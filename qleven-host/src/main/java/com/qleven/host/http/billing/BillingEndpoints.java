package com.qleven.host.http.billing;

import com.qleven.application.Qleven;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.billing.in.TaxRateView;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Billing's routes: the center's tax rates (list, retired ones on request; add and retire,
 * administrators changing them) here, and the routes of {@link InvoiceEndpoints}.
 */
public final class BillingEndpoints {
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,31}$");
    private final Qleven qleven;

    public BillingEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    /** Every billing route: the tax rates here, then invoices and the rest of billing, each class its own. */
    public List<Route> routes() {
        List<Route> routes = new java.util.ArrayList<>(taxRateRoutes());
        routes.addAll(new InvoiceEndpoints(qleven).routes());
        routes.addAll(new PaymentEndpoints(qleven).routes());
        routes.addAll(new PackageEndpoints(qleven).routes());
        return routes;
    }

    private List<Route> taxRateRoutes() {
        return List.of(
                Route.get("/v1/tax-rates", this::list),
                Route.action("/v1/tax-rates", Route.Body.JSON, Permission.MANAGE_TAX_RATES, Route.Replay.ANSWER,
                        this::add),
                Route.action("/v1/tax-rates/{code}/retire", Route.Body.NONE, Permission.MANAGE_TAX_RATES,
                        Route.Replay.ANSWER, this::retire));
    }

    /** {@code {"code","name","rate","exempt","legalMention"}}; {@code rate} a decimal string of percent. */
    public record TaxRateBody(String code, String name, String rate, Boolean exempt, String legalMention) {
    }

    record TaxRateAnswer(String code, String name, String rate, boolean exempt, String legalMention, String createdAt,
                         String retiredAt) {
    }

    record TaxRateList(List<TaxRateAnswer> items, String next) {
    }

    private Response list(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        boolean retired = request.query("includeRetired").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException("includeRetired", "must be true or false");
        }).orElse(false);
        return Response.ok(new TaxRateList(qleven.billing().taxRates(principal, retired).stream()
                .map(BillingEndpoints::answer).toList(), null));
    }

    private Response add(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        TaxRateBody body = request.body(TaxRateBody.class);
        TaxRate rate = TaxRate.parse(body.code(), body.name(), body.rate(), Boolean.TRUE.equals(body.exempt()),
                body.legalMention());
        TaxRateView added = qleven.billing().addTaxRate(principal, rate);
        return Response.created("/v1/tax-rates", answer(added));
    }

    private Response retire(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        // A code that cannot be one names no rate: the same 404 as an unknown code.
        String code = request.pathParam("code").filter(c -> CODE.matcher(c).matches())
                .orElseThrow(() -> new NotFoundException("tax rate"));
        return Response.ok(answer(qleven.billing().retireTaxRate(principal, code)));
    }

    static TaxRateAnswer answer(TaxRateView view) {
        TaxRate r = view.rate();
        return new TaxRateAnswer(r.code(), r.name(), r.rateText(), r.exempt(), r.legalMention(),
                instant(view.createdAt()), view.retiredAt().map(BillingEndpoints::instant).orElse(null));
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
