package com.qleven.ports.scheduling.in;

import java.util.Objects;

/** A waitlist offer accepted: the entry, now booked, and the appointment booked on the offered slot. */
public record AcceptedOffer(WaitlistView entry, AppointmentView appointment) {
    public AcceptedOffer {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(appointment, "appointment");
    }
}
