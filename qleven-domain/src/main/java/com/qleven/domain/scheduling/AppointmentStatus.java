package com.qleven.domain.scheduling;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** Where an appointment stands; wire names are lowercase snake_case ({@code checked_in}, {@code no_show}). */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire name, naming {@code status} when it is none. */
    public static AppointmentStatus parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException("status",
                        "must be one of booked, confirmed, checked_in, completed, cancelled, no_show"));
    }

    /** Still ahead of the client: it may be confirmed, cancelled or rescheduled. */
    public boolean open() {
        return this == BOOKED || this == CONFIRMED;
    }

    /**
     * Holds its professional, room and equipment: everything but a cancellation, as the exclusion
     * constraint's {@code WHERE (NOT cancelled)} says (a no-show's time has passed, but it happened).
     */
    public boolean holdsResources() {
        return this != CANCELLED;
    }
}
