package com.qleven.host.http.scheduling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.application.Qleven;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.DatedHours;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.OpeningHours;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.scheduling.WeeklyInterval;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.JsonMembers;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.scheduling.in.CenterView;
import com.qleven.ports.scheduling.in.ServiceView;
import com.qleven.ports.scheduling.in.TimeOffView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The center's settings ({@code GET|PATCH /v1/center}), its catalogue (services, rooms, equipment)
 * and its staff's working hours and time off. Services carry an {@code ETag}; a PATCH with a stale
 * {@code If-Match} answers 412.
 */
public final class SchedulingEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern ENTITY_TAG = Pattern.compile("^\"([0-9a-f]{1,64})\"$");
    /** A tag no service ever has: an {@code If-Match} that names none of ours can only fail. */
    private static final String NO_TAG = "-";
    private static final Pattern LOCAL_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final Qleven qleven;

    public SchedulingEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/center", this::center),
                new Route("PATCH", "/v1/center", Route.Body.JSON, this::updateCenter),
                Route.action("/v1/services", Route.Body.JSON, Permission.MANAGE_CATALOGUE, Route.Replay.REREAD,
                        this::createService),
                Route.get("/v1/services", this::services),
                Route.get("/v1/services/{id}", this::service),
                new Route("PATCH", "/v1/services/{id}", Route.Body.JSON, this::updateService),
                Route.action("/v1/rooms", Route.Body.JSON, Permission.MANAGE_CATALOGUE, Route.Replay.ANSWER,
                        this::createRoom),
                Route.get("/v1/rooms", this::rooms),
                Route.action("/v1/equipment", Route.Body.JSON, Permission.MANAGE_CATALOGUE, Route.Replay.ANSWER,
                        this::createEquipment),
                Route.get("/v1/equipment", this::equipment),
                new Route("PATCH", "/v1/equipment/{id}", Route.Body.JSON, this::setEquipmentStatus),
                new Route("PUT", "/v1/staff/{userId}/working-hours", Route.Body.JSON, this::setWorkingHours),
                Route.get("/v1/staff/{userId}/working-hours", this::workingHours),
                new Route("PUT", "/v1/staff/{userId}/exceptions/{date}", Route.Body.JSON, this::setException),
                Route.action("/v1/staff/{userId}/time-off", Route.Body.JSON, Permission.MANAGE_OWN_SCHEDULE,
                        Route.Replay.ANSWER, this::addTimeOff),
                Route.get("/v1/staff/{userId}/time-off", this::timeOff));
    }

    // Bodies ----------------------------------------------------------------------------------------

    public record NameBody(String name) {
    }

    public record EquipmentBody(String name, String kind) {
    }

    public record EquipmentStatusBody(String status) {
    }

    public record IntervalBody(String day, String start, String end) {
    }

    public record WorkingHoursBody(List<IntervalBody> weekly) {
    }

    public record WindowBody(String start, String end) {
    }

    /** A date's hours instead of the weekday's: no windows, a day off. */
    public record ExceptionBody(List<WindowBody> windows) {
    }

    /** A reason may be health data ("surgery"): never logged. */
    public record TimeOffBody(String start, String end, String reason) {
        @Override
        public String toString() {
            return "TimeOffBody[redacted]";
        }
    }

    // Answers ---------------------------------------------------------------------------------------

    record Interval(String day, String start, String end) {
    }

    record OpeningHoursAnswer(List<Interval> weekly, List<String> closedDays) {
    }

    record CenterAnswer(String name, String address, String taxId, String country, String timeZone, String currency,
                        String slug, String locale, int slotMinutes, OpeningHoursAnswer openingHours,
                        int cancellationWindowHours, int waitlistOfferHoldMinutes) {
    }

    record MoneyAnswer(long amountMinor, String currency) {
    }

    record ServiceAnswer(String id, String name, int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
                         MoneyAnswer price, String taxRate, boolean roomRequired, List<String> equipmentKinds,
                         List<String> professionalIds, boolean active, MoneyAnswer deposit) {
    }

    record RoomAnswer(String id, String name) {
    }

    record EquipmentAnswer(String id, String name, String kind, String status) {
    }

    record WorkingHoursAnswer(String userId, List<Interval> weekly) {
    }

    record WindowAnswer(String start, String end) {
    }

    record ExceptionAnswer(String userId, String date, List<WindowAnswer> windows) {
    }

    record TimeOffAnswer(String id, String userId, String start, String end, String reason, String createdAt) {
    }

    record Items<T>(List<T> items, String next) {
    }

    // Settings --------------------------------------------------------------------------------------

    private Response center(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(answer(qleven.scheduling().center(principal)));
    }

    private Response updateCenter(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ObjectNode body = request.body(ObjectNode.class);
        return Response.ok(answer(qleven.scheduling().updateCenter(principal, JsonMembers.of(body))));
    }

    // Catalogue -------------------------------------------------------------------------------------

    private Response createService(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ObjectNode body = request.body(ObjectNode.class);
        ServiceView created = qleven.scheduling().createService(principal, JsonMembers.of(body));
        return Response.created("/v1/services/" + created.service().id().value(), answer(created))
                .withHeader("ETag", etag(created));
    }

    private Response services(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(new Items<>(qleven.scheduling().services(principal).stream()
                .map(SchedulingEndpoints::answer).toList(), null));
    }

    private Response service(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ServiceView service = qleven.scheduling().service(principal, id(request, "id", ServiceId::new, "service"));
        return Response.ok(answer(service)).withHeader("ETag", etag(service));
    }

    private Response updateService(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ServiceId id = id(request, "id", ServiceId::new, "service");
        ObjectNode body = request.body(ObjectNode.class);
        ServiceView updated = qleven.scheduling().updateService(principal, id, JsonMembers.of(body),
                expectedTag(request));
        return Response.ok(answer(updated)).withHeader("ETag", etag(updated));
    }

    private Response createRoom(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        NameBody body = request.body(NameBody.class);
        Room room = qleven.scheduling().createRoom(principal, body.name());
        return Response.created("/v1/rooms", answer(room));
    }

    private Response rooms(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(new Items<>(qleven.scheduling().rooms(principal).stream()
                .map(SchedulingEndpoints::answer).toList(), null));
    }

    private Response createEquipment(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        EquipmentBody body = request.body(EquipmentBody.class);
        Equipment equipment = qleven.scheduling().createEquipment(principal, body.name(), body.kind());
        return Response.created("/v1/equipment", answer(equipment));
    }

    private Response equipment(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(new Items<>(qleven.scheduling().equipment(principal).stream()
                .map(SchedulingEndpoints::answer).toList(), null));
    }

    private Response setEquipmentStatus(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        EquipmentId id = id(request, "id", EquipmentId::new, "equipment");
        EquipmentStatusBody body = request.body(EquipmentStatusBody.class);
        EquipmentStatus status = body.status() == null ? null : EquipmentStatus.parse(body.status());
        if (status == null) {
            throw new ValidationException("status", "is required");
        }
        return Response.ok(answer(qleven.scheduling().setEquipmentStatus(principal, id, status)));
    }

    // Staff -----------------------------------------------------------------------------------------

    private Response setWorkingHours(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId member = id(request, "userId", UserId::new, "member");
        WorkingHoursBody body = request.body(WorkingHoursBody.class);
        List<WeeklyHours.Entry> entries = body.weekly() == null ? null : body.weekly().stream()
                .map(i -> i == null ? null : new WeeklyHours.Entry(i.day(), i.start(), i.end())).toList();
        WeeklyHours hours = qleven.scheduling().setWorkingHours(principal, member, entries);
        return Response.ok(new WorkingHoursAnswer(member.value().toString(), intervals(hours)));
    }

    private Response workingHours(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId member = id(request, "userId", UserId::new, "member");
        return Response.ok(new WorkingHoursAnswer(member.value().toString(),
                intervals(qleven.scheduling().workingHours(principal, member))));
    }

    private Response setException(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId member = id(request, "userId", UserId::new, "member");
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = localDate(request.pathParam("date"), "date", errors);
        ExceptionBody body = request.body(ExceptionBody.class);
        List<TimeWindow> windows = new ArrayList<>();
        if (body.windows() == null) {
            errors.add(new FieldError("windows", "is required"));
        } else {
            for (int i = 0; i < body.windows().size(); i++) {
                WindowBody w = body.windows().get(i);
                String at = "windows[" + i + "]";
                if (w == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                try {
                    windows.add(window(w));
                } catch (ValidationException e) {
                    errors.addAll(e.under(at).errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        DatedHours hours = qleven.scheduling().setException(principal, member, date, windows);
        return Response.ok(new ExceptionAnswer(member.value().toString(), hours.date().toString(),
                hours.windows().stream().map(w -> new WindowAnswer(w.start().toString(), w.endText())).toList()));
    }

    /** A window of local times, naming {@code start} or {@code end}, all at once. */
    private static TimeWindow window(WindowBody w) {
        List<FieldError> errors = new ArrayList<>();
        java.time.LocalTime start = null;
        java.time.LocalTime end = null;
        try {
            start = TimeWindow.parseTime(w.start(), "start", false);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            end = TimeWindow.parseTime(w.end(), "end", true);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new TimeWindow(start, end);
    }

    private Response addTimeOff(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId member = id(request, "userId", UserId::new, "member");
        TimeOffBody body = request.body(TimeOffBody.class);
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant(body.start(), "start", errors);
        Instant end = instant(body.end(), "end", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TimeOffView added = qleven.scheduling().addTimeOff(principal, member, start, end, body.reason());
        // The answer is kept for replays: the reason, which may be health data, is not in it.
        return Response.created("/v1/staff/" + member.value() + "/time-off", answer(added, false));
    }

    private Response timeOff(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId member = id(request, "userId", UserId::new, "member");
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = localDate(request.query("from"), "from", errors);
        LocalDate to = localDate(request.query("to"), "to", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Response.ok(new Items<>(qleven.scheduling().timeOff(principal, member, Optional.ofNullable(from),
                        Optional.ofNullable(to)).stream()
                .map(t -> answer(t, true)).toList(), null));
    }

    // Helpers ---------------------------------------------------------------------------------------

    /** A malformed id names no resource: the same 404 as another center's id or none. */
    private static <T> T id(Request request, String param, Function<UUID, T> type, String what) {
        return request.pathParam(param).filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> type.apply(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException(what));
    }

    private static Optional<String> expectedTag(Request request) {
        Optional<String> header = request.header("If-Match").map(String::strip);
        if (header.isEmpty() || header.get().equals("*")) {
            return Optional.empty();
        }
        Matcher tag = ENTITY_TAG.matcher(header.get());
        return Optional.of(tag.matches() ? tag.group(1) : NO_TAG);
    }

    private static String etag(ServiceView service) {
        return "\"" + service.tag() + "\"";
    }

    /** An instant with its offset; a local date-time without one is refused, naming the field. */
    private static Instant instant(String text, String field, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an instant with an offset, such as 2026-03-29T09:00:00+02:00"));
            return null;
        }
    }

    private static LocalDate localDate(Optional<String> text, String field, List<FieldError> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (!LOCAL_DATE.matcher(text.get()).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", text.get(), 0);
            }
            return LocalDate.parse(text.get());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a local date YYYY-MM-DD"));
            return null;
        }
    }

    private static CenterAnswer answer(CenterView view) {
        CenterProfile p = view.profile();
        SchedulingSettings s = view.settings();
        OpeningHours o = s.openingHours();
        return new CenterAnswer(p.name(), p.address(), p.taxId(), p.country(), p.timeZone().getId(),
                p.currency().getCurrencyCode(), s.slug(), s.locale().toLanguageTag(), s.slotMinutes(),
                new OpeningHoursAnswer(intervals(o.weekly()), o.closedDays().stream().map(LocalDate::toString).toList()),
                s.cancellationWindowHours(), s.waitlistOfferHoldMinutes());
    }

    private static List<Interval> intervals(WeeklyHours hours) {
        return hours.weekly().stream().sorted(java.util.Comparator.comparing(WeeklyInterval::day)
                        .thenComparingInt(i -> i.window().startMinute()))
                .map(i -> new Interval(i.dayName(), i.window().start().toString(), i.window().endText())).toList();
    }

    private static ServiceAnswer answer(ServiceView view) {
        Service s = view.service();
        return new ServiceAnswer(s.id().value().toString(), s.name(), s.durationMinutes(), s.bufferBeforeMinutes(),
                s.bufferAfterMinutes(), new MoneyAnswer(s.price().amountMinor(), s.price().currency().getCurrencyCode()),
                s.taxRate(), s.roomRequired(), List.copyOf(s.equipmentKinds()),
                s.professionalIds().stream().map(u -> u.value().toString()).toList(), s.active(),
                s.deposit().map(d -> new MoneyAnswer(d.amountMinor(), d.currency().getCurrencyCode())).orElse(null));
    }

    private static RoomAnswer answer(Room room) {
        return new RoomAnswer(room.id().value().toString(), room.name());
    }

    private static EquipmentAnswer answer(Equipment e) {
        return new EquipmentAnswer(e.id().value().toString(), e.name(), e.kind(), e.status().wireName());
    }

    private static TimeOffAnswer answer(TimeOffView t, boolean withReason) {
        return new TimeOffAnswer(t.id().value().toString(), t.member().value().toString(), instant(t.start()),
                instant(t.end()), withReason ? t.reason().orElse(null) : null, instant(t.createdAt()));
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
