package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Raised inside the unit of work that changed a machine's status: a listener given to the scheduling
 * facade (booked appointments on a machine gone into maintenance are flagged with a later issue)
 * acts in the same transaction as the change. {@code by} is the member who changed it; empty when a
 * machine's own telemetry put it in maintenance (its maintenance rules).
 */
public record EquipmentStatusChanged(TenantId center, EquipmentId equipment, EquipmentStatus from,
                                     EquipmentStatus to, Optional<UserId> by, Instant at) {
    public EquipmentStatusChanged {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(equipment, "equipment");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }

    public boolean wentIntoMaintenance() {
        return to == EquipmentStatus.MAINTENANCE && from != EquipmentStatus.MAINTENANCE;
    }
}
