package com.qleven.domain.scheduling;

import java.util.Objects;

/** An appointment as a transition left it, and the event that transition raised. */
public record AppointmentChange(Appointment appointment, AppointmentEvent event) {
    public AppointmentChange {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(event, "event");
    }
}
