package com.qleven.domain.scheduling;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** Whether a piece of equipment can be booked: a machine in maintenance is offered for nothing. */
public enum EquipmentStatus {
    AVAILABLE,
    MAINTENANCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name ({@code available}, {@code maintenance}), naming {@code status} otherwise. */
    public static EquipmentStatus parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException("status", "must be available or maintenance"));
    }
}
