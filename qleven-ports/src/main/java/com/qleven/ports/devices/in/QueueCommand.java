package com.qleven.ports.devices.in;

import com.qleven.domain.scheduling.AppointmentId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/devices/{id}/commands}: the command's type (wire name), its parameters (names to
 * numbers, strings or booleans; none for types without), its lifetime in seconds and the appointment
 * it serves, if any. Checked by the use case, which names the field of any error.
 */
public record QueueCommand(String type, Map<String, Object> parameters, Integer expiresInSeconds,
                           Optional<AppointmentId> appointment) {
    public QueueCommand {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
        Objects.requireNonNull(appointment, "appointment");
    }
}
