package com.qleven.host.http.scheduling;

import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.scheduling.AppointmentBodies.BookBody;
import com.qleven.host.http.scheduling.AppointmentBodies.CancelBody;
import com.qleven.host.http.scheduling.AppointmentBodies.RescheduleBody;
import com.qleven.host.http.scheduling.AppointmentBodies.SeriesBody;
import com.qleven.host.http.scheduling.AppointmentBodies.WaitlistBody;
import com.qleven.ports.scheduling.in.AcceptedOffer;
import com.qleven.ports.scheduling.in.AppointmentListQuery;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.in.WaitlistCommand;
import com.qleven.ports.scheduling.in.WaitlistView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Availability, appointments (book, read, list, the lifecycle's actions), recurring series and the
 * waitlist. Times tied to the center (starts, ends, slots) are answered in the center's offset at
 * that instant; other instants in UTC with {@code Z}. Booking, the lifecycle's actions, series and
 * the waitlist honour {@code Idempotency-Key}, a replay reading the appointment, the series or the
 * entry again with the caller's rights.
 */
public final class AppointmentEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /**
     * What a replay of a booking or an action checks again: every role that may book holds it (the
     * desk for every agenda, a professional for their own); the read that answers a replay then
     * applies the agenda rule itself.
     */
    private static final Permission BOOKERS = Permission.VIEW_AVAILABILITY;

    private final Qleven qleven;

    public AppointmentEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/availability", this::availability),
                Route.action("/v1/appointments", Route.Body.JSON, BOOKERS, Route.Replay.REREAD, this::book),
                Route.get("/v1/appointments", this::list),
                Route.get("/v1/appointments/{id}", this::get),
                action("confirm", (p, id) -> qleven.scheduling().confirm(p, id)),
                action("check-in", (p, id) -> qleven.scheduling().checkIn(p, id)),
                action("complete", (p, id) -> qleven.scheduling().complete(p, id)),
                action("no-show", (p, id) -> qleven.scheduling().noShow(p, id)),
                Route.action("/v1/appointments/{id}/cancel", Route.Body.JSON, BOOKERS, Route.Replay.REREAD,
                        this::cancel),
                Route.action("/v1/appointments/{id}/reschedule", Route.Body.JSON, BOOKERS, Route.Replay.REREAD,
                        this::reschedule),
                Route.action("/v1/appointment-series", Route.Body.JSON, BOOKERS, Route.Replay.REREAD, this::series),
                Route.get("/v1/appointment-series/{id}", this::getSeries),
                Route.action("/v1/waitlist", Route.Body.JSON, Permission.MANAGE_WAITLIST, Route.Replay.REREAD,
                        this::addToWaitlist),
                Route.get("/v1/waitlist", this::waitlist),
                Route.get("/v1/waitlist/{id}", this::waitlistEntry),
                // A professional may accept an offer on their own agenda: the replay checks what every
                // booker holds, then reads the appointment (Location) with the agenda rule.
                Route.action("/v1/waitlist/{id}/accept", Route.Body.NONE, BOOKERS, Route.Replay.REREAD,
                        this::acceptOffer),
                Route.action("/v1/waitlist/{id}/decline", Route.Body.NONE, Permission.MANAGE_WAITLIST,
                        Route.Replay.REREAD, request -> Response.ok(answer(qleven.scheduling()
                                .declineWaitlistOffer(principal(request), entryId(request))))),
                Route.action("/v1/waitlist/{id}/withdraw", Route.Body.NONE, Permission.MANAGE_WAITLIST,
                        Route.Replay.REREAD, request -> Response.ok(answer(qleven.scheduling()
                                .withdrawFromWaitlist(principal(request), entryId(request))))));
    }

    private Route action(String verb, BiFunction<Principal, AppointmentId, AppointmentView> act) {
        return Route.action("/v1/appointments/{id}/" + verb, Route.Body.NONE, BOOKERS, Route.Replay.REREAD,
                request -> Response.ok(answer(act.apply(principal(request), id(request)))));
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response availability(Request request) {
        Principal principal = principal(request);
        SchedulingParse parse = new SchedulingParse();
        ServiceId service = parse.id("serviceId", request.query("serviceId").orElse(null), ServiceId::new);
        var from = parse.date("from", request.query("from").orElse(null));
        var to = parse.date("to", request.query("to").orElse(null));
        Optional<UserId> professional = parse.optionalId("professionalId",
                request.query("professionalId").orElse(null), UserId::new);
        requireParsed(parse);
        AvailabilityView found = qleven.scheduling().availability(principal,
                new AvailabilityQuery(service, from, to, professional));
        return Response.ok(new AvailabilityAnswer(found.slots().stream().map(s -> new SlotAnswer(
                local(s.start(), found.zone()), local(s.end(), found.zone()), s.professional().toString())).toList()));
    }

    private Response book(Request request) {
        Principal principal = principal(request);
        BookBody body = request.body(BookBody.class);
        SchedulingParse parse = new SchedulingParse();
        BookAppointmentCommand command = new BookAppointmentCommand(
                parse.id("clientId", body.clientId(), ClientId::new),
                parse.id("serviceId", body.serviceId(), ServiceId::new),
                parse.instant("start", body.start()),
                parse.optionalId("professionalId", body.professionalId(), UserId::new));
        requireParsed(parse);
        AppointmentView booked = qleven.scheduling().book(principal, command);
        return Response.created("/v1/appointments/" + booked.id(), answer(booked));
    }

    private Response series(Request request) {
        Principal principal = principal(request);
        SeriesBody body = request.body(SeriesBody.class);
        SchedulingParse parse = new SchedulingParse();
        ClientId client = parse.id("clientId", body.clientId(), ClientId::new);
        ServiceId service = parse.id("serviceId", body.serviceId(), ServiceId::new);
        Instant start = parse.instant("start", body.start());
        Optional<UserId> professional = parse.optionalId("professionalId", body.professionalId(), UserId::new);
        if (body.everyWeeks() == null) {
            parse.errors().add(new com.qleven.domain.shared.FieldError("everyWeeks", "is required"));
        }
        if (body.count() == null) {
            parse.errors().add(new com.qleven.domain.shared.FieldError("count", "is required"));
        }
        requireParsed(parse);
        List<AppointmentView> booked = qleven.scheduling().bookSeries(principal, new BookSeriesCommand(client,
                service, start, professional, body.everyWeeks(), body.count()));
        return Response.created("/v1/appointment-series/" + booked.get(0).series().orElseThrow(), series(booked));
    }

    private Response getSeries(Request request) {
        Principal principal = principal(request);
        SeriesId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new SeriesId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("appointment series"));
        return Response.ok(series(qleven.scheduling().series(principal, id)));
    }

    private static SeriesAnswer series(List<AppointmentView> appointments) {
        return new SeriesAnswer(appointments.get(0).series().map(Object::toString).orElse(null),
                appointments.stream().map(AppointmentEndpoints::answer).toList());
    }

    private Response get(Request request) {
        return Response.ok(answer(qleven.scheduling().appointment(principal(request), id(request))));
    }

    private Response list(Request request) {
        Principal principal = principal(request);
        var page = request.page();
        SchedulingParse parse = new SchedulingParse();
        var from = parse.date("from", request.query("from").orElse(null));
        var to = parse.date("to", request.query("to").orElse(null));
        Optional<UserId> professional = parse.optionalId("professionalId",
                request.query("professionalId").orElse(null), UserId::new);
        Optional<ClientId> client = parse.optionalId("clientId", request.query("clientId").orElse(null),
                ClientId::new);
        requireParsed(parse);
        Page<AppointmentView> found = qleven.scheduling().appointments(principal,
                new AppointmentListQuery(from, to, professional, client), page);
        return Response.ok(new AppointmentPage(found.items().stream().map(AppointmentEndpoints::answer).toList(),
                found.next().orElse(null)));
    }

    private Response cancel(Request request) {
        Principal principal = principal(request);
        AppointmentId id = id(request);
        CancelBody body = request.body(CancelBody.class);
        return Response.ok(answer(qleven.scheduling().cancel(principal, id, body.reason())));
    }

    private Response reschedule(Request request) {
        Principal principal = principal(request);
        AppointmentId id = id(request);
        RescheduleBody body = request.body(RescheduleBody.class);
        SchedulingParse parse = new SchedulingParse();
        Instant start = parse.instant("start", body.start());
        Optional<UserId> professional = parse.optionalId("professionalId", body.professionalId(), UserId::new);
        requireParsed(parse);
        return Response.ok(answer(qleven.scheduling().reschedule(principal,
                new RescheduleCommand(id, start, professional))));
    }

    private Response addToWaitlist(Request request) {
        Principal principal = principal(request);
        WaitlistBody body = request.body(WaitlistBody.class);
        SchedulingParse parse = new SchedulingParse();
        WaitlistCommand command = new WaitlistCommand(parse.id("clientId", body.clientId(), ClientId::new),
                parse.id("serviceId", body.serviceId(), ServiceId::new), parse.date("from", body.from()),
                parse.date("to", body.to()),
                parse.optionalId("professionalId", body.professionalId(), UserId::new));
        requireParsed(parse);
        WaitlistView added = qleven.scheduling().addToWaitlist(principal, command);
        return Response.created("/v1/waitlist/" + added.entry().id(), answer(added));
    }

    private Response waitlistEntry(Request request) {
        Principal principal = principal(request);
        return Response.ok(answer(qleven.scheduling().waitlistEntry(principal, entryId(request))));
    }

    /** 201 with the entry and the appointment booked on its offer, whose path is the {@code Location}. */
    private Response acceptOffer(Request request) {
        Principal principal = principal(request);
        AcceptedOffer accepted = qleven.scheduling().acceptWaitlistOffer(principal, entryId(request));
        return Response.created("/v1/appointments/" + accepted.appointment().id(),
                new AcceptanceAnswer(answer(accepted.entry()), answer(accepted.appointment())));
    }

    /** A malformed id names no entry: the same 404 as another center's id or none. */
    private static WaitlistEntryId entryId(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new WaitlistEntryId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("waitlist entry"));
    }

    private Response waitlist(Request request) {
        Principal principal = principal(request);
        Page<WaitlistView> found = qleven.scheduling().waitlist(principal, request.page());
        return Response.ok(new WaitlistPage(found.items().stream().map(AppointmentEndpoints::answer).toList(),
                found.next().orElse(null)));
    }

    private static void requireParsed(SchedulingParse parse) {
        if (!parse.errors().isEmpty()) {
            throw new ValidationException(parse.errors());
        }
    }

    /** A malformed id names no appointment: the same 404 as another center's id or none. */
    private static AppointmentId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new AppointmentId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("appointment"));
    }

    static AppointmentAnswer answer(AppointmentView a) {
        ZoneId zone = a.zone();
        return new AppointmentAnswer(a.id().toString(), a.status().wireName(), local(a.start(), zone),
                local(a.end(), zone), a.professional().toString(), a.room().map(Object::toString).orElse(null),
                a.equipment().stream().map(EquipmentId::toString).toList(), a.client().toString(),
                a.service().toString(), a.series().map(Object::toString).orElse(null), utc(a.statusAt()),
                a.cancellation().map(c -> new CancellationAnswer(c.reason(), c.byKind(),
                        c.by().map(Object::toString).orElse(null), utc(c.at()))).orElse(null),
                a.history().stream().map(h -> move(h, zone)).toList(), utc(a.bookedAt()), a.version(),
                a.depositDue().map(d -> new MoneyAnswer(d.amountMinor(), d.currency().getCurrencyCode())).orElse(null));
    }

    private static MoveAnswer move(PreviousSlot h, ZoneId zone) {
        return new MoveAnswer(local(h.start(), zone), local(h.end(), zone), h.professional().toString(),
                utc(h.movedAt()));
    }

    static WaitlistAnswer answer(WaitlistView view) {
        WaitlistEntry e = view.entry();
        OfferAnswer offer = e.offer() == null ? null : new OfferAnswer(local(e.offer().slot().start(), view.zone()),
                local(e.offer().slot().end(), view.zone()), e.offer().slot().professional().toString(),
                utc(e.offer().offeredAt()), utc(e.offer().expiresAt()));
        return new WaitlistAnswer(e.id().toString(), e.client().toString(), e.service().toString(),
                e.from().toString(), e.to().toString(), e.professional() == null ? null : e.professional().toString(),
                e.status().wireName(), offer, utc(e.createdAt()),
                e.appointment() == null ? null : e.appointment().toString());
    }

    /** A time tied to the center: in the center's offset at that instant, to the second. */
    private static String local(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone)
                .toOffsetDateTime());
    }

    /** In UTC with Z, to the millisecond, as every other instant of the API. */
    private static String utc(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    record SlotAnswer(String start, String end, String professionalId) {
    }

    record AvailabilityAnswer(List<SlotAnswer> slots) {
    }

    record CancellationAnswer(String reason, String byKind, String by, String at) {
    }

    record MoveAnswer(String start, String end, String professionalId, String movedAt) {
    }

    record AppointmentAnswer(String id, String status, String start, String end, String professionalId,
                             String roomId, List<String> equipmentIds, String clientId, String serviceId,
                             String seriesId, String statusAt, CancellationAnswer cancellation,
                             List<MoveAnswer> history, String bookedAt, long version, MoneyAnswer depositDue) {
    }

    /** {@code depositDue}: what the booking asked as a deposit, for the desk to take; null when none. */
    record MoneyAnswer(long amountMinor, String currency) {
    }

    record AppointmentPage(List<AppointmentAnswer> items, String next) {
    }

    record SeriesAnswer(String seriesId, List<AppointmentAnswer> items) {
    }

    record OfferAnswer(String start, String end, String professionalId, String offeredAt, String expiresAt) {
    }

    record WaitlistAnswer(String id, String clientId, String serviceId, String from, String to,
                          String professionalId, String status, OfferAnswer offer, String createdAt,
                          String appointmentId) {
    }

    record WaitlistPage(List<WaitlistAnswer> items, String next) {
    }

    record AcceptanceAnswer(WaitlistAnswer entry, AppointmentAnswer appointment) {
    }
}
