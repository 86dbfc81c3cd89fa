package com.qleven.ports.billing.out;

import com.qleven.domain.billing.ClientPackageId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One debit of a client's package: a session or the credit by a completed appointment, or an
 * allowance by a device session; how many units ({@code 1} session, minor units of credit, units
 * of the allowance), when, by whom, and the appointment it was for, if any.
 */
public record PackageRedemption(UUID id, ClientPackageId clientPackage, Optional<AppointmentId> appointment,
                                String kind, long units, Instant at, UserId by) {
    public PackageRedemption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientPackage, "clientPackage");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        if (units <= 0) {
            throw new IllegalArgumentException("a redemption debits something");
        }
    }
}
