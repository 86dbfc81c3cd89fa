package com.qleven.host.http.scheduling;

import com.qleven.application.Qleven;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.host.http.PublicIdempotency;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.PublicBooking;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The public booking pages' routes, called without a session from a center's own website (CORS
 * for any origin, no credentials): the center's services and consent notices, availability and a
 * booking by the center's public slug, then the appointment through its manage link. A slug or
 * token that names nothing (or is malformed) is a 404; nothing here names a professional by name
 * or another client.
 */
public final class PublicBookingEndpoints {
    /** The prefix every public route shares; the host answers CORS for any origin under it. */
    public static final String PREFIX = "/v1/public/";

    private final Qleven qleven;

    public PublicBookingEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/public/centers/{slug}/services", this::page),
                Route.get("/v1/public/centers/{slug}/availability", this::availability),
                Route.post("/v1/public/centers/{slug}/bookings", Route.Body.JSON, this::book),
                Route.get("/v1/public/bookings/{token}", this::managed),
                Route.post("/v1/public/bookings/{token}/confirm", Route.Body.NONE,
                        request -> Response.ok(answer(qleven.scheduling().confirmManaged(token(request))))),
                Route.post("/v1/public/bookings/{token}/cancel", Route.Body.JSON, this::cancel),
                Route.post("/v1/public/bookings/{token}/reschedule", Route.Body.JSON, this::reschedule));
    }

    private static String slug(Request request) {
        return request.pathParam("slug").orElseThrow(() -> new NotFoundException("center"));
    }

    private static String token(Request request) {
        return request.pathParam("token").orElseThrow(() -> new NotFoundException("booking"));
    }

    private Response page(Request request) {
        PublicBooking.CenterPage page = qleven.scheduling().publicPage(slug(request));
        return Response.ok(new PageAnswer(page.name(), page.zone().getId(),
                page.services().stream().map(s -> new ServiceAnswer(s.id().toString(), s.name(), s.durationMinutes(),
                        new PriceAnswer(s.price().amountMinor(), s.price().currency().getCurrencyCode()),
                        s.deposit().map(PriceAnswer::of).orElse(null))).toList(),
                page.notices().stream().map(n -> new NoticeAnswer(n.purpose(), n.textVersion(), n.text())).toList()));
    }

    private Response availability(Request request) {
        String slug = slug(request);
        SchedulingParse parse = new SchedulingParse();
        ServiceId service = parse.id("serviceId", request.query("serviceId").orElse(null), ServiceId::new);
        var from = parse.date("from", request.query("from").orElse(null));
        var to = parse.date("to", request.query("to").orElse(null));
        Optional<UserId> professional = parse.optionalId("professionalId",
                request.query("professionalId").orElse(null), UserId::new);
        requireParsed(parse);
        AvailabilityView found = qleven.scheduling().publicAvailability(slug,
                new AvailabilityQuery(service, from, to, professional));
        return Response.ok(new AvailabilityAnswer(found.slots().stream().map(s -> new SlotAnswer(
                local(s.start(), found.zone()), local(s.end(), found.zone()), s.professional().toString())).toList()));
    }

    private Response book(Request request) {
        String address = request.client().rateLimitKey();
        TenantId center = qleven.scheduling().admitPublicBooking(slug(request), address);
        BookingBody body = request.body(BookingBody.class);
        SchedulingParse parse = new SchedulingParse();
        ServiceId service = parse.id("serviceId", body.serviceId(), ServiceId::new);
        Instant start = parse.instant("start", body.start());
        Optional<UserId> professional = parse.optionalId("professionalId", body.professionalId(), UserId::new);
        requireParsed(parse);
        List<PublicBooking.Consent> consents = body.consents() == null ? List.of() : body.consents().stream()
                .map(c -> c == null ? null : new PublicBooking.Consent(c.purpose(), c.textVersion())).toList();
        PublicBooking.BookCommand command = new PublicBooking.BookCommand(service, start, professional,
                body.fullName(), body.phone(), body.email(), consents, address);
        return PublicIdempotency.run(qleven, request, center, () -> {
            PublicBooking.Booked booked = qleven.scheduling().bookOnline(center, command);
            String path = booked.manageUrl().getPath();
            return Response.created(path, new BookedAnswer(answer(booked.appointment()),
                    booked.manageUrl().toString()));
        });
    }

    private Response managed(Request request) {
        return Response.ok(answer(qleven.scheduling().managedBooking(token(request))));
    }

    private Response cancel(Request request) {
        String token = token(request);
        CancelBody body = request.body(CancelBody.class);
        return Response.ok(answer(qleven.scheduling().cancelManaged(token, body.reason())));
    }

    private Response reschedule(Request request) {
        String token = token(request);
        RescheduleBody body = request.body(RescheduleBody.class);
        SchedulingParse parse = new SchedulingParse();
        Instant start = parse.instant("start", body.start());
        requireParsed(parse);
        return Response.ok(answer(qleven.scheduling().rescheduleManaged(token, start)));
    }

    private static void requireParsed(SchedulingParse parse) {
        if (!parse.errors().isEmpty()) {
            throw new ValidationException(parse.errors());
        }
    }

    private static ManagedAnswer answer(PublicBooking.ManagedAppointment a) {
        ZoneId zone = a.zone();
        return new ManagedAnswer(a.id().toString(), a.status().wireName(), local(a.start(), zone),
                local(a.end(), zone), a.service().toString(), a.serviceName(), a.centerName(),
                local(a.changeableUntil(), zone), a.depositDue().map(PriceAnswer::of).orElse(null));
    }

    /** A time tied to the center: in the center's offset at that instant, to the second. */
    private static String local(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                .toOffsetDateTime());
    }

    // Bodies and answers -------------------------------------------------------------------------

    public record ConsentBody(String purpose, String textVersion) {
    }

    /** A booking as the page sends it; the person's details are personal data, never logged. */
    public record BookingBody(String serviceId, String start, String professionalId, String fullName, String phone,
                              String email, List<ConsentBody> consents) {
        @Override
        public String toString() {
            return "BookingBody[redacted]";
        }
    }

    /** Why the client cancels, if they say; it may be health data. */
    public record CancelBody(String reason) {
        @Override
        public String toString() {
            return "CancelBody[redacted]";
        }
    }

    public record RescheduleBody(String start) {
    }

    record PriceAnswer(long amountMinor, String currency) {
        static PriceAnswer of(com.qleven.domain.billing.Money money) {
            return new PriceAnswer(money.amountMinor(), money.currency().getCurrencyCode());
        }
    }

    /** {@code deposit}: what the center asks at booking, null when nothing. */
    record ServiceAnswer(String id, String name, int durationMinutes, PriceAnswer price, PriceAnswer deposit) {
    }

    record NoticeAnswer(String purpose, String textVersion, String text) {
    }

    record PageAnswer(String name, String timeZone, List<ServiceAnswer> services, List<NoticeAnswer> consentNotices) {
    }

    record SlotAnswer(String start, String end, String professionalId) {
    }

    record AvailabilityAnswer(List<SlotAnswer> slots) {
    }

    record ManagedAnswer(String id, String status, String start, String end, String serviceId, String serviceName,
                         String centerName, String changeableUntil, PriceAnswer depositDue) {
    }

    record BookedAnswer(ManagedAnswer appointment, String manageUrl) {
    }
}
