package com.qleven.ports.devices.out;

import com.qleven.domain.devices.CommandType;
import com.qleven.domain.devices.DeviceCommandId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A command as the device reads it on {@code commands/{id}}: {@code {"id","type","parameters",
 * "expiresAt"}}. Parameters are the treatment's (energy, fluence, pulse width, spot size, …): names to
 * numbers, strings or booleans.
 */
public record CommandMessage(DeviceCommandId id, CommandType type, Map<String, Object> parameters, Instant expiresAt) {
    public CommandMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
