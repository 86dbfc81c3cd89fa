package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Moves an appointment to a new start, with a chosen professional or the first free one. */
public record RescheduleCommand(AppointmentId appointment, Instant start, Optional<UserId> professional) {
    public RescheduleCommand {
        Objects.requireNonNull(professional, "professional");
    }
}
