package com.qleven.domain.devices;

import com.qleven.domain.shared.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** A connected machine's id; also its MQTT username and client id (see {@link DeviceTopics}). */
public record DeviceId(UUID value) {
    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    /** The id from its text, naming {@code field} when it is not one. */
    public static DeviceId parse(String field, String text) {
        try {
            return new DeviceId(UUID.fromString(Objects.requireNonNull(text, field)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, "must be a device id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
