package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.UserId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which appointments a list shows: those starting on the center's local dates {@code from} to
 * {@code to} inclusive (a day's agenda when both are the same), of one professional and/or one
 * client when given.
 */
public record AppointmentListQuery(LocalDate from, LocalDate to, Optional<UserId> professional,
                                   Optional<ClientId> client) {
    public AppointmentListQuery {
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(client, "client");
    }
}
