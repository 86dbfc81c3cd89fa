package com.qleven.host.http.billing;

import com.qleven.application.Qleven;
import com.qleven.domain.billing.InvoiceId;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PaymentMethod;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.billing.InvoiceBodies.MoneyBody;
import com.qleven.host.http.billing.InvoiceEndpoints.MoneyAnswer;
import com.qleven.ports.billing.in.CashReport;
import com.qleven.ports.billing.in.PaymentCommand;
import com.qleven.ports.billing.in.PaymentReceipt;
import com.qleven.ports.billing.out.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Payments of invoices and refunds against credit notes ({@code /v1/invoices/{id}/payments}),
 * deposits taken against appointments ({@code /v1/appointments/{id}/deposit}, listed at
 * {@code …/deposits}), and the day's cash report ({@code /v1/reports/cash?date=}). The answers hold
 * no personal data (ids, amounts, methods, the terminal's or transfer's reference), so a replay of an
 * {@code Idempotency-Key} answers the first answer again ({@link Route.Replay#ANSWER}): a retried
 * payment is recorded once and says the balance it left.
 */
public final class PaymentEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public PaymentEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/invoices/{id}/payments", Route.Body.JSON, Permission.RECORD_PAYMENTS,
                        Route.Replay.ANSWER, this::pay),
                Route.get("/v1/invoices/{id}/payments", this::payments),
                Route.action("/v1/appointments/{id}/deposit", Route.Body.JSON, Permission.RECORD_PAYMENTS,
                        Route.Replay.ANSWER, this::deposit),
                Route.get("/v1/appointments/{id}/deposits", this::deposits),
                Route.get("/v1/reports/cash", this::cashReport));
    }

    /** {@code {"method","amount":{"amountMinor","currency"},"reference"?}}. */
    record PaymentBody(String method, MoneyBody amount, String reference) {
    }

    record PaymentAnswer(String id, String kind, String invoiceId, String appointmentId, String method,
                         MoneyAnswer amount, String reference, String provider, String recordedAt,
                         String recordedBy) {
    }

    record ReceiptAnswer(String id, String kind, String invoiceId, String method, MoneyAnswer amount,
                         String reference, String provider, String recordedAt, String recordedBy,
                         MoneyAnswer balance) {
    }

    record PaymentList(List<PaymentAnswer> items, String next) {
    }

    record TallyAnswer(long count, MoneyAnswer amount) {
    }

    record MethodAnswer(String method, TallyAnswer payments, TallyAnswer refunds, TallyAnswer deposits,
                        TallyAnswer total) {
    }

    record CashReportAnswer(String date, String timeZone, String from, String to, String currency,
                            List<MethodAnswer> methods, TallyAnswer total) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response pay(Request request) {
        Principal principal = principal(request);
        InvoiceId id = InvoiceEndpoints.id(request);
        PaymentCommand command = command(request.body(PaymentBody.class));
        PaymentReceipt receipt = qleven.billing().recordPayment(principal, id, command);
        Payment p = receipt.payment();
        return Response.created("/v1/invoices/" + id + "/payments", new ReceiptAnswer(p.id().toString(),
                p.kind().wireName(), id.toString(), p.method().wireName(), MoneyAnswer.of(p.amount()),
                p.reference().orElse(null), p.provider(), instant(p.recordedAt()), p.recordedBy().value().toString(),
                MoneyAnswer.of(receipt.balance())));
    }

    private Response payments(Request request) {
        List<Payment> found = qleven.billing().payments(principal(request), InvoiceEndpoints.id(request));
        return Response.ok(new PaymentList(found.stream().map(PaymentEndpoints::answer).toList(), null));
    }

    private Response deposit(Request request) {
        Principal principal = principal(request);
        AppointmentId id = appointment(request);
        PaymentCommand command = command(request.body(PaymentBody.class));
        Payment deposit = qleven.billing().takeDeposit(principal, id, command);
        return Response.created("/v1/appointments/" + id + "/deposits", answer(deposit));
    }

    private Response deposits(Request request) {
        List<Payment> found = qleven.billing().deposits(principal(request), appointment(request));
        return Response.ok(new PaymentList(found.stream().map(PaymentEndpoints::answer).toList(), null));
    }

    private Response cashReport(Request request) {
        Principal principal = principal(request);
        String text = request.query("date")
                .orElseThrow(() -> new ValidationException("date", "is required (YYYY-MM-DD)"));
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("date", "must be a local date, YYYY-MM-DD");
        }
        CashReport report = qleven.billing().cashReport(principal, date);
        List<MethodAnswer> methods = report.methods().stream().map(m -> new MethodAnswer(m.method().wireName(),
                tally(m.payments()), tally(m.refunds()), tally(m.deposits()), tally(m.total()))).toList();
        return Response.ok(new CashReportAnswer(report.date().toString(), report.zone().getId(),
                instant(report.from()), instant(report.to()),
                report.total().amount().currency().getCurrencyCode(), methods, tally(report.total())));
    }

    /**
     * Reads the body member by member and names every error at once: a wrong method or money is
     * named here, a missing one and the rest ({@code amount.amountMinor}, {@code reference}) by the
     * command itself.
     */
    private static PaymentCommand command(PaymentBody body) {
        List<FieldError> errors = new ArrayList<>();
        PaymentMethod method = null;
        if (body.method() != null) {
            try {
                method = PaymentMethod.fromWire(body.method(), "method");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
                method = PaymentMethod.CASH; // a stand-in, so that the command does not name it again
            }
        }
        Money amount = null;
        if (body.amount() != null) {
            try {
                amount = Money.parse(body.amount().amountMinor(), body.amount().currency(), "amount");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
                amount = new Money(1, Currency.getInstance("EUR")); // a stand-in, as above
            }
        }
        try {
            PaymentCommand command = new PaymentCommand(method, amount, Optional.ofNullable(body.reference()));
            if (errors.isEmpty()) {
                return command;
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        throw new ValidationException(errors);
    }

    private static PaymentAnswer answer(Payment p) {
        return new PaymentAnswer(p.id().toString(), p.kind().wireName(),
                p.invoice().map(InvoiceId::toString).orElse(null),
                p.appointment().map(AppointmentId::toString).orElse(null), p.method().wireName(),
                MoneyAnswer.of(p.amount()), p.reference().orElse(null), p.provider(), instant(p.recordedAt()),
                p.recordedBy().value().toString());
    }

    private static TallyAnswer tally(CashReport.Tally tally) {
        return new TallyAnswer(tally.count(), MoneyAnswer.of(tally.amount()));
    }

    /** A malformed id names no appointment: the same 404 as another center's id or none. */
    private static AppointmentId appointment(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new AppointmentId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("appointment"));
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
