package com.qleven.domain.devices;

import com.qleven.domain.shared.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** A command's id: the last level of its topics, and what the device deduplicates by. */
public record DeviceCommandId(UUID value) {
    public DeviceCommandId {
        Objects.requireNonNull(value, "value");
    }

    public static DeviceCommandId parse(String field, String text) {
        try {
            return new DeviceCommandId(UUID.fromString(Objects.requireNonNull(text, field)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, "must be a command id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
