package com.qleven.domain.devices;

import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected machine in a center's registry: its name ("Laser room 2", 1 to 120 characters), the
 * piece of the center's equipment it is ({@link EquipmentId}; the registry checks it is the center's),
 * its model (1 to 120) and firmware (optional, up to 60; what the machine last reported once it
 * connects), its status and when it was registered. The credential version starts at 1 and grows by
 * one on every rotation, {@code credentialsRotatedAt} telling when the current secret was issued. The
 * secret itself is never here: the store keeps only its keyed hash.
 */
public record Device(DeviceId id, String name, EquipmentId equipment, String model, Optional<String> firmware,
                     DeviceStatus status, Instant registeredAt, long credentialVersion,
                     Instant credentialsRotatedAt) {
    public static final int MAX_NAME = 120;
    public static final int MAX_MODEL = 120;
    public static final int MAX_FIRMWARE = 60;

    public Device {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        name = text(errors, "name", name, MAX_NAME);
        if (equipment == null) {
            errors.add(new FieldError("equipmentId", "is required"));
        }
        model = text(errors, "model", model, MAX_MODEL);
        firmware = Objects.requireNonNull(firmware, "firmware").map(f -> text(errors, "firmware", f, MAX_FIRMWARE));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(credentialsRotatedAt, "credentialsRotatedAt");
        if (credentialVersion < 1) {
            throw new IllegalArgumentException("the credential version starts at 1");
        }
        if (credentialsRotatedAt.isBefore(registeredAt)) {
            throw new IllegalArgumentException("credentials are rotated after the registration");
        }
    }

    /** A new, active device with its first credentials, issued at {@code at}. */
    public static Device register(DeviceId id, String name, EquipmentId equipment, String model,
                                  Optional<String> firmware, Instant at) {
        return new Device(id, name, equipment, model, firmware, DeviceStatus.ACTIVE, at, 1, at);
    }

    public boolean active() {
        return status == DeviceStatus.ACTIVE;
    }

    /** The firmware as given (stripped), or an error naming {@code firmware}; what a status report is checked by. */
    public static Optional<String> validFirmware(Optional<String> firmware) {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> checked = firmware.map(f -> text(errors, "firmware", f, MAX_FIRMWARE));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return checked;
    }

    /**
     * The text stripped, or an error added naming {@code field} when blank, longer than {@code max} or
     * holding control characters: how every free-text member of the registry is checked.
     */
    public static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return trimmed;
    }
}
