package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring series: the first appointment as a booking, then one every {@code everyWeeks} weeks
 * at the same local time, {@code count} in all; booked all or nothing.
 */
public record BookSeriesCommand(ClientId client, ServiceId service, Instant start, Optional<UserId> professional,
                                int everyWeeks, int count) {
    public BookSeriesCommand {
        Objects.requireNonNull(professional, "professional");
    }

    /** The first occurrence, as a single booking. */
    public BookAppointmentCommand first() {
        return new BookAppointmentCommand(client, service, start, professional);
    }
}
