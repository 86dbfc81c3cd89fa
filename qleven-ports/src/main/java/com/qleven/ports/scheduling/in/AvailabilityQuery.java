package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An availability search: a service over an inclusive range of the center's local dates, optionally
 * one professional. Missing members are refused by the use case, naming each.
 */
public record AvailabilityQuery(ServiceId service, LocalDate from, LocalDate to, Optional<UserId> professional) {
    public AvailabilityQuery {
        Objects.requireNonNull(professional, "professional");
    }
}
