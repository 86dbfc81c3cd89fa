package com.qleven.domain.scheduling;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;

/**
 * What happened to an appointment, raised by its transitions for the ports to publish inside the
 * same unit of work: messaging queues a confirmation, billing redeems a package on completion, the
 * waitlist offers a freed slot. Each names the appointment, its client, when and by whom.
 */
public sealed interface AppointmentEvent {
    AppointmentId appointment();

    ClientId client();

    Instant at();

    Actor by();

    record AppointmentBooked(AppointmentId appointment, ClientId client, ServiceId service, UserId professional,
                             Instant start, Instant end, SeriesId series, Instant at, Actor by)
            implements AppointmentEvent {
    }

    record AppointmentConfirmed(AppointmentId appointment, ClientId client, Instant at, Actor by)
            implements AppointmentEvent {
    }

    record AppointmentCheckedIn(AppointmentId appointment, ClientId client, Instant at, Actor by)
            implements AppointmentEvent {
    }

    record AppointmentCompleted(AppointmentId appointment, ClientId client, ServiceId service, UserId professional,
                                Instant at, Actor by) implements AppointmentEvent {
    }

    /**
     * {@code freed} is the slot the cancellation gives back, for the waitlist; {@code late} when it
     * came inside the center's cancellation window (only staff may cancel then), which the center's
     * fee policy may charge for.
     */
    record AppointmentCancelled(AppointmentId appointment, ClientId client, String reason, FreedSlot freed,
                                boolean late, Instant at, Actor by) implements AppointmentEvent {
    }

    record AppointmentNoShow(AppointmentId appointment, ClientId client, Instant at, Actor by)
            implements AppointmentEvent {
    }

    /** {@code freed} is the slot the move gives back; the new one is the appointment's now. */
    record AppointmentRescheduled(AppointmentId appointment, ClientId client, FreedSlot freed, Instant start,
                                  Instant end, UserId professional, Instant at, Actor by) implements AppointmentEvent {
    }
}
