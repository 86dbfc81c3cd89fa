package com.qleven.domain.devices;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the platform may ask of a machine. {@link #ARM} readies a treatment session with its
 * parameters: energy is delivered only when the operator confirms on the machine itself, never by the
 * command. Wire names are lowercase snake_case.
 */
public enum CommandType {
    ARM,
    DISARM,
    STOP,
    LOCK,
    UNLOCK,
    SET_PARAMETERS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the command carries treatment parameters (and so needs them). */
    public boolean takesParameters() {
        return this == ARM || this == SET_PARAMETERS;
    }

    public static CommandType parse(String field, String wire) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of "
                        + Arrays.stream(values()).map(CommandType::wireName).collect(Collectors.joining(", "))));
    }
}
