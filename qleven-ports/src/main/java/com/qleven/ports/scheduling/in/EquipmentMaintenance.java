package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a machine's own telemetry may do to scheduling: put its piece of equipment in maintenance,
 * with no principal (audited without an actor). A machine in maintenance is offered for nothing, so
 * its slots leave availability at once.
 */
@FunctionalInterface
public interface EquipmentMaintenance {
    /** An appointment still to come that holds the machine: what staff must look at. */
    record Affected(AppointmentId appointment, Instant start) {
        public Affected {
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(start, "start");
        }
    }

    /**
     * In the caller's unit: puts the piece in maintenance. When its status changed, the appointments
     * booked, confirmed or checked in on it that end after {@code at} (within the next
     * {@link #HORIZON_DAYS} days), earliest first; empty when it already was in maintenance or is not
     * the center's (nothing changed, so nothing to flag again).
     */
    Optional<List<Affected>> putInMaintenance(TenantId tenant, EquipmentId equipment, Instant at);

    int HORIZON_DAYS = 90;
}
