package com.qleven.host.http.devices;

import com.qleven.application.Qleven;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.MaintenanceRules;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.devices.in.QueueCommand;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What machines are asked and do: {@code POST /v1/devices/{id}/commands}
 * {@code {"type","parameters"?,"expiresInSeconds","appointmentId"?}} (202 with {@code {"id","status"}}
 * and {@code Location /v1/devices/{id}/commands/{commandId}}), {@code GET} of one command and of the
 * device's commands (newest first, paged), {@code GET/PUT /v1/devices/{id}/maintenance-rules}
 * ({@code {"thresholds":[{"counter","max"}],"faultCodes":[…],"anyFault"}}) and
 * {@code GET /v1/appointments/{id}/treatment-session}.
 */
public final class DeviceCommandEndpoints {
    private static final String DEVICES = DeviceEndpoints.DEVICES;
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public DeviceCommandEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                // The answer names only the command's id and status: a replay answers it again.
                Route.action(DEVICES + "/{id}/commands", Route.Body.JSON, Permission.COMMAND_DEVICES,
                        Route.Replay.ANSWER, this::queue),
                Route.get(DEVICES + "/{id}/commands", this::list),
                Route.get(DEVICES + "/{id}/commands/{commandId}", request -> Response.ok(answer(qleven.devices()
                        .command(principal(request), id(request), commandId(request))))),
                Route.get(DEVICES + "/{id}/maintenance-rules", request -> Response.ok(answer(qleven.devices()
                        .maintenanceRules(principal(request), id(request))))),
                new Route("PUT", DEVICES + "/{id}/maintenance-rules", Route.Body.JSON, this::putRules),
                Route.get("/v1/appointments/{id}/treatment-session", this::session));
    }

    record CommandBody(String type, Map<String, Object> parameters, Integer expiresInSeconds, String appointmentId) {
    }

    record QueuedAnswer(String id, String status) {
    }

    record CommandAnswer(String id, String type, String status, String detail, String createdAt, String statusAt,
                         String expiresAt, String appointmentId, Map<String, Object> parameters, int attempts) {
    }

    record CommandPage(List<CommandAnswer> items, String next) {
    }

    record ThresholdBody(String counter, Double max) {
    }

    record RulesBody(List<ThresholdBody> thresholds, List<String> faultCodes, Boolean anyFault) {
    }

    record RulesAnswer(List<ThresholdBody> thresholds, List<String> faultCodes, boolean anyFault) {
    }

    record SessionAnswer(String deviceId, String startedAt, String stoppedAt, Map<String, Object> parameters,
                         Map<String, Double> counters) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private static DeviceId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> DeviceId.parse("id", t)).orElseThrow(() -> new NotFoundException("device"));
    }

    private static DeviceCommandId commandId(Request request) {
        return request.pathParam("commandId").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> DeviceCommandId.parse("commandId", t)).orElseThrow(() -> new NotFoundException("command"));
    }

    private Response queue(Request request) {
        Principal principal = principal(request);
        DeviceId device = id(request);
        CommandBody body = request.body(CommandBody.class);
        Optional<AppointmentId> appointment = Optional.empty();
        if (body.appointmentId() != null) {
            if (!UUID_TEXT.matcher(body.appointmentId()).matches()) {
                throw new ValidationException("appointmentId", "must be a uuid");
            }
            appointment = Optional.of(new AppointmentId(UUID.fromString(body.appointmentId())));
        }
        DeviceCommand queued = qleven.devices().queueCommand(principal, device, new QueueCommand(body.type(),
                body.parameters(), body.expiresInSeconds(), appointment));
        return Response.json(202, new QueuedAnswer(queued.id().toString(), queued.status().wireName()))
                .withHeader("Location", DEVICES + "/" + device + "/commands/" + queued.id());
    }

    private Response list(Request request) {
        Page<DeviceCommand> page = qleven.devices().commands(principal(request), id(request), request.page());
        return Response.ok(new CommandPage(page.items().stream().map(DeviceCommandEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response putRules(Request request) {
        Principal principal = principal(request);
        DeviceId device = id(request);
        RulesBody body = request.body(RulesBody.class);
        List<ThresholdBody> thresholds = body.thresholds() == null ? List.of() : body.thresholds();
        for (int i = 0; i < thresholds.size(); i++) {
            ThresholdBody t = thresholds.get(i);
            if (t == null) {
                throw new ValidationException("thresholds[" + i + "]", "must be an object");
            }
            if (t.counter() == null) {
                throw new ValidationException("thresholds[" + i + "].counter", "is required");
            }
            if (t.max() == null) {
                throw new ValidationException("thresholds[" + i + "].max", "is required");
            }
        }
        MaintenanceRules rules = new MaintenanceRules(thresholds.stream()
                .map(t -> new MaintenanceRules.Threshold(t.counter(), t.max())).toList(),
                body.faultCodes() == null ? List.of() : body.faultCodes().stream()
                        .map(c -> c == null ? "" : c).toList(),
                Boolean.TRUE.equals(body.anyFault()));
        return Response.ok(answer(qleven.devices().replaceMaintenanceRules(principal, device, rules)));
    }

    private Response session(Request request) {
        AppointmentId appointment = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new AppointmentId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("treatment session"));
        TreatmentSession s = qleven.devices().treatmentSession(principal(request), appointment);
        return Response.ok(new SessionAnswer(s.device().toString(), instant(s.startedAt()),
                s.stoppedAt().map(DeviceCommandEndpoints::instant).orElse(null), new TreeMap<>(s.parameters()),
                s.countersUsed()));
    }

    static CommandAnswer answer(DeviceCommand c) {
        return new CommandAnswer(c.id().toString(), c.type().wireName(), c.status().wireName(),
                c.detail().orElse(null), instant(c.createdAt()), instant(c.statusAt()), instant(c.expiresAt()),
                c.appointment().map(Object::toString).orElse(null), new TreeMap<>(c.parameters()), c.attempts());
    }

    static RulesAnswer answer(MaintenanceRules r) {
        return new RulesAnswer(r.thresholds().stream().map(t -> new ThresholdBody(t.counter(), t.max())).toList(),
                r.faultCodes(), r.anyFault());
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
