package com.qleven.host.http.devices;

import com.qleven.application.Qleven;
import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.devices.in.DeviceView;
import com.qleven.ports.devices.in.IssuedCredentials;
import com.qleven.ports.devices.in.RegisterDeviceCommand;
import com.qleven.ports.devices.in.TelemetryReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The device registry: {@code POST /v1/devices} {@code {"name","equipmentId","model","firmware"?}} (201
 * with {@code Location} and the MQTT credentials, the password shown this once), {@code GET /v1/devices}
 * (newest first, paged), {@code GET /v1/devices/{id}} (registration and live state),
 * {@code POST /v1/devices/{id}/credentials/rotate} (200 with the new password, once) and
 * {@code POST /v1/devices/{id}/revoke} (200 with the device). A replay of a registration or rotation
 * with the same {@code Idempotency-Key} answers the device as it now is, never the password again.
 */
public final class DeviceEndpoints {
    public static final String DEVICES = "/v1/devices";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public DeviceEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action(DEVICES, Route.Body.JSON, Permission.REGISTER_DEVICES, Route.Replay.REREAD,
                        this::register),
                Route.get(DEVICES, this::list),
                Route.get(DEVICES + "/{id}", request -> Response.ok(answer(qleven.devices()
                        .get(principal(request), id(request))))),
                // Location names the device, so a replay reads it again instead of repeating the secret.
                Route.action(DEVICES + "/{id}/credentials/rotate", Route.Body.NONE, Permission.REGISTER_DEVICES,
                        Route.Replay.REREAD, request -> {
                            IssuedCredentials issued = qleven.devices().rotateCredentials(principal(request),
                                    id(request));
                            return Response.ok(answer(issued)).withHeader("Location", DEVICES + "/" + issued.id());
                        }),
                Route.action(DEVICES + "/{id}/revoke", Route.Body.NONE, Permission.REGISTER_DEVICES,
                        Route.Replay.REREAD, request -> Response.ok(answer(qleven.devices()
                                .revoke(principal(request), id(request))))));
    }

    record RegisterBody(String name, String equipmentId, String model, String firmware) {
    }

    record CredentialsAnswer(String id, String mqttClientId, String mqttUsername, String mqttPassword,
                             String topicPrefix) {
    }

    record TelemetryAnswer(Map<String, Double> counters, Map<String, Double> temperatures, List<String> errorCodes,
                           String receivedAt) {
    }

    record DeviceAnswer(String id, String name, String equipmentId, String model, String firmware, String status,
                        boolean online, String lastSeenAt, TelemetryAnswer telemetry, String registeredAt,
                        long credentialVersion, String credentialsRotatedAt) {
    }

    record DevicePage(List<DeviceAnswer> items, String next) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private static DeviceId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> DeviceId.parse("id", t)).orElseThrow(() -> new NotFoundException("device"));
    }

    private Response register(Request request) {
        Principal principal = principal(request);
        RegisterBody body = request.body(RegisterBody.class);
        // Every bad member named at once, in the body's order.
        List<FieldError> errors = new ArrayList<>();
        Device.text(errors, "name", body.name(), Device.MAX_NAME);
        EquipmentId equipment = null;
        if (body.equipmentId() == null) {
            errors.add(new FieldError("equipmentId", "is required"));
        } else if (!UUID_TEXT.matcher(body.equipmentId()).matches()) {
            errors.add(new FieldError("equipmentId", "must be a uuid"));
        } else {
            equipment = EquipmentId.of(body.equipmentId());
        }
        Device.text(errors, "model", body.model(), Device.MAX_MODEL);
        if (body.firmware() != null) {
            Device.text(errors, "firmware", body.firmware(), Device.MAX_FIRMWARE);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        RegisterDeviceCommand command = new RegisterDeviceCommand(body.name(), equipment, body.model(),
                Optional.ofNullable(body.firmware()));
        IssuedCredentials issued = qleven.devices().register(principal, command);
        return Response.created(DEVICES + "/" + issued.id(), answer(issued));
    }

    private Response list(Request request) {
        Page<DeviceView> page = qleven.devices().list(principal(request), request.page());
        return Response.ok(new DevicePage(page.items().stream().map(DeviceEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    static CredentialsAnswer answer(IssuedCredentials c) {
        return new CredentialsAnswer(c.id().toString(), c.mqttClientId(), c.mqttUsername(), c.mqttPassword(),
                c.topicPrefix());
    }

    static DeviceAnswer answer(DeviceView v) {
        Device d = v.device();
        return new DeviceAnswer(d.id().toString(), d.name(), d.equipment().toString(), d.model(),
                d.firmware().orElse(null), d.status().wireName(), v.online(),
                v.lastSeenAt().map(DeviceEndpoints::instant).orElse(null),
                v.telemetry().map(DeviceEndpoints::telemetry).orElse(null), instant(d.registeredAt()),
                d.credentialVersion(), instant(d.credentialsRotatedAt()));
    }

    private static TelemetryAnswer telemetry(TelemetryReport t) {
        // Sorted by name, so the same telemetry always reads the same.
        return new TelemetryAnswer(new TreeMap<>(t.counters()), new TreeMap<>(t.temperatures()), t.errorCodes(),
                instant(t.receivedAt()));
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
