package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident as it stands at the time of asking: its 72-hour deadline and whether it has passed,
 * and each affected center with when it was notified (empty while its notice has not committed).
 * A center sees itself only among {@code centers}.
 */
public record IncidentView(IncidentId id, Instant detectedAt, String description, Set<IncidentCategory> categories,
                           Instant reportedAt, Instant authorityDeadline, Incident.DeadlineStatus status,
                           List<AffectedCenter> centers) {
    public IncidentView {
        categories = Set.copyOf(categories);
        centers = List.copyOf(centers);
    }

    public record AffectedCenter(TenantId tenantId, Optional<Instant> notifiedAt) {
    }
}
