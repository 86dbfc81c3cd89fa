package com.qleven.application.scheduling;

import com.qleven.application.Foundation;
import java.util.Objects;

/**
 * Scheduling: the center's scheduling settings, its catalogue of services, rooms and equipment,
 * the staff's working hours and time off, availability, appointments and the waitlist: {@code
 * qleven.scheduling()}. Every verb checks the principal's permission itself.
 */
public final class SchedulingFacade {
    private final Foundation foundation;

    /** Wires the context's services, each with the narrow ports it uses. */
    public SchedulingFacade(Foundation f) {
        this.foundation = Objects.requireNonNull(f, "foundation");
    }
}
