package com.qleven.ports.scheduling.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which appointments a list shows: those starting within {@code starts} (the caller turns the
 * center's local days into instants), of one professional and/or one client when given.
 */
public record AppointmentQuery(TimeRange starts, Optional<UserId> professional, Optional<ClientId> client) {
    public AppointmentQuery {
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(client, "client");
    }

    public static AppointmentQuery within(TimeRange starts) {
        return new AppointmentQuery(starts, Optional.empty(), Optional.empty());
    }
}
