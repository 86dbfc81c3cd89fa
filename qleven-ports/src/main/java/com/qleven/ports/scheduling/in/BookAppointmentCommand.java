package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking: a client, a service and a start on the center's grid, with a chosen professional or
 * the first free one the service allows. Missing members are refused by the use case, naming each.
 */
public record BookAppointmentCommand(ClientId client, ServiceId service, Instant start,
                                     Optional<UserId> professional) {
    public BookAppointmentCommand {
        Objects.requireNonNull(professional, "professional");
    }
}
